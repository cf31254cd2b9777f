import type { Transaction } from "kysely";
import type { AcceptTask, DeclineTask, MoveTask, Task } from "../../contract/tasks";
import type { Actor } from "../../core/access";
import { ruleViolated } from "../../core/errors";
import { type Placement, positionAmong, rankFor } from "../../core/ranks";
import { isOnPlate } from "../../core/task-states";
import type { AppContext } from "../context";
import type { Database } from "../db/schema";
import { mutateTask } from "./mutation";
import { plateRanks } from "./store";
import { topOfPlate } from "./write-store";

/**
 * Where a task placed at `placement` on `ownerId`'s plate goes (it is not on the plate yet): its key
 * and its 1-based position. At the top, only the first task is read; elsewhere, the plate's keys.
 */
export async function placing(
  trx: Transaction<Database>,
  ownerId: string,
  placement: Placement,
): Promise<{ rank: string; position: number }> {
  if (placement === "top") {
    const first = await topOfPlate(trx, ownerId);
    return { rank: rankFor("top", first === undefined ? [] : [first]), position: 1 };
  }
  const plate = await plateRanks(trx, ownerId);
  const rank = rankFor(placement, plate);
  return { rank, position: positionAmong(plate, rank) };
}

/** Repositions an open task on its plate: one key is written, nobody else is renumbered. */
export async function moveTask(ctx: AppContext, actor: Actor, id: string, input: MoveTask): Promise<Task> {
  return mutateTask(
    ctx,
    actor,
    id,
    { action: "task.manage", version: input.version },
    async ({ trx, task }) => {
      if (!isOnPlate(task.state)) {
        throw ruleViolated("Only open and in-progress tasks have a place on the plate.", [
          { path: "placement", message: `a ${task.state.replace("_", " ")} task has no place` },
        ]);
      }
      const reference = typeof input.placement === "string" ? null : Object.values(input.placement)[0];
      // Before or after itself is where it already is.
      if (reference === task.id) return { changes: {}, history: [] };
      const plate = await plateRanks(trx, task.owner_id);
      const from = plate.findIndex((ranked) => ranked.id === task.id) + 1;
      const rank = rankFor(input.placement, plate, task.id);
      const others = plate.filter((ranked) => ranked.id !== task.id);
      const to = positionAmong(others, rank);
      if (to === from) return { changes: {}, history: [] };
      return { changes: { rank }, history: [{ kind: "moved", from, to }] };
    },
  );
}

/** Takes a triage task onto the plate at the chosen place (its owner or their management chain). */
export async function acceptTask(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: AcceptTask,
): Promise<Task> {
  return mutateTask(
    ctx,
    actor,
    id,
    { action: "task.accept", version: input.version },
    async ({ trx, task }) => {
      assertInTriage(task.state);
      const { rank, position } = await placing(trx, task.owner_id, input.placement);
      return { changes: { state: "open", rank }, history: [{ kind: "accepted", to: position }] };
    },
  );
}

/** Turns down a triage task: it is dropped with the reason, and the requester sees why. */
export async function declineTask(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: DeclineTask,
): Promise<Task> {
  return mutateTask(
    ctx,
    actor,
    id,
    { action: "task.accept", version: input.version },
    async ({ task, now }) => {
      assertInTriage(task.state);
      return {
        changes: { state: "dropped", dropped_at: now, drop_reason: input.reason },
        history: [{ kind: "declined", to: input.reason }],
      };
    },
  );
}

function assertInTriage(state: string): void {
  if (state !== "triage") {
    throw ruleViolated("Only a task waiting in triage can be accepted or declined.", [
      { path: "state", message: `the task is ${state.replace("_", " ")}, not in triage` },
    ]);
  }
}
