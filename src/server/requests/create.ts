import type { CreateRequest, Request } from "../../contract/requests";
import { type Actor, requireOrganization } from "../../core/access";
import type { AppContext } from "../context";
import { newId } from "../platform/ids";
import { type AddedTask, addToPlate } from "../tasks/create";
import { requestedDue } from "../tasks/due";
import { publishTaskChange } from "../tasks/live";
import { queueRequestCreated } from "../webhooks/request-events";
import { resolveAssignees } from "./assignees";
import { presentRequest } from "./present";
import { assignedTasks, findRequest, insertRequest, type RequestRow } from "./store";

/**
 * Sends one request to many people: each gets their own task, at the bottom of their plate, or in
 * their triage when the requester is not in their management chain. All of it or nothing.
 */
export async function createRequest(ctx: AppContext, actor: Actor, input: CreateRequest): Promise<Request> {
  requireOrganization(actor);
  const at = ctx.clock.now().toISOString();
  const id = newId();
  const due = requestedDue(input.due ?? null);
  const { row, added } = await ctx.db.transaction().execute(async (trx) => {
    const people = await resolveAssignees(trx, actor, input.assigneeIds, input.groups);
    await insertRequest(trx, {
      id,
      organization_id: actor.organizationId,
      requester_id: actor.id,
      title: input.title,
      notes: input.notes ?? "",
      due_date: due !== null && "date" in due ? due.date : null,
      due_at: due !== null && "at" in due ? due.at : null,
      created_at: at,
    });
    const task = { title: input.title, notes: input.notes ?? "", due, placement: "bottom" as const };
    const added: AddedTask[] = [];
    for (const person of people)
      added.push(await addToPlate(ctx, trx, actor, person.id, task, { requestId: id, at }));
    await queueRequestCreated(trx, { id, organizationId: actor.organizationId }, at);
    return { row: (await findRequest(trx, id)) as RequestRow, added };
  });
  for (const { task, subject } of added) await publishTaskChange(ctx, task, subject);
  return presentRequest(row, await assignedTasks(ctx.db, [row.id]));
}
