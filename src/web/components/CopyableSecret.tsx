import { Button, CopyButton, Group, TextInput } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { useEffect, useRef } from "react";

interface CopyableSecretProps {
  label: string;
  value: string;
  description?: string;
  /** Moves focus to the value when it appears, so it can be copied from the keyboard at once. */
  focusOnMount?: boolean;
}

/** A value shown once (an invitation link, an API token): readable, selectable, and one click to copy. */
export function CopyableSecret({ label, value, description, focusOnMount = false }: CopyableSecretProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnMount) inputRef.current?.focus();
  }, [focusOnMount]);
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        ref={inputRef}
        label={label}
        description={description}
        value={value}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        style={{ flex: 1 }}
      />
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Button
            onClick={copy}
            color={copied ? "teal" : undefined}
            variant={copied ? "light" : "filled"}
            leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
