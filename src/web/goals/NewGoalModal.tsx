import { Modal } from "@mantine/core";
import { NewGoalForm } from "./NewGoalForm";

interface NewGoalModalProps {
  opened: boolean;
  onClose: () => void;
  /** Whose goal the form starts with. */
  ownerId: string;
}

export function NewGoalModal({ opened, onClose, ownerId }: NewGoalModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="New goal" size="lg">
      {opened && <NewGoalForm ownerId={ownerId} onCancel={onClose} />}
    </Modal>
  );
}
