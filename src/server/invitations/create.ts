import type { CreateInvitation } from "../../contract/invitations";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import { ruleViolated } from "../../core/errors";
import { recordAudit } from "../audit/record";
import type { AppContext } from "../context";
import { findPerson, findPersonByEmail } from "../people/store";
import { digestSecret, newId, newSecret } from "../platform/ids";
import { invitationMail } from "./invitation-mail";
import { revokeOpenInvitations } from "./store";

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Invites someone by e-mail. The link is returned to the inviter to pass on, and e-mailed too;
 * a new invitation to the same address replaces any still-open one.
 */
export async function createInvitation(ctx: AppContext, actor: Actor, input: CreateInvitation) {
  requireOrganization(actor);
  const role = input.role ?? "member";
  authorize(actor, { kind: "invitation.create", role });
  const existing = await findPersonByEmail(ctx.db, input.email);
  if (existing?.organization_id === actor.organizationId) {
    throw ruleViolated(`${existing.name} is already in your organization.`, [
      { path: "email", message: "already a member of this organization" },
    ]);
  }
  const managerId = input.managerId ?? null;
  if (managerId !== null) {
    const manager = await findPerson(ctx.db, managerId);
    if (manager?.organization_id !== actor.organizationId) {
      throw ruleViolated("The manager must be someone in your organization.", [
        { path: "managerId", message: "no such person in this organization" },
      ]);
    }
  }

  const now = ctx.clock.now();
  const token = newSecret("inv");
  const invitation = {
    id: newId(),
    organization_id: actor.organizationId,
    email: input.email,
    role,
    manager_id: managerId,
    invited_by_id: actor.id,
    token_hash: digestSecret(token),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + invitationLifetimeMs).toISOString(),
    accepted_at: null,
    accepted_by_id: null,
    revoked_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await revokeOpenInvitations(trx, actor.organizationId, input.email, invitation.created_at);
    await trx.insertInto("invitation").values(invitation).execute();
    await recordAudit(trx, {
      organizationId: actor.organizationId,
      actorId: actor.id,
      at: invitation.created_at,
      action: "invitation.created",
      invitationId: invitation.id,
      to: { email: invitation.email, role, managerId },
    });
  });

  const url = `${ctx.config.baseUrl}/invite/${token}`;
  await sendInvitationMail(ctx, actor, { to: input.email, url, expiresAt: invitation.expires_at });
  return { id: invitation.id, token, url, expiresAt: invitation.expires_at };
}

/** The inviter always has the link to pass on, so a mail failure is logged rather than failing the invitation. */
async function sendInvitationMail(
  ctx: AppContext,
  actor: Actor & { organizationId: string },
  mail: { to: string; url: string; expiresAt: string },
) {
  const context = await ctx.db
    .selectFrom("person")
    .innerJoin("organization", "organization.id", "person.organization_id")
    .select(["person.name as inviterName", "organization.name as organizationName"])
    .where("person.id", "=", actor.id)
    .executeTakeFirstOrThrow();
  try {
    await ctx.mailer.send(invitationMail({ ...mail, ...context }));
  } catch (error) {
    ctx.log.warn({ err: error, to: mail.to }, "could not send the invitation e-mail");
  }
}
