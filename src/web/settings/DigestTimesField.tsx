import { ActionIcon, Button, Group, Input, Stack, Text, TextInput } from "@mantine/core";
import { IconPlus, IconX } from "@tabler/icons-react";
import { useId } from "react";
import { MAX_DIGEST_TIMES } from "./settingsValues";

interface DigestTimesFieldProps {
  times: string[];
  onChange: (index: number, time: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** Errors keyed by index, and `list` for the list as a whole (e.g. repeated times). */
  errorAt: (index: number) => string | null;
  listError: string | null;
}

export function DigestTimesField({
  times,
  onChange,
  onAdd,
  onRemove,
  errorAt,
  listError,
}: DigestTimesFieldProps) {
  const labelId = useId();
  return (
    <Stack gap={6}>
      <Text id={labelId} size="sm" fw={500}>
        Digest times
      </Text>
      <Group gap="sm" align="flex-start" role="group" aria-labelledby={labelId}>
        {times.map((time, index) => (
          <Group
            // Times are edited in place: the position is what identifies an entry while it is typed.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            gap={4}
            wrap="nowrap"
            align="flex-start"
          >
            <TextInput
              type="time"
              aria-label={`Digest time ${index + 1}`}
              value={time}
              onChange={(event) => onChange(index, event.currentTarget.value)}
              error={errorAt(index)}
              w={130}
              required
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              onClick={() => onRemove(index)}
              aria-label={time ? `Remove ${time}` : "Remove the empty time"}
            >
              <IconX size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {times.length < MAX_DIGEST_TIMES && (
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd}>
            Add a time
          </Button>
        )}
      </Group>
      {times.length === 0 && (
        <Text size="xs" c="dimmed">
          No digest will be sent. Add a time to get one.
        </Text>
      )}
      {listError && <Input.Error>{listError}</Input.Error>}
    </Stack>
  );
}
