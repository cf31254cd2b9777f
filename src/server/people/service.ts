import type { Person, UpdatePerson } from "../../contract/people";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import { notFound, ruleViolated } from "../../core/errors";
import { wouldCreateCycle } from "../../core/reporting-lines";
import { recordAudit } from "../audit/record";
import type { AppContext } from "../context";
import { lockOrganization } from "../db/dialect";
import { presentPerson } from "./present";
import {
  chainAbove,
  countOwners,
  findActor,
  findPerson,
  listPeople as listPeopleRows,
  type PersonRow,
} from "./store";

export async function listPeople(ctx: AppContext, actor: Actor): Promise<Person[]> {
  requireOrganization(actor);
  return (await listPeopleRows(ctx.db, actor.organizationId)).map(presentPerson);
}

export async function getPerson(ctx: AppContext, actor: Actor, id: string): Promise<Person> {
  const row = await findPerson(ctx.db, id);
  if (!row) throw notFound("Person");
  authorize(actor, { kind: "person.read", person: { id: row.id, organizationId: row.organization_id } });
  return presentPerson(row);
}

/** Changes a person's manager, role or title (owners and admins), keeping reporting lines acyclic. */
export async function updatePerson(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdatePerson,
): Promise<Person> {
  requireOrganization(actor);
  const organizationId = actor.organizationId;
  const updated = await ctx.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, ctx.dialect, organizationId);
    // Re-read the actor under the lock: a role taken away a moment ago no longer counts.
    const current = (await findActor(trx, actor.id)) ?? { ...actor, organizationId: null, role: null };
    const target = await findPerson(trx, id);
    if (!target) throw notFound("Person");
    authorize(current, {
      kind: "person.update",
      person: { id: target.id, organizationId: target.organization_id, role: target.role },
    });
    const changes: Partial<Pick<PersonRow, "manager_id" | "role" | "title">> = {};
    if (input.role !== undefined && input.role !== target.role) {
      authorize(current, { kind: "person.changeRole", person: { role: target.role }, newRole: input.role });
      if (target.role === "owner" && (await countOwners(trx, organizationId)) <= 1) {
        throw ruleViolated("An organization must keep at least one owner; make someone else owner first.", [
          { path: "role", message: "the last owner cannot be demoted" },
        ]);
      }
      changes.role = input.role;
    }
    if (input.managerId !== undefined && input.managerId !== target.manager_id) {
      if (input.managerId !== null) await assertValidManager(trx, target, input.managerId);
      changes.manager_id = input.managerId;
    }
    if (input.title !== undefined) changes.title = input.title === "" ? null : input.title;
    if (Object.keys(changes).length === 0) return target;
    const at = ctx.clock.now().toISOString();
    const audited = { organizationId, actorId: current.id, at, personId: target.id };
    if (changes.role !== undefined) {
      await recordAudit(trx, {
        ...audited,
        action: "person.role_changed",
        from: target.role,
        to: changes.role,
      });
    }
    if (changes.manager_id !== undefined) {
      await recordAudit(trx, {
        ...audited,
        action: "person.manager_changed",
        from: target.manager_id,
        to: changes.manager_id,
      });
    }
    if (changes.title !== undefined && changes.title !== target.title) {
      await recordAudit(trx, {
        ...audited,
        action: "person.title_changed",
        from: target.title,
        to: changes.title,
      });
    }
    await trx
      .updateTable("person")
      .set((eb) => ({
        ...changes,
        updated_at: ctx.clock.now().toISOString(),
        version: eb("version", "+", 1),
      }))
      .where("id", "=", id)
      .execute();
    return { ...target, ...changes };
  });
  return presentPerson(updated);
}

async function assertValidManager(
  trx: Parameters<typeof findPerson>[0],
  target: PersonRow,
  managerId: string,
): Promise<void> {
  const manager = await findPerson(trx, managerId);
  if (!manager || manager.organization_id !== target.organization_id) {
    throw ruleViolated("The manager must be someone in your organization.", [
      { path: "managerId", message: "no such person in this organization" },
    ]);
  }
  if (wouldCreateCycle(target.id, managerId, await chainAbove(trx, managerId))) {
    throw ruleViolated(
      `${manager.name} reports to ${target.name} (directly or not): that would make a cycle.`,
      [{ path: "managerId", message: "this would make a reporting cycle" }],
    );
  }
}
