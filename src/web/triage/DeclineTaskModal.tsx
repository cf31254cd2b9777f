import { Modal } from "@mantine/core";
import type { Task } from "../../contract";
import { declineTask } from "../api/tasks";
import { usePlateView } from "../plate/PlateView";
import { ReasonForm } from "../plate/ReasonForm";

const decline = (task: Task, reason: string) => declineTask(task.id, { reason, version: task.version });

/** Turns down asked-for work with a reason, which the person who asked will read. */
export function DeclineTaskModal({ task, onClose }: { task: Task | null; onClose: () => void }) {
  const { nameOf } = usePlateView();
  return (
    <Modal opened={task !== null} onClose={onClose} title={task ? `Decline “${task.title}”?` : ""}>
      {task && (
        <ReasonForm
          key={task.id}
          task={task}
          description={`${nameOf(task.requesterId)} asked for this. It will not go on the plate; they will see your reason.`}
          confirmLabel="Decline"
          send={decline}
          onDone={onClose}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}
