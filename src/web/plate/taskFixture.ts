import type { Task } from "../../contract";

/** An open task of the web's unit tests: `id`'s title in capitals, version 1, with `changes` over it. */
export function openTask(id: string, changes: Partial<Task> = {}): Task {
  return {
    id,
    ownerId: "owner",
    requesterId: "owner",
    requestId: null,
    meetingId: null,
    goalId: null,
    title: id.toUpperCase(),
    notes: "",
    state: "open",
    position: null,
    due: null,
    dueAt: null,
    overdue: false,
    urgent: false,
    createdAt: "2026-03-01T09:00:00.000Z",
    startedAt: null,
    completedAt: null,
    droppedAt: null,
    dropReason: null,
    version: 1,
    ...changes,
  };
}
