import { expect } from "vitest";
import type { Record, TeamRecordEntry } from "../../src/contract/record";
import type { Harness } from "./harness";
import { addTask, type Caller, changeTask, type Task } from "./tasks";

export type { Record, TeamRecordEntry };

/** A person's record as `as` sees it (`query` like `from=2026-01-01&to=2026-03-31`), expecting 200. */
export async function recordOf(as: Caller, personId: string, query = ""): Promise<Record> {
  const answer = await as.client.get<Record>(`/api/v1/people/${personId}/record${query ? `?${query}` : ""}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/**
 * Adds a task at `createdAt` and finishes it at `finishedAt` (done, or dropped with a reason), with
 * the clock set to each moment in turn: what the record reads is when things really happened.
 */
export async function finishedTask(
  h: Harness,
  as: Caller,
  ownerId: string,
  story: {
    title: string;
    createdAt: string;
    finishedAt: string;
    due?: { date: string } | { at: string } | null;
    dropReason?: string;
  },
): Promise<Task> {
  h.clock.set(story.createdAt);
  const task = await addTask(as, ownerId, { title: story.title, due: story.due ?? null });
  h.clock.set(story.finishedAt);
  const finish = story.dropReason ? { state: "dropped", dropReason: story.dropReason } : { state: "done" };
  return changeTask(as, task, finish);
}

/** Every row of every table a record could touch, to compare before and after a read. */
export async function recordTables(h: Harness) {
  const [tasks, events, inbox, people] = await Promise.all([
    h.ctx.db.selectFrom("task").selectAll().orderBy("id").execute(),
    h.ctx.db.selectFrom("task_event").selectAll().orderBy("id").execute(),
    h.ctx.db.selectFrom("inbox_entry").selectAll().orderBy("id").execute(),
    h.ctx.db.selectFrom("person").select(["id", "version", "updated_at"]).orderBy("id").execute(),
  ]);
  return { tasks, events, inbox, people };
}
