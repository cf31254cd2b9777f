import type { Insertable, Kysely, Selectable, Transaction, Updateable } from "kysely";
import type { Ranked } from "../../core/ranks";
import type { Database, TaskEventTable, TaskTable } from "../db/schema";

export type TaskRow = Selectable<TaskTable>;
export type TaskEventRow = Selectable<TaskEventTable>;
type Db = Kysely<Database> | Transaction<Database>;

const onPlate = ["open", "in_progress"] as const;

export async function findTask(db: Db, id: string): Promise<TaskRow | undefined> {
  return db.selectFrom("task").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The open and in-progress tasks of a plate, in priority order. */
export async function plateTasks(db: Db, ownerId: string): Promise<TaskRow[]> {
  return db
    .selectFrom("task")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .where("rank", "is not", null)
    .orderBy("rank")
    .execute();
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
export async function positionOf(db: Db, task: Pick<TaskRow, "owner_id" | "rank">): Promise<number | null> {
  if (task.rank === null) return null;
  const row = await db
    .selectFrom("task")
    .select((eb) => eb.fn.countAll<number>().as("above"))
    .where("owner_id", "=", task.owner_id)
    .where("rank", "<", task.rank)
    .executeTakeFirstOrThrow();
  return Number(row.above) + 1;
}

/** Triage tasks of a plate, oldest first. */
export async function triageTasks(db: Db, ownerId: string): Promise<TaskRow[]> {
  return db
    .selectFrom("task")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .where("state", "=", "triage")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
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

/** The open and in-progress tasks of several plates, each in priority order. */
export async function platesOf(db: Db, ownerIds: readonly string[]): Promise<TaskRow[]> {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom("task")
    .selectAll()
    .where("owner_id", "in", ownerIds)
    .where("state", "in", onPlate)
    .orderBy("owner_id")
    .orderBy("rank")
    .execute();
}

export async function insertTask(db: Db, row: Insertable<TaskTable>): Promise<void> {
  await db.insertInto("task").values(row).execute();
}

export async function updateTask(db: Db, id: string, changes: Updateable<TaskTable>): Promise<void> {
  await db
    .updateTable("task")
    .set((eb) => ({ ...changes, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

export async function appendHistory(db: Db, entries: Insertable<TaskEventTable>[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto("task_event").values(entries).execute();
}

export async function taskHistory(db: Db, taskId: string): Promise<TaskEventRow[]> {
  return db.selectFrom("task_event").selectAll().where("task_id", "=", taskId).orderBy("id").execute();
}

/** Floating due dates of one owner: re-dated when the owner's zone changes. */
export async function floatingDues(db: Db, ownerId: string): Promise<Pick<TaskRow, "id" | "due_date">[]> {
  return db
    .selectFrom("task")
    .select(["id", "due_date"])
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
