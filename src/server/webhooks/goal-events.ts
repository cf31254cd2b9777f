import type { Transaction } from "kysely";
import type { Database } from "../db/schema";
import { presentGoals } from "../goals/read";
import type { GoalRow } from "../goals/store";
import { queueEvent } from "./enqueue";

/** `goal.updated`, in the transaction of a change to the goal or a check-in on it: the goal as the API presents it then. */
export async function queueGoalUpdated(trx: Transaction<Database>, goal: GoalRow, at: string): Promise<void> {
  await queueEvent(trx, { organizationId: goal.organization_id, type: "goal.updated", at }, async () => {
    const [presented] = await presentGoals(trx, [goal]);
    return presented;
  });
}
