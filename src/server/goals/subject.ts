import type { Actor, GoalSubject } from "../../core/access";
import { chainsAbove, type GoalRow } from "./store";

type Db = Parameters<typeof chainsAbove>[0];

/**
 * A person's goals as authorization sees them, for `actor`: the owner's plate (who sits above the
 * owner) and who sits above the actor, both read in one query.
 */
export async function goalSubjectOf(
  db: Db,
  actor: Actor,
  owner: { id: string; organizationId: string | null },
): Promise<GoalSubject> {
  const chains = await chainsAbove(db, [owner.id, actor.id]);
  return {
    ownerId: owner.id,
    organizationId: owner.organizationId,
    chain: chains.get(owner.id) ?? [],
    actorChain: chains.get(actor.id) ?? [],
  };
}

/** One goal as authorization sees it, for `actor`. */
export const subjectOfGoal = (db: Db, actor: Actor, goal: Pick<GoalRow, "owner_id" | "organization_id">) =>
  goalSubjectOf(db, actor, { id: goal.owner_id, organizationId: goal.organization_id });
