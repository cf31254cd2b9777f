import { Modal } from "@mantine/core";
import type { Goal } from "../../contract";
import { EditGoalForm } from "./EditGoalForm";

interface EditGoalModalProps {
  goal: Goal;
  opened: boolean;
  viewerId: string;
  onClose: () => void;
}

export function EditGoalModal({ goal, opened, viewerId, onClose }: EditGoalModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Edit goal" size="lg">
      {opened && <EditGoalForm goal={goal} viewerId={viewerId} onSaved={onClose} onCancel={onClose} />}
    </Modal>
  );
}
