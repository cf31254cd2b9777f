import type { AssigneeGroup, AssigneePreview, Request } from "../../contract/requests";
import { type Actor, decide, type PlateSubject, plateRelation, requireOrganization } from "../../core/access";
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
 * What a request to these people would cost them, before it is sent: whether the task lands on their
 * plate or in triage, and each one's load (open, due this week, overdue, in their own zone) where the
 * caller may see their plate: their management chain. Anyone else's load is null, and never read.
 */
export async function previewAssignees(
  ctx: AppContext,
  actor: Actor,
  ids: readonly string[],
  groups: readonly AssigneeGroup[],
): Promise<AssigneePreview[]> {
  requireOrganization(actor);
  const people = await resolveAssignees(ctx.db, actor, ids, groups, { allowNobody: true });
  const asked: { person: (typeof people)[number]; plate: PlateSubject; visible: boolean }[] = [];
  for (const person of people) {
    const chain = await chainAbove(ctx.db, person.id);
    const plate = { ownerId: person.id, organizationId: actor.organizationId, chain };
    asked.push({ person, plate, visible: decide(actor, { kind: "plate.read", plate }) === "allow" });
  }
  const dueAts = await openDueAts(
    ctx.db,
    asked.filter(({ visible }) => visible).map(({ person }) => person.id),
  );
  const now = ctx.clock.now();
  const previews: AssigneePreview[] = asked.map(({ person, plate, visible }) => {
    const load = plateLoad(
      dueAts.filter((row) => row.owner_id === person.id).map((row) => row.due_at),
      0,
      now,
      person.time_zone,
    );
    return {
      personId: person.id,
      name: person.name,
      timeZone: person.time_zone,
      load: visible ? { open: load.open, dueThisWeek: load.dueThisWeek, overdue: load.overdue } : null,
      lands: plateRelation(actor, plate) === "other" ? "triage" : "plate",
    };
  });
  return previews.sort((a, b) => a.name.localeCompare(b.name));
}
