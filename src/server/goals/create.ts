import type { CreateGoal, Goal } from "../../contract/goals";
import { type Actor, authorize, decide, requireOrganization } from "../../core/access";
import { notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { lockOrganization } from "../db/dialect";
import { findPerson } from "../people/store";
import { newId } from "../platform/ids";
import { assertParent } from "./parent";
import { presentGoal } from "./present";
import { insertGoal } from "./store";
import { goalSubjectOf } from "./subject";

/** Sets a goal for a person: by them or someone above them. A new goal has no tasks and no check-ins yet. */
export async function createGoal(ctx: AppContext, actor: Actor, input: CreateGoal): Promise<Goal> {
  requireOrganization(actor);
  const at = ctx.clock.now().toISOString();
  const parentId = input.parentId ?? null;
  const row = await ctx.db.transaction().execute(async (trx) => {
    // A parent is checked against the organization's goals as they stand: one such write at a time.
    if (parentId !== null) await lockOrganization(trx, ctx.dialect, actor.organizationId);
    const owner = await findPerson(trx, input.ownerId);
    if (!owner) throw notFound("Person");
    const organizationId = actor.organizationId;
    const subject = await goalSubjectOf(trx, actor, { id: owner.id, organizationId: owner.organization_id });
    if (decide(actor, { kind: "goal.write", goal: subject }) === "hide") throw notFound("Person");
    authorize(actor, { kind: "goal.write", goal: subject });
    if (parentId !== null) await assertParent(trx, actor, { id: null, organizationId }, parentId);
    return insertGoal(trx, {
      id: newId(),
      organization_id: organizationId,
      owner_id: owner.id,
      created_by: actor.id,
      title: input.title,
      description: input.description ?? "",
      due_date: input.due?.date ?? null,
      state: "active",
      parent_id: parentId,
      created_at: at,
      updated_at: at,
    });
  });
  return presentGoal(row, { done: 0, total: 0 }, null);
}
