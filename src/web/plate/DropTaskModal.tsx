import { Modal } from "@mantine/core";
import type { Task } from "../../contract";
import { updateTask } from "../api/tasks";
import { usePlateView } from "./PlateView";
import { ReasonForm } from "./ReasonForm";

const drop = (task: Task, reason: string) =>
  updateTask(task.id, { version: task.version, state: "dropped", dropReason: reason });

interface DropTaskModalProps {
  task: Task | null;
  /** Told of the drop once the server made it, with the task as it was and as it is now. */
  onDropped: (task: Task, result: Task) => void;
  onClose: () => void;
}

/** Drops a task with the reason everyone who can see it will read. */
export function DropTaskModal({ task, onDropped, onClose }: DropTaskModalProps) {
  const { nameOf } = usePlateView();
  const requester = task && task.requesterId !== task.ownerId ? nameOf(task.requesterId) : null;
  return (
    <Modal opened={task !== null} onClose={onClose} title={task ? `Drop “${task.title}”?` : ""}>
      {task && (
        <ReasonForm
          key={task.id}
          task={task}
          description={`It leaves the plate and is listed under Dropped with your reason${
            requester ? `, which ${requester} will see` : ""
          }. It can be reopened later.`}
          confirmLabel="Drop task"
          send={async (current, reason) => {
            const result = await drop(current, reason);
            onDropped(current, result);
            return result;
          }}
          onDone={onClose}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}
