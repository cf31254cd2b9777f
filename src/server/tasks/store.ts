import {
  type Insertable,
  type Kysely,
  type Selectable,
  sql,
  type Transaction,
  type Updateable,
} from "kysely";
import type { Ranked } from "../../core/ranks";
import { newerThan } from "../db/pages";
import { precompiled } from "../db/precompiled";
import type { Database, TaskEventTable, TaskTable } from "../db/schema";

export type TaskRow = Selectable<TaskTable>;
export type TaskEventRow = Selectable<TaskEventTable>;
type Db = Kysely<Database> | Transaction<Database>;

const taskById = precompiled<{ id: string }, TaskRow>((db, $) =>
  db.selectFrom("task").selectAll().where("id", "=", $("id")),
);

export async function findTask(db: Db, id: string): Promise<TaskRow | undefined> {
  return taskById.first(db, { id });
}

/** The columns a task is answered with (see `present.ts`). */
export const presentedColumns = [
  "id",
  "owner_id",
  "requester_id",
  "request_id",
  "meeting_id",
  "title",
  "notes",
  "state",
  "due_date",
  "due_at",
  "urgent",
  "created_at",
  "started_at",
  "completed_at",
  "dropped_at",
  "drop_reason",
  "version",
] as const;
export type PresentedRow = Pick<TaskRow, (typeof presentedColumns)[number]>;

const plate = precompiled<{ ownerId: string }, PresentedRow>((db, $) =>
  db
    .selectFrom("task")
    .select(presentedColumns)
    .where("owner_id", "=", $("ownerId"))
    .where("rank", "is not", null)
    .orderBy("rank"),
);

/** The open and in-progress tasks of a plate, in priority order. */
export async function plateTasks(db: Db, ownerId: string): Promise<PresentedRow[]> {
  return plate.execute(db, { ownerId });
}

/** The most tasks of each kind a one-on-one's agenda lists (`finishedBetween`). */
export const finishedBetweenLimit = 50;

const finishedBetweenQueries = {
  done: precompiled<{ ownerId: string; since: string; until: string }, PresentedRow>((db, $) =>
    db
      .selectFrom("task")
      .select(presentedColumns)
      .where("owner_id", "=", $("ownerId"))
      .where("state", "=", "done")
      .where("completed_at", ">", $("since"))
      .where("completed_at", "<=", $("until"))
      .orderBy("completed_at", "desc")
      .orderBy("id", "desc")
      .limit(finishedBetweenLimit),
  ),
  dropped: precompiled<{ ownerId: string; since: string; until: string }, PresentedRow>((db, $) =>
    db
      .selectFrom("task")
      .select(presentedColumns)
      .where("owner_id", "=", $("ownerId"))
      .where("state", "=", "dropped")
      .where("dropped_at", ">", $("since"))
      .where("dropped_at", "<=", $("until"))
      .orderBy("dropped_at", "desc")
      .orderBy("id", "desc")
      .limit(finishedBetweenLimit),
  ),
};

/** A plate's tasks done (or dropped) in `(since, until]`, most recent first, at most `finishedBetweenLimit`. */
export async function finishedBetween(
  db: Db,
  ownerId: string,
  state: "done" | "dropped",
  window: { since: string; until: string },
): Promise<PresentedRow[]> {
  return finishedBetweenQueries[state].execute(db, { ownerId, ...window });
}

const presentedList = (table: string) =>
  sql.join(presentedColumns.map((column) => sql.ref(`${table}.${column}`)));

/**
 * The 1-based position of task `t` on its owner's plate, as `positionOf` counts it (null when not
 * on it). A count, which both dialects answer as a number.
 */
const positionOnPlate = sql<number | null>`case when t.rank is null then null
  else (select count(*) from task a where a.owner_id = t.owner_id and a.rank < t.rank) + 1 end`;

/** An open or in-progress task with its position on its owner's plate. */
export type PlacedRow = PresentedRow & { position: number };

