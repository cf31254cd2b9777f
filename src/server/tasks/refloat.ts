import type { Transaction } from "kysely";
import type { AppContext } from "../context";
import type { Database } from "../db/schema";
import { chainAbove } from "../people/store";
import { storedDue } from "./due";
import { publishTaskChange } from "./live";
import { floatingDues, setDueAt } from "./store";

export interface Refloated {
  id: string;
  requesterId: string;
}

/**
 * A date due follows its owner: when their zone changes, each floating due falls due in the new
 * zone. Answers the tasks whose due instant moved. The due itself (the date) is unchanged, so the
 * task keeps its version and its history.
 */
export async function refloatDueDates(
  trx: Transaction<Database>,
  ownerId: string,
  timeZone: string,
): Promise<Refloated[]> {
  const moved: Refloated[] = [];
  for (const task of await floatingDues(trx, ownerId)) {
    const { due_at } = storedDue({ date: task.due_date as string }, timeZone);
    if (due_at === task.due_at) continue;
    await setDueAt(trx, task.id, due_at as string);
    moved.push({ id: task.id, requesterId: task.requester_id });
  }
  return moved;
}

/** Tells open views that these tasks of `ownerId` now fall due at another instant. */
export async function announceRefloated(ctx: AppContext, ownerId: string, tasks: Refloated[]): Promise<void> {
  if (tasks.length === 0) return;
  const chain = await chainAbove(ctx.db, ownerId);
  const at = ctx.clock.now().toISOString();
  for (const task of tasks) {
    await publishTaskChange(
      ctx,
      { id: task.id, owner_id: ownerId, updated_at: at },
      { ownerId, requesterId: task.requesterId, chain },
    );
  }
}
