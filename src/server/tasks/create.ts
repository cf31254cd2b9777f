import type { Transaction } from "kysely";
import type { CreateTask, Task } from "../../contract/tasks";
import {
  type Actor,
  authorize,
  plateRelation,
  requireOrganization,
  type TaskSubject,
} from "../../core/access";
import { notFound } from "../../core/errors";
import { defaultPlacement } from "../../core/placement-default";
import type { AppContext } from "../context";
import { flagValue } from "../db/dialect";
import type { Database } from "../db/schema";
import { assertGoalChange } from "../goals/task-goal";
import { deliverMail } from "../mail/outbound";
import { newId } from "../platform/ids";
import { assertMayAsk } from "./ask-limits";
import { requestedDue, storedDue } from "./due";
import type { Change } from "./history";
import { publishTaskChange } from "./live";
import { placing } from "./place";
import { presentTask } from "./present";
import { followUps, recordChanges, recordsOf } from "./record";
import type { TaskRow } from "./store";
import { insertTask, lockedPlateOwner, type NewTask } from "./write-store";

/**
 * Adds work to a person's plate. The owner and their management chain place it (default: the
 * bottom, or the top for urgent work); anyone else in the organization puts it in the owner's
 * triage, unplaced, within the daily limits of asks.
 */
export async function createTask(
  ctx: AppContext,
  actor: Actor,
  ownerId: string,
  input: CreateTask,
): Promise<Task> {
  requireOrganization(actor);
  const now = ctx.clock.now();
  const added = await ctx.db
    .transaction()
    .execute((trx) =>
      addToPlate(ctx, trx, actor, ownerId, input, { requestId: null, at: now.toISOString() }),
    );
  await publishTaskChange(ctx, added.task, added.subject);
  if (added.mailIds.length > 0) await deliverMail(ctx, { ids: added.mailIds });
  return presentTask(added.task, added.position, now);
}

export interface AddedTask {
  task: TaskRow;
  position: number | null;
  subject: TaskSubject;
  /** Mail queued to go out at once (an urgent item): send it after the commit. */
  mailIds: string[];
}

/**
 * Within `trx`: locks `ownerId`'s plate, checks that `actor` may ask them (and, for triage, has asks
 * left today), and adds the task, placed or in triage, with its first history entry. Announcing it is
 * the caller's, after the commit. One adding many tasks in a row (an import) names where each goes
 * (`place`, worked out from the task before it) and the batch they belong to (`batchId`: their owner
 * hears of them as one inbox entry).
 */
export async function addToPlate(
  ctx: AppContext,
  trx: Transaction<Database>,
  actor: Actor & { organizationId: string },
  ownerId: string,
  input: CreateTask,
  options: {
    requestId: string | null;
    meetingId?: string;
    at: string;
    place?: { rank: string; position: number };
    batchId?: string;
  },
): Promise<AddedTask> {
  // Locked as it is read: the owner's zone (for a date due) must be the one in force when this commits.
  const owner = await lockedPlateOwner(trx, ctx.dialect, ownerId);
  if (!owner) throw notFound("Person");
  const plate = { ownerId: owner.id, organizationId: owner.organizationId, chain: owner.chain };
  authorize(actor, { kind: "task.create", plate });
  const placed = plateRelation(actor, plate) !== "other";
  if (!placed) await assertMayAsk(ctx, trx, actor.id, owner, options.at);
  const goalId = input.goalId ?? null;
  if (goalId !== null) await assertGoalChange(trx, actor, { ...plate, requesterId: actor.id }, goalId);
  const place = placed
    ? (options.place ??
      (await placing(trx, owner.id, input.placement ?? defaultPlacement(input.urgent ?? false))))
    : null;
  const row: NewTask = {
    id: newId(),
    organization_id: actor.organizationId,
    owner_id: owner.id,
    requester_id: actor.id,
    request_id: options.requestId,
    meeting_id: options.meetingId ?? null,
    goal_id: goalId,
    title: input.title,
    notes: input.notes ?? "",
    state: placed ? "open" : "triage",
    rank: place?.rank ?? null,
    ...storedDue(requestedDue(input.due ?? null), owner.timeZone),
    urgent: flagValue(ctx.dialect, input.urgent ?? false),
    created_at: options.at,
    updated_at: options.at,
  };
  const position = place?.position ?? null;
  const changes: Change[] = [{ kind: "created", to: position ?? "triage" }];
  const subject = { ...plate, requesterId: actor.id };
  if (options.batchId !== undefined) {
    // A batch's tasks join one inbox entry, which names the latest of them: it must exist first.
    const task = await insertTask(trx, ctx.dialect, row, { history: [], entries: [] });
    const mailIds = await recordChanges(ctx, trx, task, actor.id, options.at, changes, options.batchId);
    return { task, position, subject, mailIds };
  }
  const records = await recordsOf(trx, row, actor.id, options.at, changes);
  const task = await insertTask(trx, ctx.dialect, row, records);
  const mailIds = await followUps(ctx, trx, task, actor.id, options.at, changes);
  return { task, position, subject, mailIds };
}
