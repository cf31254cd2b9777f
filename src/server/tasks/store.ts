import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
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
