import {
  type Insertable,
  type Kysely,
  type Selectable,
  sql,
  type Transaction,
  type Updateable,
} from "kysely";
import type { TaskSubject } from "../../core/access";
import type { Ranked } from "../../core/ranks";
import { type DialectName, jsonListOf, listFrom } from "../db/dialect";
import { newerThan } from "../db/pages";
import { precompiled, precompiledInsert, precompiledWith } from "../db/precompiled";
import type { Database, TaskEventTable, TaskTable } from "../db/schema";
import { inboxEntryInsert, type NewInboxEntry } from "../inbox/store";

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
  "goal_id",
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

type VersionedRow = { plate_version: number } & { [K in keyof PresentedRow]: PresentedRow[K] | null };

// The plate's version comes from the same statement as its tasks: read at the same moment.
const plate = precompiled<{ ownerId: string }, VersionedRow>(
  (_db, $) => sql<VersionedRow>`
    select o.plate_version, ${sql.join(presentedColumns.map((column) => sql.ref(`t.${column}`)))}
    from person o left join task t on t.owner_id = o.id and t.rank is not null
    where o.id = ${$("ownerId")}
    order by t.rank`,
);

/**
 * The open and in-progress tasks of a plate, in priority order, with the plate's version read at
 * the same moment (undefined when there is no such person).
 */
