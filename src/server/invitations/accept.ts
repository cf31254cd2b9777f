import type { AcceptInvitation } from "../../contract/invitations";
import type { Me } from "../../contract/me";
import { AppError, notFound } from "../../core/errors";
import { passwordProblem } from "../../core/password-policy";
import type { AppContext } from "../context";
import { flagValue, isUniqueViolation } from "../db/dialect";
import { presentMe } from "../people/present";
import { findPerson, findPersonByEmail } from "../people/store";
import { digestSecret, newId } from "../platform/ids";
import { unusableBecause } from "./present";
import { claimInvitation, findInvitationByTokenHash } from "./store";

async function usableInvitation(ctx: AppContext, token: string) {
  const invitation = await findInvitationByTokenHash(ctx.db, digestSecret(token));
  if (!invitation) throw notFound("Invitation");
  const reason = unusableBecause(invitation, ctx.clock.now());
  if (reason) throw new AppError("gone", reason);
  return invitation;
}

/** What the holder of a link may see before accepting it. */
export async function previewInvitation(ctx: AppContext, token: string) {
  const invitation = await usableInvitation(ctx, token);
  return {
    email: invitation.email,
    organizationName: invitation.organization_name,
    invitedByName: invitation.inviter_name,
    expiresAt: invitation.expires_at,
  };
}

/**
 * Accepts an invitation: the account, its password and its place in the organization are written
 * in one transaction together with the claim on the link, so a link is used at most once and a
 * failure leaves nothing behind. Then the new person is signed in; the session cookies are returned.
 */
export async function acceptInvitation(
  ctx: AppContext,
  token: string,
  input: AcceptInvitation,
  requestHeaders: Headers,
): Promise<{ me: Me; cookies: string[] }> {
  const invitation = await usableInvitation(ctx, token);
  const problem = passwordProblem(input.password, { email: invitation.email, name: input.name });
  if (problem)
    throw new AppError("validation_failed", problem, { errors: [{ path: "password", message: problem }] });
  const taken = () =>
    new AppError("already_exists", "An account with this e-mail already exists. Sign in instead.", {
      errors: [{ path: "email", message: "already has an account" }],
    });
  if (await findPersonByEmail(ctx.db, invitation.email)) throw taken();

  const authContext = await ctx.auth.$context;
  const passwordHash = await authContext.password.hash(input.password);
  const now = ctx.clock.now().toISOString();
  const personId = newId();
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const manager = invitation.manager_id ? await findPerson(trx, invitation.manager_id) : undefined;
      await trx
        .insertInto("person")
        .values({
          id: personId,
          name: input.name,
          email: invitation.email,
          email_verified: flagValue(ctx.dialect, true),
          image: null,
          created_at: now,
          updated_at: now,
          organization_id: invitation.organization_id,
          role: invitation.role,
          manager_id: manager?.organization_id === invitation.organization_id ? manager.id : null,
          title: null,
          away_from: null,
          away_until: null,
        })
        .execute();
      await trx
        .insertInto("account")
        .values({
          id: newId(),
          account_id: personId,
          provider_id: "credential",
          person_id: personId,
          access_token: null,
          refresh_token: null,
          id_token: null,
          access_token_expires_at: null,
          refresh_token_expires_at: null,
          scope: null,
          password: passwordHash,
          created_at: now,
          updated_at: now,
        })
        .execute();
      // Claimed last, once the person exists; if someone else claimed it first, all of this rolls back.
      if (!(await claimInvitation(trx, invitation.id, personId, now))) {
        throw new AppError("gone", "This invitation has just been used or withdrawn.");
      }
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? taken() : error;
    });

  const signIn = await ctx.auth.api.signInEmail({
    body: { email: invitation.email, password: input.password },
    headers: requestHeaders,
    asResponse: true,
  });
  const person = await findPerson(ctx.db, personId);
  if (!person) throw notFound("Person");
  return { me: presentMe(person), cookies: signIn.headers.getSetCookie() };
}
