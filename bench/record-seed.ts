/**
 * Years of one person's finished work, written straight into the database in the shape Docket's
 * write path leaves it: each task's row, and its history as `tasks/history.ts` spells it (created,
 * due changes, started, completed or dropped, sometimes a due change afterwards).
 */
import type { Insertable, Kysely } from "kysely";
import type { Due } from "../src/core/due-dates";
import { localDateOf, startOfLocalDate } from "../src/core/zone-calendar";
import { type DialectName, flagValue } from "../src/server/db/dialect";
import type { Database, RequestTable, TaskEventTable, TaskTable } from "../src/server/db/schema";
import { storedDue } from "../src/server/tasks/due";
import { type Change, historyRows } from "../src/server/tasks/history";

export interface History {
  organizationId: string;
  ownerId: string;
  managerId: string;
  timeZone: string;
  now: Date;
  tasks: number;
  years: number;
}

interface Seeded {
  task: Insertable<TaskTable>;
  request: Insertable<RequestTable> | null;
  events: Insertable<TaskEventTable>[];
}

const dayMs = 86_400_000;
const hourMs = 3_600_000;

const verbs = ["Draft", "Review", "Ship", "Prepare", "Fix", "Plan", "Write up", "Follow up on", "Present"];
const subjects = [
  "the quarterly budget",
  "the onboarding guide",
  "the vendor contract",
  "the release notes",
  "the hiring loop",
  "the board deck",
  "a customer escalation",
  "the roadmap",
  "the security review",
  "the pricing page",
];
const dropReasons = [
  "No longer needed",
  "Superseded by the new plan",
  "The customer withdrew the request",
  "Merged into another task",
  "Deprioritized this quarter",
];

/** The tasks and their history, about evenly spread over `years` up to `now`, the same on every run. */
export async function seedHistory(db: Kysely<Database>, dialect: DialectName, history: History) {
  const random = mulberry32(4242);
  const seeded = Array.from({ length: history.tasks }, (_, index) =>
    finishedTask(history, dialect, index, random),
  );
  const requests = seeded.flatMap((one) => (one.request ? [one.request] : []));
  for (const rows of chunks(requests, 500)) await db.insertInto("request").values(rows).execute();
  for (const rows of chunks(seeded, 500)) {
    await db
      .insertInto("task")
      .values(rows.map((one) => one.task))
      .execute();
  }
  // Each task's events in order: the history is read oldest first by id.
  for (const rows of chunks(
    seeded.flatMap((one) => one.events),
    1_000,
  )) {
    await db.insertInto("task_event").values(rows).execute();
  }
}

