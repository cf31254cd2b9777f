import type { CheckIn, CreateCheckIn } from "../../contract/goals";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import { notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { newId } from "../platform/ids";
import { queueGoalUpdated } from "../webhooks/goal-events";
import { presentCheckIn } from "./present";
import { findGoal, insertCheckIn } from "./store";
import { subjectOfGoal } from "./subject";

/** How a goal stands, said by its owner or someone above them. */
export async function addCheckIn(
  ctx: AppContext,
  actor: Actor,
  goalId: string,
  input: CreateCheckIn,
): Promise<CheckIn> {
  requireOrganization(actor);
  const goal = await findGoal(ctx.db, goalId);
  if (!goal) throw notFound("Goal");
  authorize(actor, { kind: "goal.write", goal: await subjectOfGoal(ctx.db, actor, goal) });
  const at = ctx.clock.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const checkIn = await insertCheckIn(trx, {
      id: newId(),
      goal_id: goal.id,
      author_id: actor.id,
      status: input.status,
      note: input.note,
      created_at: at,
    });
    await queueGoalUpdated(trx, goal, at);
    return checkIn;
  });
  return presentCheckIn(row);
}
