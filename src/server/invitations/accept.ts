import type { Transaction } from "kysely";
import type { AcceptInvitation } from "../../contract/invitations";
import type { Me } from "../../contract/me";
import { invitationAccountPath, mayReplaceAccount } from "../../core/account-recovery";
import { AppError, notFound, ruleViolated } from "../../core/errors";
import { passwordProblem } from "../../core/password-policy";
import { recordAudit } from "../audit/record";
import { existingAccount, removeUnverifiedAccount } from "../auth/unverified-account";
import type { AppContext } from "../context";
import { flagValue, isUniqueViolation } from "../db/dialect";
import type { Database } from "../db/schema";
import { presentMe } from "../people/present";
import { findPerson, findPersonByEmail, type PersonRow } from "../people/store";
import { digestSecret, newId } from "../platform/ids";
import { unusableBecause } from "./present";
import { claimInvitation, findInvitationByTokenHash } from "./store";

type UsableInvitation = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;

export interface Requester {
  headers: Headers;
  address: string;
}

async function usableInvitation(ctx: AppContext, token: string): Promise<UsableInvitation> {
  const invitation = await findInvitationByTokenHash(ctx.db, digestSecret(token));
  if (!invitation) throw notFound("Invitation");
  const reason = unusableBecause(invitation, ctx.clock.now());
  if (reason) throw new AppError("gone", reason);
  return invitation;
}

/** What the holder of a link may see before accepting it. */
export async function previewInvitation(ctx: AppContext, token: string) {
  const invitation = await usableInvitation(ctx, token);
  const existing = await findPersonByEmail(ctx.db, invitation.email);
  return {
    email: invitation.email,
    organizationName: invitation.organization_name,
    invitedByName: invitation.inviter_name,
    expiresAt: invitation.expires_at,
    hasAccount: existing !== undefined,
    canReplaceAccount: mayReplaceAccount(existing ? existingAccount(existing) : null),
  };
}

/**
 * Accepts an invitation and signs the person in (the session cookies are returned). Someone new
 * gets an account; someone who already has one but belongs to no organization yet joins with the
 * password of that account, or, when that account's e-mail was never verified, may have a new account
 * made in its place (the invitation went to that address). Either way the claim on the link is
 * written in the same transaction as the person's place in the organization, so a link is used at
 * most once and a failure leaves nothing behind.
 */
export async function acceptInvitation(
  ctx: AppContext,
  token: string,
  input: AcceptInvitation,
  requester: Requester,
): Promise<{ me: Me; cookies: string[] }> {
  const invitation = await usableInvitation(ctx, token);
  const existing = await findPersonByEmail(ctx.db, invitation.email);
  const personId = existing
    ? await withExistingAccount(ctx, invitation, existing, input, requester)
    : await createAccount(ctx, invitation, input);
  const signIn = await ctx.auth.api.signInEmail({
    body: { email: invitation.email, password: input.password },
    headers: requester.headers,
    asResponse: true,
  });
  const person = await findPerson(ctx.db, personId);
  if (!person) throw notFound("Person");
  return { me: presentMe(person), cookies: signIn.headers.getSetCookie() };
}

const alreadyInAnOrganization = () =>
  new AppError(
    "already_exists",
    "An account with this e-mail already belongs to an organization. Sign in instead.",
    {
      errors: [{ path: "email", message: "already belongs to an organization" }],
    },
  );

const verifiedAccount = () =>
  new AppError(
    "already_exists",
    "The account with this e-mail has a verified address: join with its password (or reset it from the sign-in page).",
    { errors: [{ path: "password", message: "join with the existing account's password" }] },
  );

/** The invitation's e-mail has an account: join with it, make a new one in its place, or refuse. */
async function withExistingAccount(
  ctx: AppContext,
  invitation: UsableInvitation,
  existing: PersonRow,
  input: AcceptInvitation,
  requester: Requester,
): Promise<string> {
  const path = invitationAccountPath(existingAccount(existing), input.replaceAccount === true);
  switch (path.kind) {
    case "join":
      return joinWithExistingAccount(ctx, invitation, existing, input.password, requester);
    case "replace":
      return createAccount(ctx, invitation, input, existing.id);
    case "create":
      return createAccount(ctx, invitation, input);
    case "refused":
      throw path.because === "verified" ? verifiedAccount() : alreadyInAnOrganization();
  }
}

