import type { Selectable, Updateable } from "kysely";
import type { CreateOrganization, Organization, UpdateOrganization } from "../../contract/organizations";
import { type Actor, authorize } from "../../core/access";
import { notFound, ruleViolated } from "../../core/errors";
import { recordAudit } from "../audit/record";
import type { AppContext } from "../context";
import type { OrganizationTable } from "../db/schema";
import { newId } from "../platform/ids";

/** Creates an organization; its creator, who must belong to none yet, becomes its owner. */
export async function createOrganization(
  ctx: AppContext,
  actor: Actor,
  input: CreateOrganization,
): Promise<Organization> {
  const organization = { id: newId(), name: input.name, created_at: ctx.clock.now().toISOString() };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto("organization").values(organization).execute();
    const joined = await trx
      .updateTable("person")
      .set((eb) => ({
        organization_id: organization.id,
        role: "owner",
        manager_id: null,
        version: eb("version", "+", 1),
      }))
      .where("id", "=", actor.id)
      .where("organization_id", "is", null)
      .executeTakeFirst();
    if (Number(joined.numUpdatedRows) !== 1) throw ruleViolated("You already belong to an organization.");
    await recordAudit(trx, {
      organizationId: organization.id,
      actorId: actor.id,
      at: organization.created_at,
      action: "organization.created",
      to: { name: organization.name },
    });
  });
  return getOrganization(ctx, { ...actor, organizationId: organization.id, role: "owner" }, organization.id);
}

export async function getOrganization(ctx: AppContext, actor: Actor, id: string): Promise<Organization> {
  authorize(actor, { kind: "organization.read", organizationId: id });
  const row = await ctx.db.selectFrom("organization").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Organization");
  return presentOrganization(row);
}

/** Renames the organization or changes its rules (owner or admin). */
export async function updateOrganization(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateOrganization,
): Promise<Organization> {
  authorize(actor, { kind: "organization.update", organizationId: id });
  const changes: Updateable<OrganizationTable> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.settings?.urgentPerWeek !== undefined) changes.urgent_per_week = input.settings.urgentPerWeek;
  if (input.settings?.staleAfterDays !== undefined) changes.stale_after_days = input.settings.staleAfterDays;
  if (Object.keys(changes).length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom("organization")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      await trx.updateTable("organization").set(changes).where("id", "=", id).execute();
      const audited = { organizationId: id, actorId: actor.id, at: ctx.clock.now().toISOString() };
      if (changes.name !== undefined && changes.name !== before.name) {
        await recordAudit(trx, {
          ...audited,
          action: "organization.renamed",
          from: before.name,
          to: changes.name,
        });
      }
      const was = presentOrganization(before).settings;
      const now = { ...was, ...input.settings };
      if (was.urgentPerWeek !== now.urgentPerWeek || was.staleAfterDays !== now.staleAfterDays) {
        await recordAudit(trx, { ...audited, action: "organization.settings_changed", from: was, to: now });
      }
    });
  }
  return getOrganization(ctx, actor, id);
}

function presentOrganization(row: Selectable<OrganizationTable>): Organization {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    settings: { urgentPerWeek: Number(row.urgent_per_week), staleAfterDays: Number(row.stale_after_days) },
  };
}
