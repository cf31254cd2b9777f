import type { Transaction } from "kysely";
import { noticesFor } from "../../core/inbox-notices";
import type { AppContext } from "../context";
import type { Database } from "../db/schema";
import { addNotices } from "../inbox/store";
import { spendUrgentLane } from "../urgent/lane";
import { type Change, historyRows } from "./history";
import { appendHistory, type TaskRow } from "./store";

/**
 * Records changes to a task in the transaction that made them: its history, an inbox entry for each
 * person they concern, and, when someone other than the owner made it urgent, a use of the urgent
 * lane (422 past the weekly limit, which rolls the whole change back). Every task write records
 * through here. Answers the ids of mail queued to go out at once.
 */
export async function recordChanges(
  ctx: AppContext,
  trx: Transaction<Database>,
  task: TaskRow,
  actorId: string,
  at: string,
  changes: readonly Change[],
): Promise<string[]> {
  await appendHistory(trx, historyRows(task.id, actorId, at, changes));
  const urgentNow = changes.some(
    (change) =>
      (change.kind === "urgency_changed" && change.to === true) ||
      (change.kind === "created" && Boolean(task.urgent)),
  );
  const notices = noticesFor({
    taskId: task.id,
    title: task.title,
    ownerId: task.owner_id,
    requesterId: task.requester_id,
    requestId: task.request_id,
    actorId,
    changes:
      changes.some((change) => change.kind === "created") && urgentNow
        ? [...changes, { kind: "urgency_changed", from: false, to: true }]
        : changes,
  });
  await addNotices(trx, notices, actorId, at);
  if (!urgentNow || actorId === task.owner_id) return [];
  return [await spendUrgentLane(ctx, trx, task, actorId, at)];
}
