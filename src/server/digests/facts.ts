import { type Kysely, sql, type Transaction } from "kysely";
import {
  type DigestEntry,
  type DigestFacts,
  type DigestTask,
  sectionShown,
  type UnlistedEntries,
} from "../../core/digest";
import type { InboxKind, NoticeData } from "../../core/inbox-notices";
import { nextWorkingDayEnd } from "../../core/schedule";
import type { AppContext } from "../context";
import type { Database } from "../db/schema";
import type { PersonRow } from "../people/store";
import { stillNeededUrls } from "../still-needed/links";
import type { ToldEntries, ToldEntry } from "./entries";
import { meetingsComing } from "./meetings";

type Db = Kysely<Database> | Transaction<Database>;

/** How many of the top of the plate a "while you were away" digest shows. */
const plateTopSize = 10;
const dayMs = 86_400_000;

/**
 * What each person's digest tells as of `now`, for many people at once (a handful of queries for
 * the whole batch): the unread entries it carries (`told`, see `entries.ts`), their plate, triage and
 * requests, and the one-on-ones their digest at `slot` says are coming. `awayReturn` says whose
 * digest is their "while you were away".
 */
export async function digestFactsFor(
  ctx: AppContext,
  db: Db,
  people: readonly { person: PersonRow; awayReturn: boolean; slot: Date | null }[],
  told: ToldEntries,
  now: Date,
): Promise<Map<string, DigestFacts>> {
  const result = new Map<string, DigestFacts>();
  if (people.length === 0) return result;
  const ids = people.map(({ person }) => person.id);
  const nowIso = now.toISOString();
  const [plates, triage, meetings] = await Promise.all([
    platesOf(db, ids),
    triageOf(db, ids),
    meetingsComing(db, people, now),
  ]);
  const unread = told.listed;
  const [names, tasks, requests] = await Promise.all([
    namesOf(db, [...new Set(unread.flatMap((entry) => [entry.actor_id, ...aboutIdOf(entry)]))]),
    tasksOf(db, [...new Set(unread.flatMap((entry) => (entry.task_id ? [entry.task_id] : [])))]),
    requestsOf(db, [...new Set(unread.flatMap((entry) => (entry.request_id ? [entry.request_id] : [])))]),
  ]);
  for (const { person, awayReturn } of people) {
    const plate = plates.get(person.id) ?? [];
    const positions = new Map(plate.map((task) => [task.taskId, task.position]));
    const digestEntries: DigestEntry[] = [];
    for (const entry of unread) {
      if (entry.person_id !== person.id) continue;
      const facts = entryFacts(ctx, person, entry, { names, tasks, requests, positions }, now);
      if (facts) digestEntries.push(facts);
    }
    const dayEnd = nextWorkingDayEnd(JSON.parse(person.working_hours), person.time_zone, now).toISOString();
    const asks = triage.get(person.id);
    result.set(person.id, {
      recipientName: person.name,
      timeZone: person.time_zone,
      baseUrl: ctx.config.baseUrl,
      awayReturn,
      entries: digestEntries,
      unlisted: unlistedOf(told, person.id),
      overdue: plate.filter((task) => task.dueAt !== null && task.dueAt <= nowIso),
      dueSoon: plate.filter((task) => task.dueAt !== null && task.dueAt > nowIso && task.dueAt <= dayEnd),
      triage: asks?.listed ?? [],
      triageWaiting: asks?.waiting ?? 0,
      plateTop: plate.slice(0, plateTopSize),
      meetings: meetings.get(person.id) ?? [],
      now: nowIso,
    });
  }
  return result;
}

/** A person's unread entries beyond those listed, per kind and side. */
function unlistedOf(told: ToldEntries, personId: string): UnlistedEntries[] {
  const listed = told.listed.filter((entry) => entry.person_id === personId);
  return told.groups
    .filter((group) => group.personId === personId)
    .map(({ kind, asRequester, entries, changes }) => {
      const same = listed.filter((entry) => entry.kind === kind && entry.asRequester === asRequester);
      return {
        kind,
        asRequester,
        entries: entries - same.length,
        changes: changes - same.reduce((sum, entry) => sum + entry.count, 0),
      };
    })
    .filter((group) => group.entries > 0);
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
  entry: ToldEntry,
  known: {
    names: Map<string, string>;
    tasks: Map<string, TaskFacts>;
    requests: Map<string, RequestProgress>;
    positions: Map<string, number | null>;
  },
  now: Date,
): DigestEntry | null {
  const data = JSON.parse(entry.data) as NoticeData;
  const task = entry.task_id ? known.tasks.get(entry.task_id) : undefined;
  const kind = entry.kind as InboxKind;
  const told: DigestEntry = {
    kind,
    count: entry.count,
    actorName: known.names.get(entry.actor_id) ?? "Someone",
    title: task?.title ?? data.title,
    taskId: entry.task_id,
    position: entry.task_id ? (known.positions.get(entry.task_id) ?? null) : null,
    asRequester: entry.asRequester,
    from: data.from,
    to: data.to,
  };
  if (kind.startsWith("feedback.")) {
    const aboutId = data.aboutId;
    told.feedback = {
      aboutName:
        aboutId === undefined || aboutId === entry.actor_id ? null : (known.names.get(aboutId) ?? "someone"),
      answersRequest: entry.feedback_request_id !== null,
    };
  }
  if (kind === "request.progress" && entry.request_id) {
    const request = known.requests.get(entry.request_id);
    if (request) told.request = request;
  }
  if (kind === "task.stale") {
    // Only questions whose task is open and untouched since are listed (`entries.ts`).
    if (!task) return null;
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

/** Whom a feedback request an entry tells of is about, when it tells of one. */
function aboutIdOf(entry: ToldEntry): string[] {
  if (!entry.kind.startsWith("feedback.")) return [];
  const { aboutId } = JSON.parse(entry.data) as NoticeData;
  return aboutId === undefined ? [] : [aboutId];
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

type Triage = { listed: { title: string; requesterName: string }[]; waiting: number };

/** Each person's asks waiting longest in triage (`sectionShown` at most, oldest first), and how many wait in all. */
async function triageOf(db: Db, ownerIds: string[]): Promise<Map<string, Triage>> {
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom("task")
        .select(["owner_id", "requester_id", "title"])
        .select((inner) => [
          inner.fn
            .agg<number | string>("row_number")
            .over((over) => over.partitionBy("owner_id").orderBy("created_at").orderBy("id"))
            .as("place"),
          inner.fn
            .countAll<number | string>()
            .over((over) => over.partitionBy("owner_id"))
            .as("waiting"),
        ])
        .where("owner_id", "in", ownerIds)
        .where("state", "=", "triage")
        .as("ranked"),
    )
    .innerJoin("person", "person.id", "ranked.requester_id")
    .select(["ranked.owner_id", "ranked.title", "ranked.waiting", "person.name as requesterName"])
    .where("ranked.place", "<=", sectionShown)
    .orderBy("ranked.owner_id")
    .orderBy("ranked.place")
    .execute();
  const triage = new Map<string, Triage>();
  for (const row of rows) {
    const asks = triage.get(row.owner_id) ?? { listed: [], waiting: Number(row.waiting) };
    asks.listed.push({ title: row.title, requesterName: row.requesterName });
    triage.set(row.owner_id, asks);
  }
  return triage;
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
