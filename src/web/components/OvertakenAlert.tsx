import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { isApiError } from "../api/errors";

/**
 * What a save refused because someone else saved first (409) says the thing is now, or null for any
 * other failure. A form then shows their version and offers `OvertakenAlert`.
 */
export function overtakenBy<T>(error: unknown): T | null {
  return isApiError(error, 409) && error.current ? (error.current as T) : null;
}

interface OvertakenAlertProps {
  /** "Someone else just saved this task". */
  title: string;
  /** Puts one's own edits back in the form, over theirs, to save again. */
  onRestore: () => void;
  onKeepTheirs: () => void;
}

/** Said over a form that now shows someone else's version: one's edits were not saved, and can be put back. */
export function OvertakenAlert({ title, onRestore, onKeepTheirs }: OvertakenAlertProps) {
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title={title} role="status">
      <Stack gap="xs">
        <Text size="sm">The form now shows their version; your edits were not saved.</Text>
        <Group gap="xs">
          <Button size="xs" variant="white" onClick={onRestore}>
            Put my edits back
          </Button>
          <Button size="xs" variant="subtle" onClick={onKeepTheirs}>
            Keep theirs
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
