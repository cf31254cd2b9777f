import type { Transaction } from "kysely";
import type { CreateTask, Task } from "../../contract/tasks";
import {
  type Actor,
  authorize,
  plateRelation,
  requireOrganization,
  type TaskSubject,
} from "../../core/access";
import { defaultPlacement } from "../../core/placement-default";
import { positionAmong, rankFor } from "../../core/ranks";
import type { AppContext } from "../context";
import { flagValue, lockPlate } from "../db/dialect";
import type { Database } from "../db/schema";
import { assertGoalChange } from "../goals/task-goal";
import { deliverMail } from "../mail/outbound";
import { newId } from "../platform/ids";
import { loadPlate } from "./access";
import { assertMayAsk } from "./ask-limits";
import { requestedDue, storedDue } from "./due";
import { publishTaskChange } from "./live";
import { presentTask } from "./present";
import { recordChanges } from "./record";
import { insertTask, plateRanks, type TaskRow } from "./store";

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
 * the caller's, after the commit.
 */
export async function addToPlate(
  ctx: AppContext,
  trx: Transaction<Database>,
  actor: Actor & { organizationId: string },
  ownerId: string,
  input: CreateTask,
  options: { requestId: string | null; meetingId?: string; at: string },
): Promise<AddedTask> {
  // Lock first, then read: the owner's zone (for a date due) must be the one in force when this commits.
  await lockPlate(trx, ctx.dialect, ownerId);
  const { owner, plate } = await loadPlate(trx, ownerId);
  authorize(actor, { kind: "task.create", plate });
  const placed = plateRelation(actor, plate) !== "other";
  if (!placed) await assertMayAsk(ctx, trx, actor.id, owner, options.at);
  const goalId = input.goalId ?? null;
  if (goalId !== null) await assertGoalChange(trx, actor, { ...plate, requesterId: actor.id }, goalId);
  const ranks = placed ? await plateRanks(trx, owner.id) : [];
  const rank = placed ? rankFor(input.placement ?? defaultPlacement(input.urgent ?? false), ranks) : null;
  const id = newId();
  const task = await insertTask(trx, {
    id,
    organization_id: actor.organizationId,
    owner_id: owner.id,
    requester_id: actor.id,
    request_id: options.requestId,
    meeting_id: options.meetingId ?? null,
    goal_id: goalId,
    title: input.title,
    notes: input.notes ?? "",
    state: placed ? "open" : "triage",
    rank,
    ...storedDue(requestedDue(input.due ?? null), owner.time_zone),
    urgent: flagValue(ctx.dialect, input.urgent ?? false),
    created_at: options.at,
    updated_at: options.at,
  });
  const position = rank === null ? null : positionAmong(ranks, rank);
  const mailIds = await recordChanges(ctx, trx, task, actor.id, options.at, [
    { kind: "created", to: position ?? "triage" },
  ]);
  return { task, position, subject: { ...plate, requesterId: actor.id }, mailIds };
}
