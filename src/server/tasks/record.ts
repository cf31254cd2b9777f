import type { Transaction } from "kysely";
import { noticesFor } from "../../core/inbox-notices";
import type { Database } from "../db/schema";
import { addNotices } from "../inbox/store";
import { type Change, historyRows } from "./history";
import { appendHistory, type TaskRow } from "./store";

/**
 * Records changes to a task in the transaction that made them: its history, and an inbox entry for
 * each person they concern. Every task write records through here.
 */
export async function recordChanges(
  trx: Transaction<Database>,
  task: Pick<TaskRow, "id" | "title" | "owner_id" | "requester_id" | "request_id">,
  actorId: string,
  at: string,
  changes: readonly Change[],
): Promise<void> {
  await appendHistory(trx, historyRows(task.id, actorId, at, changes));
  const notices = noticesFor({
    taskId: task.id,
    title: task.title,
    ownerId: task.owner_id,
    requesterId: task.requester_id,
    requestId: task.request_id,
    actorId,
    changes,
  });
  await addNotices(trx, notices, actorId, at);
}
