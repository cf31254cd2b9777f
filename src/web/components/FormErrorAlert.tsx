import { Alert } from "@mantine/core";

/** The error of a whole form (not of one field), announced to screen readers; nothing when there is none. */
export function FormErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}
