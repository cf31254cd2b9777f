/** Tasks and their due histories told as stories, for the record's tests. */
import { type Due, dueInstant } from "./due-dates";
import type { DueHistoryEntry, FinishedTask } from "./record";

export interface Story {
  id?: string;
  timeZone: string;
  createdAt?: string;
  /** The due it was created with. */
  due?: Due | null;
  /** Each later due it was given before it finished, in order. */
  before?: readonly (Due | null)[];
  state?: "done" | "dropped";
  finishedAt: string;
  /** Dues it was given after it finished. */
  after?: readonly (Due | null)[];
  /** Finished, reopened, and given these dues, before `before` and the final finish. */
  finishedEarlierWith?: readonly (Due | null)[];
  requestId?: string | null;
  goalId?: string | null;
  dropReason?: string;
}

let counter = 0;

/** The task as it stands after the story, and its history as Docket would have written it. */
export function told(story: Story): { task: FinishedTask; history: DueHistoryEntry[] } {
  const id = story.id ?? `task-${++counter}`;
  const state = story.state ?? "done";
  const history: DueHistoryEntry[] = [];
  let due = story.due ?? null;
  const change = (to: Due | null) => {
    history.push({ taskId: id, kind: "due_changed", from: JSON.stringify(due), to: JSON.stringify(to) });
    due = to;
  };
  const finish = () =>
    history.push(
      state === "done"
        ? { taskId: id, kind: "completed", from: '"open"', to: null }
        : {
            taskId: id,
            kind: "dropped",
            from: '"open"',
            to: JSON.stringify(story.dropReason ?? "not needed"),
          },
    );
  if (story.finishedEarlierWith) {
    history.push({ taskId: id, kind: "completed", from: '"open"', to: null });
    history.push({ taskId: id, kind: "reopened", from: '"done"', to: "1" });
    for (const next of story.finishedEarlierWith) change(next);
  }
  for (const next of story.before ?? []) change(next);
  finish();
  for (const next of story.after ?? []) change(next);
  const current = due as Due | null;
  return {
    task: {
      id,
      title: `Task ${id}`,
      state,
      requesterId: "requester",
      requestId: story.requestId ?? null,
      goalId: story.goalId ?? null,
      createdAt: story.createdAt ?? "2026-01-05T09:00:00.000Z",
      finishedAt: story.finishedAt,
      dropReason: state === "dropped" ? (story.dropReason ?? "not needed") : null,
      due: current,
      dueAt: current === null ? null : new Date(dueInstant(current, story.timeZone)).toISOString(),
    },
    history,
  };
}

/** Several stories as the input of one record. */
export function toldAll(stories: readonly Story[]): { tasks: FinishedTask[]; history: DueHistoryEntry[] } {
  const all = stories.map(told);
  return { tasks: all.map((one) => one.task), history: all.flatMap((one) => one.history) };
}