function finishedTask(history: History, dialect: DialectName, index: number, random: () => number): Seeded {
  const { ownerId, managerId, timeZone } = history;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const span = history.years * 365 * dayMs;
  const step = span / history.tasks;
  const finishedMs = workingHour(
    history.now.getTime() - span + (index + random() * 0.9) * step,
    timeZone,
    random,
    history.now.getTime(),
  );
  const createdMs = finishedMs - (1 + Math.floor(random() ** 2 * 40)) * dayMs - random() * 8 * hourMs;
  const requesterId = random() < 0.7 ? managerId : ownerId;
  const requestId = requesterId === managerId && random() < 0.12 ? `${ownerId}-r${index}` : null;
  const dropped = random() < 0.1;

  // The due in force when the task finished: on time by up to five days, or late by one to ten.
  const finishedDate = localDateOf(new Date(finishedMs).toISOString(), timeZone);
  const atFinish: Due | null =
    random() < 0.8
      ? dueOn(
          shift(finishedDate, random() < 0.3 ? -1 - pick([0, 1, 2, 4, 9]) : pick([0, 1, 2, 5])),
          timeZone,
          random,
        )
      : null;
  // The dues before it, each change oldest first: most moved later (a slip), some earlier, some added.
  const changes = pick([0, 0, 0, 0, 0, 1, 1, 1, 2, 3]);
  const dues: (Due | null)[] = [atFinish];
  for (let change = 0; change < changes; change++) {
    const next = dues[0] ?? null;
    const roll = random();
    const base = next === null ? finishedDate : dateOf(next, timeZone);
    const previous =
      next !== null && change === changes - 1 && roll < 0.1
        ? null
        : dueOn(shift(base, roll < 0.75 ? -1 - pick([1, 2, 3, 7]) : pick([1, 2, 3])), timeZone, random);
    dues.unshift(previous);
  }

  const events: { at: number; actorId: string; change: Change }[] = [
    { at: createdMs, actorId: requesterId, change: { kind: "created", to: 1 + Math.floor(random() * 20) } },
  ];
  const during = (share: number) => createdMs + (finishedMs - createdMs) * share;
  for (let change = 1; change < dues.length; change++) {
    events.push({
      at: during(change / (dues.length + 1)),
      actorId: random() < 0.6 ? requesterId : ownerId,
      change: { kind: "due_changed", from: dues[change - 1] ?? null, to: dues[change] ?? null },
    });
  }
  const startedMs = random() < 0.6 ? during(0.1 + random() * 0.8) : null;
  if (startedMs !== null) {
    events.push({ at: startedMs, actorId: ownerId, change: { kind: "started", from: "open" } });
  }
  events.sort((a, b) => a.at - b.at);
  const stateBefore = startedMs === null ? "open" : "in_progress";
  const dropReason = dropped ? pick(dropReasons) : null;
  events.push(
    dropped
      ? {
          at: finishedMs,
          actorId: requesterId,
          change: { kind: "dropped", from: stateBefore, to: dropReason },
        }
      : { at: finishedMs, actorId: ownerId, change: { kind: "completed", from: stateBefore } },
  );
  // Now and then the due is changed after the work finished: the record still judges by `atFinish`.
  let dueNow = atFinish;
  const changedAfter = finishedMs + (1 + random() * 3) * dayMs;
  if (random() < 0.08 && changedAfter < history.now.getTime()) {
    dueNow = dueOn(shift(finishedDate, 3 + pick([0, 2, 5])), timeZone, random);
    events.push({
      at: changedAfter,
      actorId: managerId,
      change: { kind: "due_changed", from: atFinish, to: dueNow },
    });
  }

  const iso = (ms: number) => new Date(ms).toISOString();
  const title = `${pick(verbs)} ${pick(subjects)}`;
  const task: Insertable<TaskTable> = {
    id: `${ownerId}-h${index}`,
    organization_id: history.organizationId,
    owner_id: ownerId,
    requester_id: requesterId,
    request_id: requestId,
    title,
    notes: "",
    state: dropped ? "dropped" : "done",
    rank: null,
    ...storedDue(dueNow, timeZone),
    urgent: flagValue(dialect, false),
    created_at: iso(createdMs),
    updated_at: iso((events.at(-1) as { at: number }).at),
    started_at: startedMs === null ? null : iso(startedMs),
    completed_at: dropped ? null : iso(finishedMs),
    dropped_at: dropped ? iso(finishedMs) : null,
    drop_reason: dropReason,
    // One version per write after the one that created it.
    version: events.length,
  };
  const request: Insertable<RequestTable> | null =
    requestId === null
      ? null
      : {
          id: requestId,
          organization_id: history.organizationId,
          requester_id: requesterId,
          title,
          notes: "",
          ...storedDue(dues[0] ?? null, timeZone),
          created_at: iso(createdMs),
          canceled_at: null,
          cancel_reason: null,
        };
  return {
    task,
    request,
    events: events.flatMap(({ at, actorId, change }) => historyRows(task.id, actorId, iso(at), [change])),
  };
}

/** Some time between 9:00 and 18:00 on the local day of `ms`, never after `latest`. */
function workingHour(ms: number, timeZone: string, random: () => number, latest: number): number {
  const day = startOfLocalDate(localDateOf(new Date(ms).toISOString(), timeZone), timeZone);
  const at = Date.parse(day) + 9 * hourMs + random() * 9 * hourMs;
  return at < latest ? at : ms;
}

/** Three in four dues are a date; the others a fixed instant at 17:00 that day. */
function dueOn(date: string, timeZone: string, random: () => number): Due {
  if (random() < 0.75) return { date };
  return { at: new Date(Date.parse(startOfLocalDate(date, timeZone)) + 17 * hourMs).toISOString() };
}

function dateOf(due: Due, timeZone: string): string {
  return "date" in due ? due.date : localDateOf(due.at, timeZone);
}

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += size) out.push(values.slice(start, start + size));
  return out;
}

/** A small seeded pseudo-random generator, so every run writes the same history. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
