import type { Transaction } from "kysely";
import { noticesFor } from "../../core/inbox-notices";
import type { AppContext } from "../context";
import type { Database } from "../db/schema";
import { inboxEntryInsert, newEntries } from "../inbox/store";
import { spendUrgentLane } from "../urgent/lane";
import { taskEventDeliveries } from "../webhooks/enqueue";
import { queueRequestCompleted } from "../webhooks/request-events";
import { mayCompleteRequest, taskEvent, type WrittenTask } from "../webhooks/task-event";
import { type Change, historyRows } from "./history";
import type { TaskRow } from "./store";
import { appendHistory, type TaskRecords } from "./write-store";

/** What recording a change needs of the task: as the change leaves it (its version included). */
export type RecordedTask = WrittenTask;

/**
 * What changes to a task leave behind besides its row, in the transaction that makes them: its
 * history, an inbox entry for each person they concern (one that coalesces joins the person's
 * open entry, written here) and its webhook event. They are written with the task's own row
 * (`insertTask`, `updateTask`), then `followUps` follows. Every task write records through here.
 */
export async function recordsOf(
  trx: Transaction<Database>,
  task: RecordedTask,
  actorId: string,
  at: string,
  changes: readonly Change[],
  batchId: string | null = null,
): Promise<TaskRecords> {
  const notices = noticesFor({
    taskId: task.id,
    title: task.title,
    ownerId: task.owner_id,
    requesterId: task.requester_id,
    requestId: task.request_id,
    actorId,
    batchId,
    changes:
      changes.some((change) => change.kind === "created") && madeUrgent(task, changes)
        ? [...changes, { kind: "urgency_changed", from: false, to: true }]
        : changes,
  });
  return {
    history: historyRows(task.id, actorId, at, changes),
    entries: await newEntries(trx, notices, actorId, at),
    webhooks: [taskEvent(task, changes, at)],
  };
}

/**
 * What a change sets off once it and its records are written: when someone other than the owner
 * made the task urgent, a use of the urgent lane (422 past the weekly limit, which rolls the whole
 * change back); when it finished the last open task of a request, the request's `request.completed`
 * event. Answers the ids of mail queued to go out at once.
 */
export async function followUps(
  ctx: AppContext,
  trx: Transaction<Database>,
  task: TaskRow,
  actorId: string,
  at: string,
  changes: readonly Change[],
): Promise<string[]> {
  if (mayCompleteRequest(task, changes)) await queueRequestCompleted(ctx, trx, task, at);
  if (!madeUrgent(task, changes) || actorId === task.owner_id) return [];
  return [await spendUrgentLane(ctx, trx, task, actorId, at)];
}

/** Records changes to a task whose row is already written: `recordsOf`, written, then `followUps`. */
export async function recordChanges(
  ctx: AppContext,
  trx: Transaction<Database>,
  task: TaskRow,
  actorId: string,
  at: string,
  changes: readonly Change[],
  batchId: string | null = null,
): Promise<string[]> {
  const { history, entries, webhooks } = await recordsOf(trx, task, actorId, at, changes, batchId);
  await appendHistory(trx, history);
  await inboxEntryInsert.execute(trx, entries);
  await taskEventDeliveries.execute(trx, webhooks ?? []);
  return followUps(ctx, trx, task, actorId, at, changes);
}

function madeUrgent(task: Pick<TaskRow, "urgent">, changes: readonly Change[]): boolean {
  return changes.some(
    (change) =>
      (change.kind === "urgency_changed" && change.to === true) ||
      (change.kind === "created" && Boolean(task.urgent)),
  );
}
