import type { Kysely, Transaction } from "kysely";
import type { DigestEntry, DigestFacts, DigestTask } from "../../core/digest";
import type { InboxKind, NoticeData } from "../../core/inbox-notices";
import { nextWorkingDayEnd } from "../../core/schedule";
import type { AppContext } from "../context";
import type { Database } from "../db/schema";
import type { InboxEntryRow } from "../inbox/store";
import type { PersonRow } from "../people/store";
import { stillNeededUrls } from "../still-needed/links";

type Db = Kysely<Database> | Transaction<Database>;

/** How many of the top of the plate a "while you were away" digest shows. */
const plateTopSize = 10;
const dayMs = 86_400_000;

/**
 * Everything a person's digest tells, as of `now`: their unread entries no digest has carried yet,
 * and the state of their plate, triage and requests.
 */
export async function digestFacts(
  ctx: AppContext,
  db: Db,
  person: PersonRow,
  entries: readonly InboxEntryRow[],
  options: { now: Date; awayReturn: boolean },
): Promise<DigestFacts> {
  const { now } = options;
  const unread = entries.filter((entry) => entry.read_at === null);
  const plate = await plateOf(db, person.id);
  const positions = new Map(plate.map((task) => [task.taskId, task.position]));
  const actorIds = [...new Set(unread.map((entry) => entry.actor_id))];
  const taskIds = [...new Set(unread.flatMap((entry) => (entry.task_id ? [entry.task_id] : [])))];
  const requestIds = [...new Set(unread.flatMap((entry) => (entry.request_id ? [entry.request_id] : [])))];
  const [names, tasks, requests, triage] = await Promise.all([
    namesOf(db, actorIds),
    tasksOf(db, taskIds),
    requestsOf(db, requestIds),
    triageOf(db, person.id),
  ]);

  const digestEntries: DigestEntry[] = [];
  for (const entry of unread) {
    const data = JSON.parse(entry.data) as NoticeData & { version?: number; untouchedSince?: string };
    const task = entry.task_id ? tasks.get(entry.task_id) : undefined;
    const kind = entry.kind as InboxKind;
    const base: DigestEntry = {
      kind,
      count: entry.count,
      actorName: names.get(entry.actor_id) ?? "Someone",
      title: task?.title ?? data.title,
      taskId: entry.task_id,
      position: entry.task_id ? (positions.get(entry.task_id) ?? null) : null,
      asRequester: task !== undefined && task.owner_id !== person.id,
      from: data.from,
      to: data.to,
    };
    if (kind === "request.progress" && entry.request_id) {
      const request = requests.get(entry.request_id);
      if (request) base.request = request;
    }
    if (kind === "task.stale") {
      // Touched since it was asked about, or finished: no longer a question.
      if (!task || task.version !== data.version || !["open", "in_progress"].includes(task.state)) continue;
      base.stillNeeded = {
        ...stillNeededUrls(
          ctx.config.baseUrl,
          ctx.config.authSecret,
          { taskId: task.id, personId: person.id, version: task.version },
          now,
        ),
        asOwner: task.owner_id === person.id,
        untouchedDays: Math.floor((now.getTime() - new Date(task.updated_at).getTime()) / dayMs),
      };
    }
    digestEntries.push(base);
  }

  const hours = JSON.parse(person.working_hours);
  const dayEnd = nextWorkingDayEnd(hours, person.time_zone, now).toISOString();
  const nowIso = now.toISOString();
  return {
    recipientName: person.name,
    timeZone: person.time_zone,
    baseUrl: ctx.config.baseUrl,
    awayReturn: options.awayReturn,
    entries: digestEntries,
    overdue: plate.filter((task) => task.dueAt !== null && task.dueAt <= nowIso),
    dueSoon: plate.filter((task) => task.dueAt !== null && task.dueAt > nowIso && task.dueAt <= dayEnd),
    triage,
    plateTop: plate.slice(0, plateTopSize),
  };
}

/** The person's open plate in priority order, with positions. */
async function plateOf(db: Db, ownerId: string): Promise<DigestTask[]> {
  const rows = await db
    .selectFrom("task")
    .select(["id", "title", "due_at", "due_date"])
    .where("owner_id", "=", ownerId)
    .where("rank", "is not", null)
    .orderBy("rank")
    .execute();
  return rows.map((row, index) => ({
    taskId: row.id,
    title: row.title,
    position: index + 1,
    dueAt: row.due_at,
    dueDate: row.due_date,
  }));
}

async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("person").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function tasksOf(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("task")
    .select(["id", "title", "owner_id", "state", "version", "updated_at"])
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

async function requestsOf(db: Db, ids: string[]) {
  const progress = new Map<
    string,
    { id: string; title: string; done: number; dropped: number; total: number }
  >();
  if (ids.length === 0) return progress;
  const requests = await db.selectFrom("request").select(["id", "title"]).where("id", "in", ids).execute();
  for (const request of requests) progress.set(request.id, { ...request, done: 0, dropped: 0, total: 0 });
  const states = await db
    .selectFrom("task")
    .select(["request_id", "state"])
    .where("request_id", "in", ids)
    .execute();
  for (const { request_id, state } of states) {
    const counts = request_id ? progress.get(request_id) : undefined;
    if (!counts) continue;
    counts.total++;
    if (state === "done") counts.done++;
    if (state === "dropped") counts.dropped++;
  }
  return progress;
}

async function triageOf(db: Db, ownerId: string) {
  return db
    .selectFrom("task")
    .innerJoin("person", "person.id", "task.requester_id")
    .select(["task.title", "person.name as requesterName"])
    .where("task.owner_id", "=", ownerId)
    .where("task.state", "=", "triage")
    .orderBy("task.created_at")
    .execute();
}
