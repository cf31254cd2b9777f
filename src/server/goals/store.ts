import {
  type Insertable,
  type Kysely,
  type Selectable,
  sql,
  type Transaction,
  type Updateable,
} from "kysely";
import { type CountedState, maxGoalLevels } from "../../core/goals";
import { olderThan, type PageStart } from "../db/pages";
import { precompiled } from "../db/precompiled";
import type { Database, GoalCheckInTable, GoalTable } from "../db/schema";
import { type PresentedRow, presentedColumns } from "../tasks/store";

export type GoalRow = Selectable<GoalTable>;
export type CheckInRow = Selectable<GoalCheckInTable>;
type Db = Kysely<Database> | Transaction<Database>;

export async function findGoal(db: Db, id: string): Promise<GoalRow | undefined> {
  return db.selectFrom("goal").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertGoal(db: Db, row: Insertable<GoalTable>): Promise<GoalRow> {
  return db.insertInto("goal").values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Writes `changes` and the next version, only if the goal is still at `version`: undefined when
 * someone else changed it first.
 */
export async function updateGoalAt(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<GoalTable>,
): Promise<GoalRow | undefined> {
  return db
    .updateTable("goal")
    .set((eb) => ({ ...changes, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}

/** A person's goals (of one state, or all): active ones first, then newest first; at most `limit`. */
export async function goalsOwnedBy(
  db: Db,
  ownerId: string,
  state: GoalRow["state"] | "all",
  limit: number,
): Promise<GoalRow[]> {
  let query = db
    .selectFrom("goal")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .orderBy(sql`case when state = 'active' then 0 else 1 end`)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit);
  if (state !== "all") query = query.where("state", "=", state);
  return query.execute();
}

/** How many tasks of each goal are in each state: one grouped query for the whole list. */
export async function taskStateCounts(
  db: Db,
  goalIds: readonly string[],
): Promise<{ goal_id: string; state: CountedState; count: number }[]> {
  if (goalIds.length === 0) return [];
  const rows = await db
    .selectFrom("task")
    .select(["goal_id", "state", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where("goal_id", "in", goalIds)
    .groupBy(["goal_id", "state"])
    .execute();
  return rows.map((row) => ({ goal_id: row.goal_id as string, state: row.state, count: Number(row.count) }));
}

/** The newest check-in of each of these goals that has one: one query for the whole list. */
export async function latestCheckIns(db: Db, goalIds: readonly string[]): Promise<CheckInRow[]> {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom("goal_check_in as c")
    .selectAll("c")
    .where("c.goal_id", "in", goalIds)
    .where("c.id", "=", (eb) =>
      eb
        .selectFrom("goal_check_in as newer")
        .select("newer.id")
        .whereRef("newer.goal_id", "=", "c.goal_id")
        .orderBy("newer.created_at", "desc")
        .orderBy("newer.id", "desc")
        .limit(1),
    )
    .execute();
}

export async function insertCheckIn(db: Db, row: Insertable<GoalCheckInTable>): Promise<CheckInRow> {
  return db.insertInto("goal_check_in").values(row).returningAll().executeTakeFirstOrThrow();
}

/** A goal's check-ins, newest first: at most `limit`, from just after `page` when given. */
export async function checkInsOf(
  db: Db,
  goalId: string,
  page: PageStart & { limit: number },
): Promise<CheckInRow[]> {
  let query = db
    .selectFrom("goal_check_in")
    .selectAll()
    .where("goal_id", "=", goalId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit);
  const after = olderThan("created_at", page);
  if (after) query = query.where(after);
  return query.execute();
}

/**
 * A goal and the goals above it, nearest first: never more than `maxGoalLevels` (no line is longer,
 * and the bound keeps the read finite whatever is stored).
 */
export async function goalLine(db: Db, goalId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive line(id, parent_id, depth) as (
      select id, parent_id, 1 from goal where id = ${goalId}
      union all
      select g.id, g.parent_id, line.depth + 1 from goal g join line on g.id = line.parent_id
      where line.depth < ${maxGoalLevels}
    )
    select id from line order by depth`.execute(db);
  return result.rows.map((row) => row.id);
}

/**
 * How many levels a goal spans with the goals below it: 1 when no goal supports it. Read at most
 * `maxGoalLevels` levels down.
 */
export async function levelsFrom(db: Db, goalId: string): Promise<number> {
  const result = await sql<{ levels: number | string | null }>`
    with recursive below(id, depth) as (
      select id, 2 from goal where parent_id = ${goalId}
      union all
      select g.id, below.depth + 1 from goal g join below on g.parent_id = below.id
      where below.depth < ${maxGoalLevels}
    )
    select max(depth) as levels from below`.execute(db);
  return Number(result.rows[0]?.levels ?? 1);
}

/** The people above each of `personIds`, nearest first (one recursive query for all of them). */
export async function chainsAbove(db: Db, personIds: readonly string[]): Promise<Map<string, string[]>> {
  const chains = new Map<string, string[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return chains;
  const result = await sql<{ person_id: string; id: string }>`
    with recursive chain(person_id, id, depth) as (
      select id, manager_id, 1 from person where id in (${sql.join([...new Set(personIds)])})
        and manager_id is not null
      union all
      select chain.person_id, p.manager_id, chain.depth + 1 from person p join chain on p.id = chain.id
      where p.manager_id is not null and chain.depth < 1000
    )
    select person_id, id from chain order by person_id, depth`.execute(db);
  for (const row of result.rows) chains.get(row.person_id)?.push(row.id);
  return chains;
}

/** How many tasks of a goal each owner has in each state: whose plates the goal reaches. */
export async function goalTaskOwners(
  db: Db,
  goalId: string,
): Promise<{ owner_id: string; organization_id: string; state: CountedState; count: number }[]> {
  const rows = await db
    .selectFrom("task")
    .select(["owner_id", "organization_id", "state", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where("goal_id", "=", goalId)
    .groupBy(["owner_id", "organization_id", "state"])
    .execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

export type GoalTaskRow = PresentedRow & { position: number | string | null };

/**
 * The tasks of a goal on the plates of `ownerIds`, each with its position on its plate: open and in
 * progress (and triage) first, then done, then dropped, each newest first; at most `limit`.
 */
export async function goalTasksOn(
  db: Db,
  goalId: string,
  ownerIds: readonly string[],
  limit: number,
): Promise<GoalTaskRow[]> {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom("task")
    .select(presentedColumns)
    .select(
      sql<number | string | null>`case when task.rank is null then null else (
        select count(*) from task above where above.owner_id = task.owner_id and above.rank < task.rank
      ) + 1 end`.as("position"),
    )
    .where("goal_id", "=", goalId)
    .where("owner_id", "in", ownerIds)
    .orderBy(sql`case state when 'done' then 1 when 'dropped' then 2 else 0 end`)
    .orderBy(sql`coalesce(completed_at, dropped_at, created_at)`, "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** The most active goals of one person a one-on-one's agenda shows. */
export const agendaGoalsLimit = 50;

/** A goal with its progress counted and its latest check-in (`c_` columns, null without one). */
export type GoalWithProgressRow = GoalRow & {
  done_count: number | string;
  total_count: number | string;
  c_id: string | null;
  c_author_id: string | null;
  c_status: CheckInRow["status"] | null;
  c_note: string | null;
  c_created_at: string | null;
};

/**
 * The active goals of up to two people (null reads nothing), each person's newest first and at most
 * `agendaGoalsLimit`, each with its progress and latest check-in: one statement for a meeting's agenda.
 */
const activeGoalsOfPairQuery = precompiled<
  { first: string | null; second: string | null },
  GoalWithProgressRow
>((_db, $) => {
  const branch = (owner: "first" | "second") => sql`select * from (
      select g.*,
        (select count(*) from task t where t.goal_id = g.id and t.state = 'done') as done_count,
        (select count(*) from task t where t.goal_id = g.id and t.state <> 'dropped') as total_count,
        c.id as c_id, c.author_id as c_author_id, c.status as c_status, c.note as c_note,
        c.created_at as c_created_at
      from goal g
      left join goal_check_in c on c.id = (
        select n.id from goal_check_in n where n.goal_id = g.id order by n.created_at desc, n.id desc limit 1)
      where g.owner_id = ${$(owner)} and g.state = 'active'
      order by g.created_at desc, g.id desc limit ${sql.lit(agendaGoalsLimit)}) as ${sql.raw(owner)}`;
  return sql<GoalWithProgressRow>`${branch("first")} union all ${branch("second")}`;
});

export async function activeGoalsOfPair(
  db: Db,
  [first, second]: readonly [string | null, string | null],
): Promise<GoalWithProgressRow[]> {
  return activeGoalsOfPairQuery.execute(db, { first, second });
}

/**
 * A person's goals set before `end` and not closed before `start` (active, or closed in or after the
 * period): active first, then newest first; at most `limit`. What a record of the period lists.
 */
export async function goalsOfPeriod(
  db: Db,
  ownerId: string,
  period: { start: string; end: string },
  limit: number,
): Promise<GoalRow[]> {
  return db
    .selectFrom("goal")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .where("created_at", "<", period.end)
    .where((eb) => eb.or([eb("closed_at", "is", null), eb("closed_at", ">=", period.start)]))
    .orderBy(sql`case when state = 'active' then 0 else 1 end`)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
