import type { Transaction } from "kysely";
import type { Database } from "../db/schema";
import { storedDue } from "./due";
import { floatingDues, setDueAt } from "./store";

/** A date due follows its owner: when their zone changes, each floating due falls due in the new zone. */
export async function refloatDueDates(
  trx: Transaction<Database>,
  ownerId: string,
  timeZone: string,
): Promise<void> {
  for (const task of await floatingDues(trx, ownerId)) {
    const { due_at } = storedDue({ date: task.due_date as string }, timeZone);
    await setDueAt(trx, task.id, due_at as string);
  }
}
