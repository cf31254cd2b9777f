import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { Database, RequestTable } from "../db/schema";

export type RequestRow = Selectable<RequestTable>;
type Db = Kysely<Database> | Transaction<Database>;

export interface AssignedTaskRow {
  id: string;
  owner_id: string;
  owner_name: string;
  state: "triage" | "open" | "in_progress" | "done" | "dropped";
  completed_at: string | null;
  dropped_at: string | null;
  drop_reason: string | null;
}

export async function findRequest(db: Db, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom("request").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertRequest(db: Db, row: Insertable<RequestTable>): Promise<void> {
  await db.insertInto("request").values(row).execute();
}

export async function markCanceled(db: Db, id: string, at: string, reason: string): Promise<void> {
  await db
    .updateTable("request")
    .set({ canceled_at: at, cancel_reason: reason })
    .where("id", "=", id)
    .execute();
}

/** Notes when a request's people were last reminded: the next nudge is allowed a day later. */
export async function markNudged(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable("request").set({ last_nudged_at: at }).where("id", "=", id).execute();
}

/** The requests `requesterId` made, newest first. */
export async function requestsBy(db: Db, requesterId: string, limit: number): Promise<RequestRow[]> {
  return db
    .selectFrom("request")
    .selectAll()
    .where("requester_id", "=", requesterId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** Each assignee's task of these requests, with the assignee's name. */
export async function assignedTasks(
  db: Db,
  requestIds: readonly string[],
): Promise<(AssignedTaskRow & { request_id: string })[]> {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom("task")
    .innerJoin("person", "person.id", "task.owner_id")
    .select([
      "task.id as id",
      "task.request_id as request_id",
      "task.owner_id as owner_id",
      "person.name as owner_name",
      "task.state as state",
      "task.completed_at as completed_at",
      "task.dropped_at as dropped_at",
      "task.drop_reason as drop_reason",
    ])
    .where("task.request_id", "in", requestIds)
    .execute() as Promise<(AssignedTaskRow & { request_id: string })[]>;
}

/** Everyone in the organization among `ids`, with what a request needs of them. */
export async function peopleIn(db: Db, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("person")
    .select(["id", "name", "time_zone"])
    .where("organization_id", "=", organizationId)
    .where("id", "in", ids)
    .execute();
}

/** The people reporting to `managerId`, directly or (with `everyone`) at any depth. */
export async function peopleBelow(db: Db, managerId: string, everyone: boolean): Promise<string[]> {
  if (!everyone) {
    const rows = await db.selectFrom("person").select("id").where("manager_id", "=", managerId).execute();
    return rows.map((row) => row.id);
  }
  const result = await sql<{ id: string }>`
    with recursive below(id, depth) as (
      select id, 1 from person where manager_id = ${managerId}
      union all
      select p.id, below.depth + 1 from person p join below on p.manager_id = below.id
      where below.depth < 1000
    )
    select distinct id from below`.execute(db);
  return result.rows.map((row) => row.id);
}
