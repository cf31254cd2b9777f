import { Alert } from "@mantine/core";
import { IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import type { Notice } from "./notice";

/** Why the last action on the plate did not go through, until dismissed. */
export function NoticeAlert({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
  if (!notice) return null;
  const calm = notice.tone === "calm";
  return (
    <Alert
      color={calm ? "blue" : "red"}
      variant="light"
      icon={calm ? <IconInfoCircle aria-hidden /> : <IconAlertTriangle aria-hidden />}
      role={calm ? "status" : "alert"}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      mb="md"
    >
      {notice.message}
    </Alert>
  );
}
