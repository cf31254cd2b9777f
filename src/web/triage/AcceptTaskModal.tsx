import { Modal } from "@mantine/core";
import type { Task } from "../../contract";
import { AcceptTaskForm } from "./AcceptTaskForm";

export function AcceptTaskModal({ task, onClose }: { task: Task | null; onClose: () => void }) {
  return (
    <Modal opened={task !== null} onClose={onClose} title={task ? `Accept “${task.title}”` : ""} size="lg">
      {task && <AcceptTaskForm key={task.id} task={task} onDone={onClose} onCancel={onClose} />}
    </Modal>
  );
}
