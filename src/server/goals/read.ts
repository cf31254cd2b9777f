import { z } from "zod";
import { Id, Instant } from "../../contract/common";
import {
  type CheckInPage,
  type CheckInsQuery,
  type Goal,
  type GoalList,
  type GoalsQuery,
  type GoalTasks,
  goalListLimit,
  goalTasksLimit,
} from "../../contract/goals";
import { type Actor, authorize, decide, type PlateSubject } from "../../core/access";
import { notFound } from "../../core/errors";
import { type CountedState, progressOf } from "../../core/goals";
import type { AppContext } from "../context";
import { pageOf, readCursor } from "../db/pages";
import { findPerson } from "../people/store";
import { presentTask } from "../tasks/present";
import { presentCheckIn, presentGoal } from "./present";
import {
  activeGoalsOfPair,
  type CheckInRow,
  chainsAbove,
  checkInsOf,
  findGoal,
  type GoalRow,
  goalsOfPeriod,
  goalsOwnedBy,
  goalTaskOwners,
  goalTasksOn,
  latestCheckIns,
  taskStateCounts,
} from "./store";
import { goalSubjectOf, subjectOfGoal } from "./subject";

type Db = Parameters<typeof findGoal>[0];

/** Goals as answered: their progress and latest check-ins read in two queries for the whole list. */
export async function presentGoals(db: Db, rows: readonly GoalRow[]): Promise<Goal[]> {
  const ids = rows.map((row) => row.id);
  const [counts, latest] = await Promise.all([taskStateCounts(db, ids), latestCheckIns(db, ids)]);
  const countsOf = new Map<string, { state: CountedState; count: number }[]>();
  for (const row of counts) {
    const list = countsOf.get(row.goal_id);
    if (list) list.push(row);
    else countsOf.set(row.goal_id, [row]);
  }
  const latestOf = new Map<string, CheckInRow>(latest.map((row) => [row.goal_id, row]));
  return rows.map((row) =>
    presentGoal(row, progressOf(countsOf.get(row.id) ?? []), latestOf.get(row.id) ?? null),
  );
}

/** A goal `actor` may read; 404 when there is none or it is hidden from them. */
export async function readableGoal(db: Db, actor: Actor, id: string): Promise<GoalRow> {
  const goal = await findGoal(db, id);
  if (!goal) throw notFound("Goal");
  authorize(actor, { kind: "goal.read", goal: await subjectOfGoal(db, actor, goal) });
  return goal;
}

export async function getGoal(ctx: AppContext, actor: Actor, id: string): Promise<Goal> {
  const [goal] = await presentGoals(ctx.db, [await readableGoal(ctx.db, actor, id)]);
  return goal as Goal;
}

/** A person's goals, for whoever may read them: the person, everyone above them and everyone below. */
export async function listGoals(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  query: GoalsQuery,
): Promise<GoalList> {
  const person = await findPerson(ctx.db, personId);
  if (!person) throw notFound("Person");
  const subject = await goalSubjectOf(ctx.db, actor, {
    id: person.id,
    organizationId: person.organization_id,
  });
  // Whoever may read none of this person's goals learns nothing of the person either.
  if (decide(actor, { kind: "goal.read", goal: subject }) !== "allow") throw notFound("Person");
  const rows = await goalsOwnedBy(ctx.db, person.id, query.state, goalListLimit);
  return { items: await presentGoals(ctx.db, rows) };
}

const CheckInCursor = z.tuple([Instant, Id]);

/** A goal's check-ins, newest first, a page at a time. */
export async function listCheckIns(
  ctx: AppContext,
  actor: Actor,
  goalId: string,
  query: CheckInsQuery,
): Promise<CheckInPage> {
  const goal = await readableGoal(ctx.db, actor, goalId);
  const [before, beforeId] = query.cursor === undefined ? [] : readCursor(query.cursor, CheckInCursor);
  const rows = await checkInsOf(ctx.db, goal.id, { limit: query.limit + 1, before, beforeId });
  const { page, next } = pageOf(rows, query.limit, (last) => [last.created_at, last.id]);
  return { items: page.map(presentCheckIn), ...next };
}

/**
 * A goal's tasks across plates, as far as the reader may see them: the tasks on each plate the
 * reader may read are listed (at most `goalTasksLimit`), those on other plates only counted.
 */
export async function listGoalTasks(ctx: AppContext, actor: Actor, goalId: string): Promise<GoalTasks> {
  const goal = await readableGoal(ctx.db, actor, goalId);
  const owners = await goalTaskOwners(ctx.db, goal.id);
  const chains = await chainsAbove(
    ctx.db,
    owners.map((row) => row.owner_id),
  );
  const visible = new Set<string>();
  const unseen: { state: CountedState; count: number }[] = [];
  for (const row of owners) {
    const plate = {
      ownerId: row.owner_id,
      organizationId: row.organization_id,
      chain: chains.get(row.owner_id) ?? [],
    };
    if (decide(actor, { kind: "plate.read", plate }) === "allow") visible.add(row.owner_id);
    else unseen.push(row);
  }
  const rows = await goalTasksOn(ctx.db, goal.id, [...visible], goalTasksLimit);
  const now = ctx.clock.now();
  return {
    items: rows.map((row) => presentTask(row, row.position === null ? null : Number(row.position), now)),
    hidden: progressOf(unseen).total,
  };
}

/** One person's active goals in a one-on-one's agenda. */
export interface PersonGoals {
  personId: string;
  goals: Goal[];
}

/**
 * The active goals of each of `people` (at most two, as their plates are seen: owner and chain) that
 * `actor` may read, `actorChain` being who sits above the actor, with progress and latest check-in:
 * one statement, which never reads the goals of someone whose goals the actor may not read.
 */
export async function activeGoalsInView(
  db: Db,
  actor: Actor,
  people: readonly PlateSubject[],
  actorChain: readonly string[],
): Promise<PersonGoals[]> {
  const readable = people.filter(
    (person) => decide(actor, { kind: "goal.read", goal: { ...person, actorChain } }) === "allow",
  );
  if (readable.length === 0) return [];
  const [first = null, second = null] = readable.map((person) => person.ownerId);
  const rows = await activeGoalsOfPair(db, [first, second]);
  const newestFirst = (a: GoalRow, b: GoalRow) =>
    a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1;
  return readable.map(({ ownerId }) => ({
    personId: ownerId,
    goals: rows
      .filter((row) => row.owner_id === ownerId)
      .sort(newestFirst)
      .map((row) =>
        presentGoal(
          row,
          { done: Number(row.done_count), total: Number(row.total_count) },
          row.c_id === null
            ? null
            : {
                id: row.c_id,
                goal_id: row.id,
                author_id: row.c_author_id as string,
                status: row.c_status as CheckInRow["status"],
                note: row.c_note as string,
                created_at: row.c_created_at as string,
              },
        ),
      ),
  }));
}

/**
 * The goals of `owner` a record of `period` lists for `actor` (`Record.goals`): none when the actor
 * may not read that person's goals.
 */
export async function goalsForRecord(
  db: Db,
  actor: Actor,
  owner: { id: string; organizationId: string | null },
  period: { start: string; end: string },
): Promise<Goal[]> {
  const subject = await goalSubjectOf(db, actor, owner);
  if (decide(actor, { kind: "goal.read", goal: subject }) !== "allow") return [];
  return presentGoals(db, await goalsOfPeriod(db, owner.id, period, goalListLimit));
}
