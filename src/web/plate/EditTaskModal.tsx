import { Modal } from "@mantine/core";
import type { Task } from "../../contract";
import { EditTaskForm } from "./EditTaskForm";

export function EditTaskModal({ task, onClose }: { task: Task | null; onClose: () => void }) {
  return (
    <Modal opened={task !== null} onClose={onClose} title="Edit task" size="lg">
      {task && <EditTaskForm key={task.id} task={task} onSaved={onClose} onCancel={onClose} />}
    </Modal>
  );
}
