import type { Transaction } from "kysely";
import { isFinished } from "../../core/task-states";
import type { AppContext } from "../context";
import { lockRequestFinishing } from "../db/dialect";
import type { Database } from "../db/schema";
import { presentRequest } from "../requests/present";
import { assignedTasks, findRequest } from "../requests/store";
import type { TaskRow } from "../tasks/store";
import { anyEndpointTakes, queueEvent, writeEvent } from "./enqueue";

/** `request.created`, in the request's transaction once its tasks are added: the request as the API presents it. */
export async function queueRequestCreated(
  trx: Transaction<Database>,
  request: { id: string; organizationId: string },
  at: string,
): Promise<void> {
  await queueEvent(trx, { organizationId: request.organizationId, type: "request.created", at }, async () => {
    const row = await findRequest(trx, request.id);
    if (!row) throw new Error(`Request ${request.id} is not written`);
    return presentRequest(row, await assignedTasks(trx, [request.id]));
  });
}

/**
 * `request.completed`, in the transaction of the write that finished `task` (already written): when
 * no task of its request is left open and the request was not canceled. Writes finishing tasks of
 * one request take turns here, so exactly one of them finds it complete.
 */
export async function queueRequestCompleted(
  ctx: AppContext,
  trx: Transaction<Database>,
  task: Pick<TaskRow, "organization_id" | "request_id">,
  at: string,
): Promise<void> {
  const requestId = task.request_id;
  if (requestId === null) return;
  const event = { organizationId: task.organization_id, type: "request.completed" as const, at };
  if (!(await anyEndpointTakes(trx, event.organizationId, event.type))) return;
  await lockRequestFinishing(trx, ctx.dialect, requestId);
  const request = await findRequest(trx, requestId);
  if (!request || request.canceled_at !== null) return;
  const tasks = await assignedTasks(trx, [requestId]);
  if (tasks.some((assigned) => !isFinished(assigned.state))) return;
  await writeEvent(trx, event, presentRequest(request, tasks));
}
