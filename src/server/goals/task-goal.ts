import { type Actor, decide, type TaskSubject } from "../../core/access";
import { forbidden, ruleViolated } from "../../core/errors";
import { chainsAbove, findGoal } from "./store";

type Db = Parameters<typeof findGoal>[0];

/**
 * Checks that `actor` may change the goal a task works towards (`task`: the task, or the task about
 * to be added, as authorization sees it) to `goalId` (null: it leaves its goal). Only who may manage
 * the task changes its goal (403); the goal must be one the actor may read and one the task's owner
 * may read (422, never saying whether an unseen goal exists).
 */
export async function assertGoalChange(
  db: Db,
  actor: Actor,
  task: TaskSubject,
  goalId: string | null,
): Promise<void> {
  if (decide(actor, { kind: "task.manage", task }) !== "allow") {
    throw forbidden("Only the task's owner and their managers can change the goal it works towards.");
  }
  if (goalId === null) return;
  const goal = await findGoal(db, goalId);
  const chains = await chainsAbove(db, goal === undefined ? [] : [goal.owner_id, actor.id]);
  const goalPlate = goal && {
    ownerId: goal.owner_id,
    organizationId: goal.organization_id,
    chain: chains.get(goal.owner_id) ?? [],
  };
  const actorReads =
    goalPlate !== undefined &&
    decide(actor, { kind: "goal.read", goal: { ...goalPlate, actorChain: chains.get(actor.id) ?? [] } }) ===
      "allow";
  if (!goalPlate || !actorReads) {
    throw ruleViolated("A task joins a goal you can see.", [
      { path: "goalId", message: "not a goal you can see" },
    ]);
  }
  // The owner reads the goal as any reader would: from their place in the reporting lines (no role enters into it).
  const owner: Actor = { id: task.ownerId, organizationId: task.organizationId, role: null };
  if (decide(owner, { kind: "goal.read", goal: { ...goalPlate, actorChain: task.chain } }) !== "allow") {
    throw ruleViolated("A task of another plate cannot join a goal its owner cannot see.", [
      { path: "goalId", message: "a goal the task's owner cannot see" },
    ]);
  }
}
