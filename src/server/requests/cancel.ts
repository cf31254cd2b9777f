import type { CancelRequest, Request } from "../../contract/requests";
import type { Actor } from "../../core/access";
import { ruleViolated } from "../../core/errors";
import { isFinished } from "../../core/task-states";
import type { AppContext } from "../context";
import { lockPlate, lockRequest } from "../db/dialect";
import { loadTaskSubject } from "../tasks/access";
import { publishTaskChange } from "../tasks/live";
import { recordChanges } from "../tasks/record";
import { findTask } from "../tasks/store";
import { updateTask } from "../tasks/write-store";
import { loadRequest } from "./load";
import { presentRequest } from "./present";
import { assignedTasks, findRequest, markCanceled, type RequestRow } from "./store";

/**
 * Cancels a request (its requester or an admin): every task not yet finished is dropped with the
 * reason; what is done stays done. All in one transaction.
 */
export async function cancelRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: CancelRequest,
): Promise<Request> {
  const at = ctx.clock.now().toISOString();
  const dropped = await ctx.db.transaction().execute(async (trx) => {
    await lockRequest(trx, ctx.dialect, id);
    const { row, tasks } = await loadRequest(trx, actor, id, "request.manage");
    if (row.canceled_at !== null) {
      throw ruleViolated("This request was already canceled.", [
        { path: "reason", message: "already canceled" },
      ]);
    }
    // Canceled before its tasks are dropped: a canceled request is never complete (`request.completed`).
    await markCanceled(trx, row.id, at, input.reason);
    const open = tasks
      .filter((task) => !isFinished(task.state))
      .sort((a, b) => (a.owner_id < b.owner_id ? -1 : 1));
    const changed = [];
    for (const { id: taskId, owner_id } of open) {
      await lockPlate(trx, ctx.dialect, owner_id);
      const task = await findTask(trx, taskId);
      if (!task || isFinished(task.state)) continue;
      const updated = await updateTask(trx, task.id, {
        state: "dropped",
        rank: null,
        dropped_at: at,
        drop_reason: input.reason,
        completed_at: null,
        updated_at: at,
      });
      await recordChanges(ctx, trx, updated, actor.id, at, [
        { kind: "dropped", from: task.state, to: input.reason },
      ]);
      changed.push({ task: updated, subject: await loadTaskSubject(trx, updated) });
    }
    return changed;
  });
  for (const { task, subject } of dropped) await publishTaskChange(ctx, task, subject);
  const row = (await findRequest(ctx.db, id)) as RequestRow;
  return presentRequest(row, await assignedTasks(ctx.db, [id]));
}
