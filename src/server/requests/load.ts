import type { Request } from "../../contract/requests";
import { type Action, type Actor, authorize } from "../../core/access";
import { notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { requestSubject } from "./access";
import { presentRequest } from "./present";
import { type AssignedTaskRow, assignedTasks, findRequest, type RequestRow } from "./store";

type Db = AppContext["db"] | Parameters<typeof findRequest>[0];

/** A request with its assignees' tasks, once `actor` may do `kind` to it (404 when they may not see it). */
export async function loadRequest(
  db: Db,
  actor: Actor,
  id: string,
  kind: Extract<Action["kind"], `request.${string}`>,
): Promise<{ row: RequestRow; tasks: AssignedTaskRow[] }> {
  const row = await findRequest(db, id);
  if (!row) throw notFound("Request");
  const tasks = await assignedTasks(db, [row.id]);
  authorize(actor, {
    kind,
    request: requestSubject(
      row,
      tasks.map((task) => task.owner_id),
    ),
  });
  return { row, tasks };
}

export async function getRequest(ctx: AppContext, actor: Actor, id: string): Promise<Request> {
  const { row, tasks } = await loadRequest(ctx.db, actor, id, "request.read");
  return presentRequest(row, tasks);
}