/** The two people of a one-on-one, whose plates its agenda reads together. */
type Pair = { first: string; second: string };

const dueOnPlatesQuery = precompiled<Pair & { dueBy: string }, PlacedRow>(
  (_db, $) => sql<PlacedRow>`
    select ${presentedList("t")}, ${positionOnPlate} as position
    from task t
    where t.owner_id in (${$("first")}, ${$("second")}) and t.rank is not null
      and t.due_at is not null and t.due_at <= ${$("dueBy")}
    order by t.owner_id, t.rank`,
);

/**
 * The open and in-progress tasks of two plates due at or before `dueBy`, plate by plate in priority
 * order, each with its position on its plate: what a one-on-one's agenda needs of the open work,
 * without reading the rest, in one query.
 */
export async function dueOnPlatesOfPair(
  db: Db,
  [first, second]: readonly [string, string],
  dueBy: string,
): Promise<PlacedRow[]> {
  return dueOnPlatesQuery.execute(db, { first, second, dueBy });
}

/** The most action items a meeting lists. */
export const actionItemsLimit = 200;

type OfMeetingRow = PresentedRow & { position: number | null };

const ofMeetings = precompiled<{ first: string; second: string }, OfMeetingRow>(
  (_db, $) => sql<OfMeetingRow>`
    select ${presentedList("t")}, ${positionOnPlate} as position
    from task t where t.meeting_id in (${$("first")}, ${$("second")})
    order by t.created_at, t.id limit ${sql.lit(actionItemsLimit)}`,
);

/**
 * The tasks added from either of two meetings (their action items; name one meeting twice for its
 * own), oldest first, each with its position on its owner's plate (null when not on it), in one query.
 */
export async function tasksOfMeetings(
  db: Db,
  [first, second]: readonly [string, string],
): Promise<OfMeetingRow[]> {
  return ofMeetings.execute(db, { first, second });
}

/** Just the keys of a plate, in order: what placing a task needs. */
export async function plateRanks(db: Db, ownerId: string): Promise<Ranked[]> {
  const rows = await db
    .selectFrom("task")
    .select(["id", "rank"])
    .where("owner_id", "=", ownerId)
    .where("rank", "is not", null)
    .orderBy("rank")
    .execute();
  return rows as Ranked[];
}

/** The 1-based position of a task on its owner's plate (null when it is not on it). */
const tasksAbove = precompiled<{ ownerId: string; rank: string }, { above: number }>((db, $) =>
  db
    .selectFrom("task")
    .select((eb) => eb.fn.countAll<number>().as("above"))
    .where("owner_id", "=", $("ownerId"))
    .where("rank", "<", $("rank")),
);

export async function positionOf(db: Db, task: Pick<TaskRow, "owner_id" | "rank">): Promise<number | null> {
  if (task.rank === null) return null;
  const row = await tasksAbove.first(db, { ownerId: task.owner_id, rank: task.rank });
  return Number(row?.above ?? 0) + 1;
}

/** Triage tasks of a plate, oldest first: at most `limit`, from just after `after` when given. */
export async function triageTasks(
  db: Db,
  ownerId: string,
  page: { limit: number; after?: { at: string; id: string } },
): Promise<TaskRow[]> {
  let query = db
    .selectFrom("task")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .where("state", "=", "triage")
    .orderBy("created_at")
    .orderBy("id")
    .limit(page.limit);
  if (page.after) query = query.where(newerThan("created_at", page.after));
  return query.execute();
}

/**
 * When `requesterId`'s asks that landed in a triage since `since` were made (of `ownerId`'s triage
 * only, when given), newest first: at most `limit` of them.
 */
