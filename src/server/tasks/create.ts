import type { CreateTask, Task } from "../../contract/tasks";
import { type Actor, authorize, plateRelation, requireOrganization } from "../../core/access";
import { positionAmong, rankFor } from "../../core/ranks";
import type { AppContext } from "../context";
import { flagValue, lockPlate } from "../db/dialect";
import { newId } from "../platform/ids";
import { loadPlate } from "./access";
import { requestedDue, storedDue } from "./due";
import { historyRows } from "./history";
import { publishTaskChange } from "./live";
import { presentTask } from "./present";
import { appendHistory, insertTask, plateRanks } from "./store";

/**
 * Adds work to a person's plate. The owner and their management chain place it (default: the
 * bottom); anyone else in the organization puts it in the owner's triage, unplaced.
 */
export async function createTask(
  ctx: AppContext,
  actor: Actor,
  ownerId: string,
  input: CreateTask,
): Promise<Task> {
  requireOrganization(actor);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const id = newId();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    // Lock first, then read: the owner's zone (for a date due) must be the one in force when this commits.
    await lockPlate(trx, ctx.dialect, ownerId);
    const { owner, plate } = await loadPlate(trx, ownerId);
    authorize(actor, { kind: "task.create", plate });
    const placed = plateRelation(actor, plate) !== "other";
    const ranks = placed ? await plateRanks(trx, owner.id) : [];
    const rank = placed ? rankFor(input.placement ?? "bottom", ranks) : null;
    const task = await insertTask(trx, {
      id,
      organization_id: actor.organizationId,
      owner_id: owner.id,
      requester_id: actor.id,
      request_id: null,
      title: input.title,
      notes: input.notes ?? "",
      state: placed ? "open" : "triage",
      rank,
      ...storedDue(requestedDue(input.due ?? null), owner.time_zone),
      urgent: flagValue(ctx.dialect, input.urgent ?? false),
      created_at: at,
      updated_at: at,
    });
    const position = rank === null ? null : positionAmong(ranks, rank);
    await appendHistory(trx, historyRows(id, actor.id, at, [{ kind: "created", to: position ?? "triage" }]));
    return { task, position, subject: { ...plate, requesterId: actor.id } };
  });
  await publishTaskChange(ctx, outcome.task, outcome.subject);
  return presentTask(outcome.task, outcome.position, now);
}
