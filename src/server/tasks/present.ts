import type { HistoryEntry, Task } from "../../contract/tasks";
import { isOverdue } from "../../core/due-dates";
import { isFinished } from "../../core/task-states";
import type { PresentedRow, TaskEventRow, TaskRow } from "./store";

/** A task as the API answers it; `position` comes from the plate it was read with. */
export function presentTask(row: PresentedRow, position: number | null, now: Date): Task {
  return {
    id: row.id,
    ownerId: row.owner_id,
    requesterId: row.requester_id,
    requestId: row.request_id,
    meetingId: row.meeting_id,
    goalId: row.goal_id,
    title: row.title,
    notes: row.notes,
    state: row.state,
    position,
    due: dueOf(row),
    dueAt: row.due_at,
    overdue: isOverdue(row.due_at, now, isFinished(row.state)),
    urgent: Boolean(row.urgent),
    createdAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    droppedAt: row.dropped_at,
    dropReason: row.drop_reason,
    version: row.version,
  };
}

export function dueOf(row: Pick<TaskRow, "due_date" | "due_at">): Task["due"] {
  if (row.due_date !== null) return { date: row.due_date };
  return row.due_at === null ? null : { at: row.due_at };
}

export function presentHistoryEntry(row: TaskEventRow): HistoryEntry {
  const entry: HistoryEntry = { at: row.at, actorId: row.actor_id, kind: row.kind as HistoryEntry["kind"] };
  if (row.from_value !== null) entry.from = JSON.parse(row.from_value);
  if (row.to_value !== null) entry.to = JSON.parse(row.to_value);
  return entry;
}