/** A new account in the organization; `replacing`: the unverified account that had its e-mail until now. */
async function createAccount(
  ctx: AppContext,
  invitation: UsableInvitation,
  input: AcceptInvitation,
  replacing?: string,
): Promise<string> {
  const name = input.name;
  if (name === undefined) {
    throw new AppError("validation_failed", "name: a name is required for a new account", {
      errors: [{ path: "name", message: "a name is required for a new account" }],
    });
  }
  const problem = passwordProblem(input.password, { email: invitation.email, name });
  if (problem)
    throw new AppError("validation_failed", problem, { errors: [{ path: "password", message: problem }] });
  const passwordHash = await (await ctx.auth.$context).password.hash(input.password);
  const now = ctx.clock.now().toISOString();
  const personId = newId();
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      if (replacing !== undefined && !(await removeUnverifiedAccount(trx, ctx.dialect, replacing))) {
        throw new AppError(
          "already_exists",
          "The account with this e-mail changed a moment ago: open the invitation again.",
        );
      }
      await trx
        .insertInto("person")
        .values({
          id: personId,
          name,
          email: invitation.email,
          email_verified: flagValue(ctx.dialect, true),
          image: null,
          created_at: now,
          updated_at: now,
          organization_id: invitation.organization_id,
          role: invitation.role,
          manager_id: await managerStillThere(trx, invitation),
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
      await claimOrFail(trx, invitation, personId, now);
    })
    .catch((error: unknown) => {
      // Someone signed up with this e-mail a moment ago.
      throw isUniqueViolation(error) ? alreadyInAnOrganization() : error;
    });
  return personId;
}

/**
 * Someone who signed up before being invited: they prove the account is theirs with its password
 * (failures count towards the sign-in limit like any other), then join.
 */
async function joinWithExistingAccount(
  ctx: AppContext,
  invitation: UsableInvitation,
  person: PersonRow,
  password: string,
  requester: Requester,
): Promise<string> {
  if (person.organization_id !== null) throw alreadyInAnOrganization();
  const matches = await ctx.signInLimiter.attempt(
    person.email,
    requester.address,
    () => isPasswordOf(ctx, person.id, password),
    (right) => (right ? "right" : "wrong"),
  );
  if (!matches) {
    throw ruleViolated("This e-mail already has a Docket account: enter its password to join.", [
      { path: "password", message: "not the password of the existing account" },
    ]);
  }
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const joined = await trx
      .updateTable("person")
      .set((eb) => ({
        organization_id: invitation.organization_id,
        role: invitation.role,
        manager_id: null,
        // The invitation was mailed to this address: it is verified now.
        email_verified: flagValue(ctx.dialect, true),
        updated_at: now,
        version: eb("version", "+", 1),
      }))
      .where("id", "=", person.id)
      .where("organization_id", "is", null)
      .executeTakeFirst();
    if (Number(joined.numUpdatedRows) !== 1) throw alreadyInAnOrganization();
    const managerId = await managerStillThere(trx, invitation);
    if (managerId)
      await trx.updateTable("person").set({ manager_id: managerId }).where("id", "=", person.id).execute();
    await claimOrFail(trx, invitation, person.id, now);
  });
  return person.id;
}

async function isPasswordOf(ctx: AppContext, personId: string, password: string): Promise<boolean> {
  const account = await ctx.db
    .selectFrom("account")
    .select("password")
    .where("person_id", "=", personId)
    .where("provider_id", "=", "credential")
    .executeTakeFirst();
  if (!account?.password) return false;
  return (await ctx.auth.$context).password.verify({ hash: account.password, password });
}

/** The manager named in the invitation, if they are still in the organization. */
async function managerStillThere(
  trx: Transaction<Database>,
  invitation: UsableInvitation,
): Promise<string | null> {
  if (!invitation.manager_id) return null;
  const manager = await findPerson(trx, invitation.manager_id);
  return manager?.organization_id === invitation.organization_id ? manager.id : null;
}

async function claimOrFail(
  trx: Transaction<Database>,
  invitation: UsableInvitation,
  personId: string,
  now: string,
) {
  if (!(await claimInvitation(trx, invitation.id, personId, now))) {
    throw new AppError("gone", "This invitation has just been used or withdrawn.");
  }
  await recordAudit(trx, {
    organizationId: invitation.organization_id,
    actorId: personId,
    at: now,
    action: "invitation.accepted",
    personId,
    invitationId: invitation.id,
    to: { role: invitation.role },
  });
}
