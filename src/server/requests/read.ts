import type { AssigneeGroup, AssigneePreview, Request } from "../../contract/requests";
import { type Actor, plateRelation, requireOrganization } from "../../core/access";
import { plateLoad } from "../../core/plate-load";
import type { AppContext } from "../context";
import { chainAbove } from "../people/store";
import { openDueAts } from "../tasks/store";
import { resolveAssignees } from "./assignees";
import { presentRequest } from "./present";
import { type AssignedTaskRow, assignedTasks, requestsBy } from "./store";

const listLimit = 200;

/** The requests I made, newest first. */
export async function listMyRequests(ctx: AppContext, actor: Actor): Promise<Request[]> {
  requireOrganization(actor);
  const rows = await requestsBy(ctx.db, actor.id, listLimit);
  const tasksOf = new Map<string, AssignedTaskRow[]>();
  for (const task of await assignedTasks(
    ctx.db,
    rows.map((row) => row.id),
  )) {
    const list = tasksOf.get(task.request_id);
    if (list) list.push(task);
    else tasksOf.set(task.request_id, [task]);
  }
  return rows.map((row) => presentRequest(row, tasksOf.get(row.id) ?? []));
}

/**
 * What a request to these people would cost them, before it is sent: each one's load (open, due
 * this week, overdue, in their own zone) and whether the task lands on their plate or in triage.
 */
export async function previewAssignees(
  ctx: AppContext,
  actor: Actor,
  ids: readonly string[],
  groups: readonly AssigneeGroup[],
): Promise<AssigneePreview[]> {
  requireOrganization(actor);
  const people = await resolveAssignees(ctx.db, actor, ids, groups, { allowNobody: true });
  const dueAts = await openDueAts(
    ctx.db,
    people.map((person) => person.id),
  );
  const now = ctx.clock.now();
  const previews: AssigneePreview[] = [];
  for (const person of people) {
    const chain = await chainAbove(ctx.db, person.id);
    const relation = plateRelation(actor, {
      ownerId: person.id,
      organizationId: actor.organizationId,
      chain,
    });
    const { open, dueThisWeek, overdue } = plateLoad(
      dueAts.filter((row) => row.owner_id === person.id).map((row) => row.due_at),
      0,
      now,
      person.time_zone,
    );
    previews.push({
      personId: person.id,
      name: person.name,
      timeZone: person.time_zone,
      load: { open, dueThisWeek, overdue },
      lands: relation === "other" ? "triage" : "plate",
    });
  }
  return previews.sort((a, b) => a.name.localeCompare(b.name));
}
