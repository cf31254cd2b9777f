import type { Transaction } from "kysely";
import { noticesFor } from "../../core/inbox-notices";
import type { AppContext } from "../context";
import type { Database } from "../db/schema";
import { inboxEntryInsert, newEntries } from "../inbox/store";
import { spendUrgentLane } from "../urgent/lane";
import { type Change, historyRows } from "./history";
import type { TaskRow } from "./store";
import { appendHistory, type TaskRecords } from "./write-store";

/** What recording a change needs of the task: as the change leaves it. */
export type RecordedTask = Pick<
  TaskRow,
  "id" | "title" | "owner_id" | "requester_id" | "request_id" | "urgent"
>;

/**
 * What changes to a task leave behind besides its row, in the transaction that makes them: its
 * history and an inbox entry for each person they concern (one that coalesces joins the person's
 * open entry, written here). They are written with the task's own row (`insertTask`, `updateTask`),
 * then `spendUrgency` follows. Every task write records through here.
 */
export async function recordsOf(
  trx: Transaction<Database>,
  task: RecordedTask,
  actorId: string,
  at: string,
  changes: readonly Change[],
): Promise<TaskRecords> {
  const notices = noticesFor({
    taskId: task.id,
    title: task.title,
    ownerId: task.owner_id,
    requesterId: task.requester_id,
    requestId: task.request_id,
    actorId,
    changes:
      changes.some((change) => change.kind === "created") && madeUrgent(task, changes)
        ? [...changes, { kind: "urgency_changed", from: false, to: true }]
        : changes,
  });
  return {
    history: historyRows(task.id, actorId, at, changes),
    entries: await newEntries(trx, notices, actorId, at),
  };
}

/**
 * Once a change and its records are written: when someone other than the owner made the task
 * urgent, a use of the urgent lane (422 past the weekly limit, which rolls the whole change back).
 * Answers the ids of mail queued to go out at once.
 */
export async function spendUrgency(
  ctx: AppContext,
  trx: Transaction<Database>,
  task: TaskRow,
  actorId: string,
  at: string,
  changes: readonly Change[],
): Promise<string[]> {
  if (!madeUrgent(task, changes) || actorId === task.owner_id) return [];
  return [await spendUrgentLane(ctx, trx, task, actorId, at)];
}

/** Records changes to a task whose row is already written: `recordsOf`, written, then `spendUrgency`. */
export async function recordChanges(
  ctx: AppContext,
  trx: Transaction<Database>,
  task: TaskRow,
  actorId: string,
  at: string,
  changes: readonly Change[],
): Promise<string[]> {
  const { history, entries } = await recordsOf(trx, task, actorId, at, changes);
  await appendHistory(trx, history);
  await inboxEntryInsert.execute(trx, entries);
  return spendUrgency(ctx, trx, task, actorId, at, changes);
}

function madeUrgent(task: Pick<TaskRow, "urgent">, changes: readonly Change[]): boolean {
  return changes.some(
    (change) =>
      (change.kind === "urgency_changed" && change.to === true) ||
      (change.kind === "created" && Boolean(task.urgent)),
  );
}
