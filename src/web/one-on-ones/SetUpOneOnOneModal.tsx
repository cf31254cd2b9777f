import { Modal } from "@mantine/core";
import type { Me } from "../../contract";
import { SetUpOneOnOneForm } from "./SetUpOneOnOneForm";

interface SetUpOneOnOneModalProps {
  opened: boolean;
  onClose: () => void;
  me: Me;
  /** The person to meet, when it is already known; else the form asks. */
  withPerson: { id: string; name: string } | null;
}

export function SetUpOneOnOneModal({ opened, onClose, me, withPerson }: SetUpOneOnOneModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={withPerson ? `Set up a 1:1 with ${withPerson.name}` : "Set up a 1:1"}
      size="lg"
    >
      {opened && <SetUpOneOnOneForm me={me} withPerson={withPerson} onCancel={onClose} />}
    </Modal>
  );
}
