import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import type { CreatedInvitation } from "../api/invitations";
import { CopyableSecret } from "../components/CopyableSecret";
import { formatDateTime } from "../components/format";

interface InvitationCreatedProps {
  invitation: CreatedInvitation;
  email: string;
  onInviteAnother: () => void;
  onDone: () => void;
}

export function InvitationCreated({ invitation, email, onInviteAnother, onDone }: InvitationCreatedProps) {
  return (
    <Stack>
      <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title="Invitation ready" role="status">
        Send this link to {email}. It is shown only once and works until{" "}
        {formatDateTime(invitation.expiresAt)}.
      </Alert>
      <CopyableSecret label="Invitation link" value={invitation.url} focusOnMount />
      <Text size="xs" c="dimmed">
        Lost it? Revoke the invitation below and create a new one.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onInviteAnother}>
          Invite someone else
        </Button>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
