import { finishesTask, taskEventType } from "../../core/webhook-events";
import type { Change } from "../tasks/history";
import { presentTask } from "../tasks/present";
import type { PresentedRow, TaskRow } from "../tasks/store";
import { type TaskEventRow, taskEventRow } from "./enqueue";

/** Columns a new task is written without: they start empty (the version at 1). */
type StartingEmpty = "version" | "started_at" | "completed_at" | "dropped_at" | "drop_reason";

/** A task as a write leaves it, as its event needs it. */
export type WrittenTask = Omit<PresentedRow, StartingEmpty> &
  Partial<Pick<PresentedRow, StartingEmpty>> &
  Pick<TaskRow, "organization_id" | "rank">;

/**
 * The event of one task write (see `core/webhook-events.ts` for its type): the task as the API
 * presents it, at the moment of the write.
 */
export function taskEvent(task: WrittenTask, changes: readonly Change[], at: string): TaskEventRow {
  const row: PresentedRow = {
    version: 1,
    started_at: null,
    completed_at: null,
    dropped_at: null,
    drop_reason: null,
    ...task,
  };
  return taskEventRow(taskEventType(changes), at, presentTask(row, null, new Date(at)), {
    organizationId: task.organization_id,
    rank: task.rank,
  });
}

/** Whether the write finished a task of a request: then the request may be complete. */
export function mayCompleteRequest(task: Pick<TaskRow, "request_id">, changes: readonly Change[]): boolean {
  return task.request_id !== null && finishesTask(changes);
}
