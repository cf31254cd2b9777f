import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { CheckIn, CheckInPage, Goal, GoalTasks } from "../../src/contract/goals";
import { invite, type Member } from "./factories";
import type { Harness } from "./harness";
import type { Caller, Problem } from "./tasks";

export type { CheckIn, CheckInPage, Goal, GoalTasks };

export const postGoal = (as: Caller, body: unknown) => as.client.post<Goal & Problem>("/api/v1/goals", body);

/** Sets a goal for `ownerId` as `as`, expecting 201. */
export async function setGoal(
  as: Caller,
  ownerId: string,
  body: Record<string, unknown> = {},
): Promise<Goal> {
  const answer = await postGoal(as, { ownerId, title: "Ship the new onboarding", ...body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** A goal as `as` sees it, expecting 200. */
export async function goalOf(as: Caller, id: string): Promise<Goal> {
  const answer = await as.client.get<Goal>(`/api/v1/goals/${id}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** A person's goals as `as` sees them (`query` like `state=active`), expecting 200. */
export async function goalsOf(as: Caller, personId: string, query = ""): Promise<Goal[]> {
  const answer = await as.client.get<{ items: Goal[] }>(
    `/api/v1/people/${personId}/goals${query ? `?${query}` : ""}`,
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items;
}

export const patchGoal = (as: Caller, id: string, body: unknown) =>
  as.client.patch<Goal & Problem>(`/api/v1/goals/${id}`, body);

/** PATCH that must succeed: sends the goal's current version along. */
export async function changeGoal(as: Caller, goal: Goal, body: Record<string, unknown>): Promise<Goal> {
  const answer = await patchGoal(as, goal.id, { version: goal.version, ...body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

export const postCheckIn = (as: Caller, goalId: string, body: unknown) =>
  as.client.post<CheckIn & Problem>(`/api/v1/goals/${goalId}/check-ins`, body);

/** Checks in on a goal as `as`, expecting 201. */
export async function checkIn(
  as: Caller,
  goalId: string,
  body: Record<string, unknown> = {},
): Promise<CheckIn> {
  const answer = await postCheckIn(as, goalId, { status: "on_track", note: "Going well", ...body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** One page of a goal's check-ins (`query` like `limit=2&cursor=…`), expecting 200. */
export async function checkInsOf(as: Caller, goalId: string, query = ""): Promise<CheckInPage> {
  const answer = await as.client.get<CheckInPage>(
    `/api/v1/goals/${goalId}/check-ins${query ? `?${query}` : ""}`,
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** A goal's tasks across plates as `as` sees them, expecting 200. */
export async function goalTasksOf(as: Caller, goalId: string): Promise<GoalTasks> {
  const answer = await as.client.get<GoalTasks>(`/api/v1/goals/${goalId}/tasks`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** How far a goal has come, as its owner's side reads it. */
export const progressOf = async (as: Caller, goalId: string) => (await goalOf(as, goalId)).progress;

/**
 * Every stored goal, check-in, task and task history entry, straight from the database: equal before
 * and after a refused request means nothing was written.
 */
export async function goalRows(h: Harness) {
  const db = h.ctx.db;
  const [goals, checkIns, tasks, events] = await Promise.all([
    db.selectFrom("goal").selectAll().orderBy("id").execute(),
    db.selectFrom("goal_check_in").selectAll().orderBy("id").execute(),
    db.selectFrom("task").selectAll().orderBy("id").execute(),
    db.selectFrom("task_event").selectAll().orderBy("id").execute(),
  ]);
  return { goals, checkIns, tasks, events };
}

/**
 * People under `owner` for goal tests:
 *
 *   owner ─┬─ manny ─┬─ sam
 *          │         └─ pat
 *          └─ lead ── bo (other branch)
 */
export async function teamUnder(app: FastifyInstance, owner: Member) {
  const newcomer = (name: string, managerId: string = owner.id) => invite(app, owner, name, { managerId });
  const manny = await newcomer("Manny Manager");
  const sam = await newcomer("Sam Self", manny.id);
  const pat = await newcomer("Pat Peer", manny.id);
  const lead = await newcomer("Bea Branchlead");
  const bo = await newcomer("Bo Branch", lead.id);
  return { manny, sam, pat, lead, bo };
}
