import { Modal } from "@mantine/core";
import { useState } from "react";
import type { Person } from "../../contract";
import type { CreatedInvitation } from "../api/invitations";
import { InvitationCreated } from "./InvitationCreated";
import { InviteForm } from "./InviteForm";

interface InviteModalProps {
  opened: boolean;
  onClose: () => void;
  people: Person[];
}

export function InviteModal({ opened, onClose, people }: InviteModalProps) {
  const [created, setCreated] = useState<{ invitation: CreatedInvitation; email: string } | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Invite people" size="lg">
      {created ? (
        <InvitationCreated
          invitation={created.invitation}
          email={created.email}
          onInviteAnother={() => setCreated(null)}
          onDone={close}
        />
      ) : (
        <InviteForm
          people={people}
          onCreated={(invitation, email) => setCreated({ invitation, email })}
          onCancel={close}
        />
      )}
    </Modal>
  );
}
