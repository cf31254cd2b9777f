import type { Transaction } from "kysely";
import type { CreateInvitation } from "../../contract/invitations";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import { AppError, ruleViolated } from "../../core/errors";
import { perDay, waitInWords } from "../../core/limits";
import { secondsUntilAllowed } from "../../core/rate-windows";
import { recordAudit } from "../audit/record";
import type { AppContext } from "../context";
import { lockPlate } from "../db/dialect";
import type { Database } from "../db/schema";
import { deliverMail, enqueueMail } from "../mail/outbound";
import { findPerson, findPersonByEmail } from "../people/store";
import { digestSecret, newId, newSecret } from "../platform/ids";
import { invitationMail } from "./invitation-mail";
import { invitationTimesBy, revokeOpenInvitations } from "./store";

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Invites someone by e-mail. The link is returned to the inviter to pass on, and e-mailed too, through
 * the mail queue in the invitation's own transaction (listed in the outbox, retried while refused);
 * a new invitation to the same address replaces any still-open one. At most so many a day per inviter.
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
  const url = `${ctx.config.baseUrl}/invite/${token}`;
  const mailId = await ctx.db.transaction().execute(async (trx) => {
    // The inviter's row lock (their plate's writes take it too): one person's invitations are
    // counted and written one after another, so a burst sent at once cannot pass the limit.
    await lockPlate(trx, ctx.dialect, actor.id);
    await assertUnderInvitationLimit(ctx, trx, actor.id, now);
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
    const names = await trx
      .selectFrom("person")
      .innerJoin("organization", "organization.id", "person.organization_id")
      .select(["person.name as inviterName", "organization.name as organizationName"])
      .where("person.id", "=", actor.id)
      .executeTakeFirstOrThrow();
    const mail = invitationMail({ ...names, url, expiresAt: invitation.expires_at });
    return enqueueMail(
      trx,
      {
        organizationId: actor.organizationId,
        personId: null,
        kind: "invitation",
        to: input.email,
        ...mail,
        notBefore: invitation.created_at,
      },
      invitation.created_at,
    );
  });

  // Sent at once. A refusal leaves it in the queue, retried like any other mail; the inviter has the link anyway.
  try {
    await deliverMail(ctx, { ids: [mailId] });
  } catch (error) {
    ctx.log.warn({ err: error, mailId }, "could not send the invitation e-mail yet: it stays queued");
  }
  return { id: invitation.id, token, url, expiresAt: invitation.expires_at };
}

/** 429 once `inviterId` has sent the day's limit of invitations, with how long until the next one may go. */
async function assertUnderInvitationLimit(
  ctx: AppContext,
  trx: Transaction<Database>,
  inviterId: string,
  now: Date,
): Promise<void> {
  const limit = perDay(ctx.config.limits.invitationsPerDay);
  const since = new Date(now.getTime() - limit.windowMs).toISOString();
  const wait = secondsUntilAllowed(await invitationTimesBy(trx, inviterId, since, limit.max), limit, now);
  if (wait === null) return;
  throw new AppError(
    "too_many_requests",
    `You have sent ${limit.max} invitations in the last day, the most one person may. Try again in ${waitInWords(wait)}.`,
    { retryAfterSeconds: wait },
  );
}
