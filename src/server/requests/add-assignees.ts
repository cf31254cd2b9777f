import type { AddAssignees, Request } from "../../contract/requests";
import { type Actor, requireOrganization } from "../../core/access";
import { ruleViolated } from "../../core/errors";
import type { AppContext } from "../context";
import { lockRequest } from "../db/dialect";
import { type AddedTask, addToPlate } from "../tasks/create";
import { publishTaskChange } from "../tasks/live";
import { resolveAssignees } from "./assignees";
import { loadRequest } from "./load";
import { presentRequest } from "./present";
import { assignedTasks, findRequest, type RequestRow } from "./store";

/** Asks more people (its requester or an admin): each new one gets their own task; those already asked are skipped. */
export async function addAssignees(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: AddAssignees,
): Promise<Request> {
  requireOrganization(actor);
  const at = ctx.clock.now().toISOString();
  const added = await ctx.db.transaction().execute(async (trx) => {
    await lockRequest(trx, ctx.dialect, id);
    const { row, tasks } = await loadRequest(trx, actor, id, "request.manage");
    if (row.canceled_at !== null) {
      throw ruleViolated("This request was canceled: send a new one instead.", [
        { path: "assigneeIds", message: "the request is canceled" },
      ]);
    }
    const asked = new Set(tasks.map((task) => task.owner_id));
    const people = (await resolveAssignees(trx, actor, input.assigneeIds, input.groups)).filter(
      (person) => !asked.has(person.id),
    );
    const due =
      row.due_date !== null ? { date: row.due_date } : row.due_at !== null ? { at: row.due_at } : null;
    const task = { title: row.title, notes: row.notes, due, placement: "bottom" as const };
    // The request's requester asks, even when an admin adds the people.
    const requester = { id: row.requester_id, organizationId: row.organization_id, role: null };
    const added: AddedTask[] = [];
    for (const person of people) {
      added.push(await addToPlate(ctx, trx, requester, person.id, task, { requestId: row.id, at }));
    }
    return added;
  });
  for (const { task, subject } of added) await publishTaskChange(ctx, task, subject);
  const row = (await findRequest(ctx.db, id)) as RequestRow;
  return presentRequest(row, await assignedTasks(ctx.db, [id]));
}
