import { type Kysely, sql, type Transaction } from "kysely";
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

export interface PersonDigest {
  facts: DigestFacts;
  /** Every entry no digest has carried yet (read ones too): the digest that is sent carries them all. */
  entryIds: string[];
}

/**
 * What each person's digest tells as of `now`, for many people at once (a handful of queries for
 * the whole batch): their unread entries no digest has carried yet, their plate, triage and requests.
 * `awayReturn` says whose digest is their "while you were away".
 */
export async function digestFactsFor(
  ctx: AppContext,
  db: Db,
  people: readonly { person: PersonRow; awayReturn: boolean }[],
  now: Date,
): Promise<Map<string, PersonDigest>> {
  const result = new Map<string, PersonDigest>();
  if (people.length === 0) return result;
  const ids = people.map(({ person }) => person.id);
  const nowIso = now.toISOString();
  const [entries, plates, triage] = await Promise.all([
    undigested(db, ids, nowIso),
    platesOf(db, ids),
    triageOf(db, ids),
  ]);
  const unread = entries.filter((entry) => entry.read_at === null);
  const [names, tasks, requests] = await Promise.all([
    namesOf(db, [...new Set(unread.map((entry) => entry.actor_id))]),
    tasksOf(db, [...new Set(unread.flatMap((entry) => (entry.task_id ? [entry.task_id] : [])))]),
    requestsOf(db, [...new Set(unread.flatMap((entry) => (entry.request_id ? [entry.request_id] : [])))]),
  ]);
  for (const { person, awayReturn } of people) {
    const plate = plates.get(person.id) ?? [];
    const positions = new Map(plate.map((task) => [task.taskId, task.position]));
    const digestEntries: DigestEntry[] = [];
    for (const entry of unread) {
      if (entry.person_id !== person.id) continue;
      const told = entryFacts(ctx, person, entry, { names, tasks, requests, positions }, now);
      if (told) digestEntries.push(told);
    }
    const dayEnd = nextWorkingDayEnd(JSON.parse(person.working_hours), person.time_zone, now).toISOString();
    result.set(person.id, {
      entryIds: entries.filter((entry) => entry.person_id === person.id).map((entry) => entry.id),
      facts: {
        recipientName: person.name,
        timeZone: person.time_zone,
        baseUrl: ctx.config.baseUrl,
        awayReturn,
        entries: digestEntries,
        overdue: plate.filter((task) => task.dueAt !== null && task.dueAt <= nowIso),
        dueSoon: plate.filter((task) => task.dueAt !== null && task.dueAt > nowIso && task.dueAt <= dayEnd),
        triage: triage.filter((ask) => ask.owner_id === person.id),
        plateTop: plate.slice(0, plateTopSize),
        now: nowIso,
      },
    });
  }
  return result;
}

type TaskFacts = {
  id: string;
  title: string;
  owner_id: string;
  state: string;
  version: number;
  updated_at: string;
};
type RequestProgress = { id: string; title: string; done: number; dropped: number; total: number };

/** One entry as its digest line needs it; null when it no longer says anything (a stale task since touched). */
function entryFacts(
  ctx: AppContext,
  person: PersonRow,
  entry: InboxEntryRow,
  known: {
    names: Map<string, string>;
    tasks: Map<string, TaskFacts>;
    requests: Map<string, RequestProgress>;
    positions: Map<string, number | null>;
  },
  now: Date,
): DigestEntry | null {
  const data = JSON.parse(entry.data) as NoticeData & { version?: number };
  const task = entry.task_id ? known.tasks.get(entry.task_id) : undefined;
  const kind = entry.kind as InboxKind;
  const told: DigestEntry = {
    kind,
    count: Number(entry.count),
    actorName: known.names.get(entry.actor_id) ?? "Someone",
    title: task?.title ?? data.title,
    taskId: entry.task_id,
    position: entry.task_id ? (known.positions.get(entry.task_id) ?? null) : null,
    asRequester: task !== undefined && task.owner_id !== person.id,
    from: data.from,
    to: data.to,
  };
  if (kind === "request.progress" && entry.request_id) {
    const request = known.requests.get(entry.request_id);
    if (request) told.request = request;
  }
  if (kind === "task.stale") {
    // Touched since it was asked about, or finished: no longer a question.
    if (!task || task.version !== data.version || !["open", "in_progress"].includes(task.state)) return null;
    told.stillNeeded = {
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
  return told;
}

async function undigested(db: Db, personIds: string[], until: string): Promise<InboxEntryRow[]> {
  return (await db
    .selectFrom("inbox_entry")
    .selectAll()
    .where("person_id", "in", personIds)
    .where("digest_id", "is", null)
    .where("at", "<=", until)
    .orderBy("at")
    .orderBy("id")
    .execute()) as InboxEntryRow[];
}

/** Each person's open plate in priority order, with positions. */
async function platesOf(db: Db, ownerIds: string[]): Promise<Map<string, DigestTask[]>> {
  const rows = await db
    .selectFrom("task")
    .select(["owner_id", "id", "title", "due_at", "due_date"])
    .where("owner_id", "in", ownerIds)
    .where("rank", "is not", null)
    .orderBy("owner_id")
    .orderBy("rank")
    .execute();
  const plates = new Map<string, DigestTask[]>();
  for (const row of rows) {
    const plate = plates.get(row.owner_id) ?? [];
    plate.push({
      taskId: row.id,
      title: row.title,
      position: plate.length + 1,
      dueAt: row.due_at,
      dueDate: row.due_date,
    });
    plates.set(row.owner_id, plate);
  }
  return plates;
}

async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("person").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function tasksOf(db: Db, ids: string[]): Promise<Map<string, TaskFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("task")
    .select(["id", "title", "owner_id", "state", "version", "updated_at"])
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((row) => [row.id, { ...row, version: Number(row.version) }]));
}

async function requestsOf(db: Db, ids: string[]): Promise<Map<string, RequestProgress>> {
  const progress = new Map<string, RequestProgress>();
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

async function triageOf(db: Db, ownerIds: string[]) {
  return db
    .selectFrom("task")
    .innerJoin("person", "person.id", "task.requester_id")
    .select(["task.owner_id", "task.title", "person.name as requesterName"])
    .where("task.owner_id", "in", ownerIds)
    .where("task.state", "=", "triage")
    .orderBy("task.created_at")
    .execute();
}

/** Whose latest digest slot before this one passed while they were away: their next digest welcomes them back. */
export async function backFromAway(
  db: Db,
  personIds: string[],
  excludingDigestIds: string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const latest = await sql<{ person_id: string; status: string }>`
    select person_id, status from (
      select person_id, status, row_number() over (partition by person_id order by slot_at desc) as place
      from digest
      where person_id in (${sql.join(personIds)})
        ${excludingDigestIds.length > 0 ? sql`and id not in (${sql.join(excludingDigestIds)})` : sql``}
    ) ranked
    where place = 1`.execute(db);
  return new Set(latest.rows.filter((row) => row.status === "away").map((row) => row.person_id));
}