export async function plateTasks(
  db: Db,
  ownerId: string,
): Promise<{ version: number | undefined; tasks: PresentedRow[] }> {
  const rows = await plate.execute(db, { ownerId });
  const tasks = rows.filter((row): row is VersionedRow & PresentedRow => row.id !== null);
  return { version: rows[0] === undefined ? undefined : Number(rows[0].plate_version), tasks };
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

/**
 * Triage tasks of a plate, oldest first: at most `limit`, from just after `after` when given (only
 * those working towards `goalId`, when given).
 */
export async function triageTasks(
  db: Db,
  ownerId: string,
  page: { limit: number; after?: { at: string; id: string }; goalId?: string },
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
  if (page.goalId !== undefined) query = query.where("goal_id", "=", page.goalId);
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

/**
 * Done or dropped tasks of a plate, most recently finished first (only those working towards
 * `goalId`, when given).
 */
export async function finishedTasks(
  db: Db,
  ownerId: string,
  state: "done" | "dropped",
  limit: number,
  goalId?: string,
): Promise<TaskRow[]> {
  let query = db
    .selectFrom("task")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .where("state", "=", state)
    .orderBy(state === "done" ? "completed_at" : "dropped_at", "desc")
    .orderBy("id", "desc")
    .limit(limit);
  if (goalId !== undefined) query = query.where("goal_id", "=", goalId);
  return query.execute();
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

export type NewTaskEvent = Insertable<TaskEventTable>;

const historyInsert = precompiledInsert<"task_event", NewTaskEvent>("task_event", [
  "task_id",
  "actor_id",
  "at",
  "kind",
  "from_value",
  "to_value",
]);

/** What a task write leaves behind besides the task's row: its history and new inbox entries. */
export interface TaskRecords {
  history: readonly NewTaskEvent[];
  entries: readonly NewInboxEntry[];
}

/** The records go with the task's statement (see `precompiledWith`): one statement on PostgreSQL. */
const recordInserts = [historyInsert, inboxEntryInsert];

const recorded = (dialect: DialectName, records: TaskRecords) => ({
  dialect,
  rows: [records.history, records.entries],
});

/** What a new task is written with; the other columns start empty. */
export type NewTask = Required<
  Pick<
    Insertable<TaskTable>,
    | "id"
    | "organization_id"
    | "owner_id"
    | "requester_id"
    | "request_id"
    | "meeting_id"
    | "goal_id"
    | "title"
    | "notes"
    | "state"
    | "rank"
    | "due_date"
    | "due_at"
    | "urgent"
    | "created_at"
    | "updated_at"
  >
>;

const taskInsert = precompiledWith<NewTask, TaskRow>(
  (db, $) =>
    db
      .insertInto("task")
      .values({
        id: $("id"),
        organization_id: $("organization_id"),
        owner_id: $("owner_id"),
        requester_id: $("requester_id"),
        request_id: $("request_id"),
        meeting_id: $("meeting_id"),
        goal_id: $("goal_id"),
        title: $("title"),
        notes: $("notes"),
        state: $("state"),
        rank: $("rank"),
        due_date: $("due_date"),
        due_at: $("due_at"),
        urgent: $("urgent"),
        created_at: $("created_at"),
        updated_at: $("updated_at"),
      })
      .returningAll(),
  recordInserts,
);

/** Writes a new task with its records. */
export async function insertTask(
  trx: Transaction<Database>,
  dialect: DialectName,
  row: NewTask,
  records: TaskRecords,
): Promise<TaskRow> {
  return firstOf(await taskInsert.execute(trx, row, recorded(dialect, records)));
}

type TaskChanges = Omit<Updateable<TaskTable>, "id" | "version">;

/** The update of one set of columns (and the version), compiled once per set. */
const taskUpdates = new Map<
  string,
  ReturnType<typeof precompiledWith<TaskChanges & { id: string }, TaskRow>>
>();

function taskUpdateOf(columns: readonly (keyof TaskChanges & string)[]) {
  const key = columns.join(",");
  let update = taskUpdates.get(key);
  if (!update) {
    update = precompiledWith<TaskChanges & { id: string }, TaskRow>(
      (db, $) =>
        db
          .updateTable("task")
          .set((eb) => ({
            ...Object.fromEntries(columns.map((column) => [column, $(column)])),
            version: eb("version", "+", 1),
          }))
          .where("id", "=", $("id"))
          .returningAll(),
      recordInserts,
    );
    taskUpdates.set(key, update);
  }
  return update;
}

/** Writes `changes` and the next version, with the change's records when given; answers the row as it now is. */
export async function updateTask(
  trx: Transaction<Database>,
  id: string,
  changes: TaskChanges,
  records?: { dialect: DialectName } & TaskRecords,
): Promise<TaskRow> {
  const columns = (Object.keys(changes) as (keyof TaskChanges & string)[])
    .filter((column) => changes[column] !== undefined)
    .sort();
  const along = records === undefined ? undefined : recorded(records.dialect, records);
  return firstOf(await taskUpdateOf(columns).execute(trx, { ...changes, id }, along));
}

function firstOf(rows: readonly TaskRow[]): TaskRow {
  const [row] = rows;
  if (row === undefined) throw new Error("The task was not written");
  return row;
}

export async function appendHistory(
  trx: Transaction<Database>,
  entries: readonly NewTaskEvent[],
): Promise<void> {
  await historyInsert.execute(trx, entries);
}

interface OwnerRow {
  id: string;
  organization_id: string | null;
  name: string;
  time_zone: string;
  chain: unknown;
}

/**
 * The owner with the people above them (nearest first, a `jsonListOf` list): one row. On PostgreSQL
 * it takes the plate's lock too (see `lockPlate`): the owner's row is then read as the lock leaves
 * it, the people above as they were when the statement began.
 */
function ownerQueryOf(dialect: DialectName) {
  return precompiled<{ ownerId: string }, OwnerRow>(
    (_db, $) => sql<OwnerRow>`
      with recursive ${chainTable($("ownerId"))},
        above(ids) as (select ${jsonListOf(dialect, sql`id`, sql`depth`)} from chain)
      select o.id, o.organization_id, o.name, o.time_zone, above.ids as chain
      from person o cross join above where o.id = ${$("ownerId")}
      ${dialect === "postgres" ? sql`for no key update of o` : sql``}`,
  );
}

const ownerQueries = { sqlite: ownerQueryOf("sqlite"), postgres: ownerQueryOf("postgres") };

/**
 * What adding to a plate needs of its owner, in one statement that also locks the plate: who they
 * are, their zone and the people above them, nearest first. Undefined when there is no such person.
 */
export async function lockedPlateOwner(trx: Transaction<Database>, dialect: DialectName, ownerId: string) {
  const owner = await ownerQueries[dialect].first(trx, { ownerId });
  if (owner === undefined) return undefined;
  return {
    id: owner.id,
    organizationId: owner.organization_id,
    name: owner.name,
    timeZone: owner.time_zone,
    chain: listFrom(owner.chain) as string[],
  };
}

/** Every column of a task: one missing here fails to compile. */
const everyTaskColumn: Record<keyof TaskTable, true> = {
  id: true,
  organization_id: true,
  owner_id: true,
  requester_id: true,
  request_id: true,
  meeting_id: true,
  goal_id: true,
  title: true,
  notes: true,
  state: true,
  rank: true,
  due_date: true,
  due_at: true,
  urgent: true,
  created_at: true,
  updated_at: true,
  started_at: true,
  completed_at: true,
  dropped_at: true,
  drop_reason: true,
  version: true,
};
const taskColumns = Object.keys(everyTaskColumn) as (keyof TaskTable)[];

type TaskForChangeRow = TaskRow & { chain: unknown; pair_first: string | null; pair_second: string | null };

/**
 * The task, the people above its owner (nearest first, a `jsonListOf` list) and the two people of
 * the meeting it was added from, if any: one row.
 */
function taskForChangeQueryOf(dialect: DialectName) {
  return precompiled<{ taskId: string }, TaskForChangeRow>((_db, $) => {
    const pair = (column: string) => sql`(select s.${sql.ref(column)} from meeting m
      join one_on_one s on s.id = m.series_id where m.id = t.meeting_id)`;
    return sql<TaskForChangeRow>`
      with recursive ${chainTable(sql`(select owner_id from task where id = ${$("taskId")})`)},
        above(ids) as (select ${jsonListOf(dialect, sql`id`, sql`depth`)} from chain)
      select ${sql.join(taskColumns.map((column) => sql.ref(`t.${column}`)))}, above.ids as chain,
        ${pair("first_person_id")} as pair_first, ${pair("second_person_id")} as pair_second
      from task t cross join above where t.id = ${$("taskId")}`;
  });
}

const taskForChangeQueries = {
  sqlite: taskForChangeQueryOf("sqlite"),
  postgres: taskForChangeQueryOf("postgres"),
};

/**
 * What changing a task starts from, in one statement: the task, and the task as authorization sees
 * it (its plate, its requester, the owner's management chain, the pair of the one-on-one it was
 * added from). Undefined when there is no such task.
 */
export async function taskForChange(
  trx: Transaction<Database>,
  dialect: DialectName,
  taskId: string,
): Promise<{ task: TaskRow; subject: TaskSubject } | undefined> {
  const row = await taskForChangeQueries[dialect].first(trx, { taskId });
  if (row === undefined) return undefined;
  const { chain, pair_first, pair_second, ...task } = row;
  const subject: TaskSubject = {
    ownerId: task.owner_id,
    organizationId: task.organization_id,
    requesterId: task.requester_id,
    chain: listFrom(chain) as string[],
  };
  if (task.meeting_id !== null) subject.meetingParticipantIds = [pair_first, pair_second].filter(isId);
  return { task, subject };
}

const isId = (id: string | null): id is string => id !== null;

const firstRanked = precompiled<{ ownerId: string }, Ranked>((db, $) =>
  db
    .selectFrom("task")
    .select(["id", "rank"])
    .where("owner_id", "=", $("ownerId"))
    .where("rank", "is not", null)
    .orderBy("rank")
    .limit(sql.lit(1)),
);

/** The task at the top of a plate: all that placing another above it needs. */
export async function topOfPlate(trx: Transaction<Database>, ownerId: string): Promise<Ranked | undefined> {
  return firstRanked.first(trx, { ownerId });
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

export interface PlateHeaderRow {
  depth: number;
  id: string;
  organization_id: string | null;
  time_zone: string | null;
  triage: number | null;
  plate_version: number | null;
}

/** How many tasks wait in the triage of the person `alias` names. */
export const triageOf = (alias: string) =>
  sql`(select count(*) from task t where t.owner_id = ${sql.ref(`${alias}.id`)} and t.state = 'triage')`;

/** The people above `ownerId`, as the recursive table `chain(id, depth)`: depth 1 is their manager. */
export const chainTable = (ownerId: unknown) => sql`
  chain(id, depth) as (
    select manager_id, 1 from person where id = ${ownerId} and manager_id is not null
    union all
    select p.manager_id, chain.depth + 1 from person p join chain on p.id = chain.id
    where p.manager_id is not null and chain.depth < 1000
  )`;

/** The owner's row (depth 0) followed by one row per person above them, nearest first. */
const plateHeaderQuery = precompiled<{ ownerId: string }, PlateHeaderRow>(
  (_db, $) => sql<PlateHeaderRow>`
    with recursive ${chainTable($("ownerId"))}
    select 0 as depth, o.id, o.organization_id, o.time_zone, ${triageOf("o")} as triage, o.plate_version
    from person o where o.id = ${$("ownerId")}
    union all
    select depth, id, null, null, null, null from chain
    order by depth`,
);

/**
 * What reading a plate needs besides its tasks, in one query: the owner, their management chain
 * (nearest first), how many tasks wait in their triage and the plate's version. Undefined when
 * there is no such person.
 */
export async function plateHeader(db: Db, ownerId: string) {
  return headerOf(await plateHeaderQuery.execute(db, { ownerId }));
}

export function headerOf([owner, ...above]: readonly PlateHeaderRow[]) {
  if (owner?.depth !== 0) return undefined;
  return {
    owner: { id: owner.id, organizationId: owner.organization_id, timeZone: owner.time_zone ?? "UTC" },
    chain: above.map((row) => row.id),
    triage: Number(owner.triage),
    /** The plate's version (see migration 011), read with the rest. */
    version: Number(owner.plate_version),
  };
}

export type PlateHeader = NonNullable<ReturnType<typeof headerOf>>;
