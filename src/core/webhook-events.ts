/**
 * Which webhook event a change to a task is: one per write. A new task is `task.created`; a write
 * that makes it done is `task.completed`, one that drops it (or declines it from triage)
 * `task.dropped`; anything else (reworded, moved, started, reopened, a new due, a new reason for
 * dropping it) is `task.updated`.
 */
export type TaskEventType = "task.created" | "task.updated" | "task.completed" | "task.dropped";

/** A history entry as recorded: its kind, and for a drop the state it left. */
export interface RecordedChange {
  kind: string;
  from?: unknown;
}

export function taskEventType(changes: readonly RecordedChange[]): TaskEventType {
  if (changes.some((change) => change.kind === "created")) return "task.created";
  if (changes.some((change) => change.kind === "completed")) return "task.completed";
  if (changes.some(isDropping)) return "task.dropped";
  return "task.updated";
}

/** Whether the write finished the task: made it done, or dropped it when it was not dropped already. */
export function finishesTask(changes: readonly RecordedChange[]): boolean {
  return changes.some((change) => change.kind === "completed" || isDropping(change));
}

function isDropping(change: RecordedChange): boolean {
  return change.kind === "declined" || (change.kind === "dropped" && change.from !== "dropped");
}
