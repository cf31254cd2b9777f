import type { Request } from "../../contract/requests";
import type { AssignedTaskRow, RequestRow } from "./store";

const order = { triage: 0, open: 0, in_progress: 0, done: 1, dropped: 2 } as const;

/** A request with its progress and each assignee's state: still open first, then done, then dropped. */
export function presentRequest(row: RequestRow, tasks: readonly AssignedTaskRow[]): Request {
  const sorted = [...tasks].sort(
    (a, b) =>
      order[a.state] - order[b.state] || a.owner_name.localeCompare(b.owner_name) || a.id.localeCompare(b.id),
  );
  const done = tasks.filter((task) => task.state === "done").length;
  const dropped = tasks.filter((task) => task.state === "dropped").length;
  return {
    id: row.id,
    requesterId: row.requester_id,
    title: row.title,
    notes: row.notes,
    due: row.due_date !== null ? { date: row.due_date } : row.due_at !== null ? { at: row.due_at } : null,
    createdAt: row.created_at,
    canceledAt: row.canceled_at,
    cancelReason: row.cancel_reason,
    progress: { done, dropped, open: tasks.length - done - dropped, total: tasks.length },
    assignees: sorted.map((task) => ({
      personId: task.owner_id,
      taskId: task.id,
      state: task.state,
      completedAt: task.completed_at,
      droppedAt: task.dropped_at,
      dropReason: task.drop_reason,
    })),
  };
}
