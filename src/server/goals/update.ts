import type { Updateable } from "kysely";
import type { Goal, UpdateGoal } from "../../contract/goals";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import { AppError, notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { lockOrganization } from "../db/dialect";
import type { GoalTable } from "../db/schema";
import { queueGoalUpdated } from "../webhooks/goal-events";
import { assertParent } from "./parent";
import { presentGoals } from "./read";
import { findGoal, type GoalRow, updateGoalAt } from "./store";
import { subjectOfGoal } from "./subject";

type Db = Parameters<typeof findGoal>[0];

/**
 * PATCH of a goal, by its owner or someone above them: checked against `version` (409 with the goal
 * as it is now when stale). A change with nothing in it writes nothing.
 */
export async function updateGoal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateGoal,
): Promise<Goal> {
  requireOrganization(actor);
  const at = ctx.clock.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    // A new parent is checked against the organization's goals as they stand: one such write at a time.
    if (input.parentId != null) await lockOrganization(trx, ctx.dialect, actor.organizationId);
    const goal = await findGoal(trx, id);
    if (!goal) throw notFound("Goal");
    authorize(actor, { kind: "goal.write", goal: await subjectOfGoal(trx, actor, goal) });
    if (goal.version !== input.version) throw await overtaken(trx, goal);
    const changes = changesOf(goal, input);
    if (Object.keys(changes).length === 0) return goal;
    if (changes.parent_id != null) {
      await assertParent(
        trx,
        actor,
        { id: goal.id, organizationId: goal.organization_id },
        changes.parent_id,
      );
    }
    // A goal is closed from when it leaves `active`, and open again when it is reopened.
    if (changes.state !== undefined) changes.closed_at = changes.state === "active" ? null : at;
    const updated = await updateGoalAt(trx, goal.id, input.version, { ...changes, updated_at: at });
    if (!updated) throw await overtaken(trx, (await findGoal(trx, id)) ?? goal);
    await queueGoalUpdated(trx, updated, at);
    return updated;
  });
  const [goal] = await presentGoals(ctx.db, [row]);
  return goal as Goal;
}

/** What `input` changes of `goal`: only the fields that differ. */
function changesOf(goal: GoalRow, input: UpdateGoal): Updateable<GoalTable> {
  const changes: Updateable<GoalTable> = {};
  if (input.title !== undefined && input.title !== goal.title) changes.title = input.title;
  if (input.description !== undefined && input.description !== goal.description)
    changes.description = input.description;
  if (input.due !== undefined && (input.due?.date ?? null) !== goal.due_date)
    changes.due_date = input.due?.date ?? null;
  if (input.state !== undefined && input.state !== goal.state) changes.state = input.state;
  if (input.parentId !== undefined && input.parentId !== goal.parent_id) changes.parent_id = input.parentId;
  return changes;
}

async function overtaken(db: Db, goal: GoalRow): Promise<AppError> {
  const [current] = await presentGoals(db, [goal]);
  return new AppError("version_conflict", "This goal was changed by someone else: here is how it is now.", {
    current,
  });
}