export async function triageAskTimes(
  db: Db,
  ask: { requesterId: string; ownerId?: string; since: string; limit: number },
): Promise<Date[]> {
  let query = db
    .selectFrom("task")
    .innerJoin("task_event", "task_event.task_id", "task.id")
    .select("task.created_at")
    .where("task.requester_id", "=", ask.requesterId)
    .where("task.created_at", ">", ask.since)
    .where("task_event.kind", "=", "created")
    .where("task_event.to_value", "=", JSON.stringify("triage"))
    .orderBy("task.created_at", "desc")
    .limit(ask.limit);
  if (ask.ownerId !== undefined) query = query.where("task.owner_id", "=", ask.ownerId);
  return (await query.execute()).map((row) => new Date(row.created_at));
}

export async function countTriage(db: Db, ownerIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (ownerIds.length === 0) return counts;
  const rows = await db
    .selectFrom("task")
    .select(["owner_id", (eb) => eb.fn.countAll<number>().as("triage")])
    .where("owner_id", "in", ownerIds)
    .where("state", "=", "triage")
    .groupBy("owner_id")
    .execute();
  for (const row of rows) counts.set(row.owner_id, Number(row.triage));
  return counts;
}

/** Done or dropped tasks of a plate, most recently finished first. */
export async function finishedTasks(
  db: Db,
  ownerId: string,
  state: "done" | "dropped",
  limit: number,
): Promise<TaskRow[]> {
  return db
    .selectFrom("task")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .where("state", "=", state)
    .orderBy(state === "done" ? "completed_at" : "dropped_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** The due instants of the open and in-progress tasks of several plates: what their load needs. */
export async function openDueAts(
  db: Db,
  ownerIds: readonly string[],
): Promise<{ owner_id: string; due_at: string | null }[]> {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom("task")
    .select(["owner_id", "due_at"])
    .where("owner_id", "in", ownerIds)
    .where("rank", "is not", null)
    .execute();
}

/** The first `count` tasks of each of several plates, each plate in priority order. */
export async function topOfPlates(db: Db, ownerIds: readonly string[], count: number): Promise<TaskRow[]> {
  if (ownerIds.length === 0 || count === 0) return [];
  const result = await sql<TaskRow>`
    select * from (
      select t.*, row_number() over (partition by t.owner_id order by t.rank) as place
      from task t
      where t.owner_id in (${sql.join(ownerIds)}) and t.rank is not null
    ) ranked
    where place <= ${count}
    order by owner_id, place`.execute(db);
  return result.rows;
}

export async function insertTask(db: Db, row: Insertable<TaskTable>): Promise<TaskRow> {
  return db.insertInto("task").values(row).returningAll().executeTakeFirstOrThrow();
}

/** Writes `changes` and the next version; answers the row as it now is. */
export async function updateTask(db: Db, id: string, changes: Updateable<TaskTable>): Promise<TaskRow> {
  return db
    .updateTable("task")
    .set((eb) => ({ ...changes, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function appendHistory(db: Db, entries: Insertable<TaskEventTable>[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto("task_event").values(entries).execute();
}

/** A task's history, oldest first: at most `limit` entries, from just after entry `afterId` when given. */
export async function taskHistory(
  db: Db,
  taskId: string,
  page: { limit: number; afterId?: number },
): Promise<TaskEventRow[]> {
  let query = db
    .selectFrom("task_event")
    .selectAll()
    .where("task_id", "=", taskId)
    .orderBy("id")
    .limit(page.limit);
  if (page.afterId !== undefined) query = query.where("id", ">", page.afterId);
  return query.execute();
}

/** Floating due dates of one owner: re-dated when the owner's zone changes. */
export async function floatingDues(
  db: Db,
  ownerId: string,
): Promise<Pick<TaskRow, "id" | "due_date" | "due_at" | "requester_id">[]> {
  return db
    .selectFrom("task")
    .select(["id", "due_date", "due_at", "requester_id"])
    .where("owner_id", "=", ownerId)
    .where("due_date", "is not", null)
    .execute();
}

export async function setDueAt(db: Db, id: string, dueAt: string): Promise<void> {
  await db.updateTable("task").set({ due_at: dueAt }).where("id", "=", id).execute();
}

/** The direct reports of a person, by name. */
export async function directReports(db: Db, managerId: string) {
  return db
    .selectFrom("person")
    .select(["id", "name", "title", "time_zone"])
    .where("manager_id", "=", managerId)
    .orderBy("name")
    .orderBy("id")
    .execute();
}

interface PlateHeaderRow {
  depth: number;
  id: string;
  organization_id: string | null;
  time_zone: string | null;
  triage: number | null;
}

/** The owner's row (depth 0) followed by one row per person above them, nearest first. */
const plateHeaderQuery = precompiled<{ ownerId: string }, PlateHeaderRow>(
  (_db, $) => sql<PlateHeaderRow>`
    with recursive chain(id, depth) as (
      select manager_id, 1 from person where id = ${$("ownerId")} and manager_id is not null
      union all
      select p.manager_id, chain.depth + 1 from person p join chain on p.id = chain.id
      where p.manager_id is not null and chain.depth < 1000
    )
    select 0 as depth, o.id, o.organization_id, o.time_zone,
      (select count(*) from task t where t.owner_id = o.id and t.state = 'triage') as triage
    from person o where o.id = ${$("ownerId")}
    union all
    select depth, id, null, null, null from chain
    order by depth`,
);

/**
 * What reading a plate needs besides its tasks, in one query: the owner, their management chain
 * (nearest first) and how many tasks wait in their triage. Undefined when there is no such person.
 */
export async function plateHeader(db: Db, ownerId: string) {
  return headerOf(await plateHeaderQuery.execute(db, { ownerId }));
}

function headerOf([owner, ...above]: readonly PlateHeaderRow[]) {
  if (owner?.depth !== 0) return undefined;
  return {
    owner: { id: owner.id, organizationId: owner.organization_id, timeZone: owner.time_zone ?? "UTC" },
    chain: above.map((row) => row.id),
    triage: Number(owner.triage),
  };
}

export type PlateHeader = NonNullable<ReturnType<typeof headerOf>>;

/**
 * `plateHeaderQuery` of two owners in one query, each owner's rows in the same order. Each owner is
 * named in a branch of its own: SQLite answers that faster than one `in` list.
 */
const pairHeaderQuery = precompiled<Pair, PlateHeaderRow & { owner_id: string }>((_db, $) => {
  const owner = (name: keyof Pair) => sql`
    select o.id as owner_id, 0 as depth, o.id, o.organization_id, o.time_zone,
      (select count(*) from task t where t.owner_id = o.id and t.state = 'triage') as triage
    from person o where o.id = ${$(name)}`;
  const start = (name: keyof Pair) =>
    sql`select id, manager_id, 1 from person where id = ${$(name)} and manager_id is not null`;
  return sql<PlateHeaderRow & { owner_id: string }>`
    with recursive chain(owner_id, id, depth) as (
      ${start("first")}
      union all
      ${start("second")}
      union all
      select chain.owner_id, p.manager_id, chain.depth + 1 from person p join chain on p.id = chain.id
      where p.manager_id is not null and chain.depth < 1000
    )
    ${owner("first")}
    union all
    ${owner("second")}
    union all
    select owner_id, depth, id, null, null, null from chain
    order by owner_id, depth`;
});

/** `plateHeader` of two people in one query, by owner id (absent when there is no such person). */
export async function plateHeadersOfPair(
  db: Db,
  [first, second]: readonly [string, string],
): Promise<Map<string, PlateHeader>> {
  const rows = await pairHeaderQuery.execute(db, { first, second });
  const headers = new Map<string, PlateHeader>();
  for (const ownerId of [first, second]) {
    const header = headerOf(rows.filter((row) => row.owner_id === ownerId));
    if (header) headers.set(ownerId, header);
  }
  return headers;
}
