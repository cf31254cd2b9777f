import type { CreateOrganization, Organization } from "../../contract/organizations";
import { type Actor, authorize } from "../../core/access";
import { notFound, ruleViolated } from "../../core/errors";
import type { AppContext } from "../context";
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
  });
  return { id: organization.id, name: organization.name, createdAt: organization.created_at };
}

export async function getOrganization(ctx: AppContext, actor: Actor, id: string): Promise<Organization> {
  authorize(actor, { kind: "organization.read", organizationId: id });
  const row = await ctx.db.selectFrom("organization").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Organization");
  return { id: row.id, name: row.name, createdAt: row.created_at };
}
