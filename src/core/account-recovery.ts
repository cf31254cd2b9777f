/**
 * Account recovery and e-mail verification: how long their links live, how often anyone may have one
 * mailed, and when an invitation may replace an account whose e-mail was never verified.
 */

import type { RateLimit } from "./rate-windows";

/** A password reset link works once, for an hour after it was asked for. */
export const resetLinkLifetimeMs = 60 * 60_000;

/** An e-mail verification link works for a day; using it twice does nothing more. */
export const verificationLinkLifetimeSeconds = 24 * 60 * 60;

export const recoveryLimits = {
  /**
   * "Forgot password?" asked from one address (any e-mail, known or not): beyond, 429. Enough for an
   * office behind one address, not for mailing a whole directory.
   */
  resetRequestsPerAddress: { max: 20, windowMs: 60 * 60_000 },
  /**
   * Links of one kind mailed to one person: beyond, nothing more is mailed, and the answer stays the
   * same, so that a limit reached says nothing about whether the address has an account.
   */
  mailsPerPerson: { max: 3, windowMs: 60 * 60_000 },
} as const satisfies Record<string, RateLimit>;

/**
 * The answer to "forgot password?" is never sent sooner than this after the request arrived: the
 * mail queued for a known address then takes no time anyone can measure against an unknown one.
 */
export const resetAnswerFloorMs = 300;

/** When a reset link asked for at `now` stops working. */
export function resetLinkExpiresAt(now: Date): Date {
  return new Date(now.getTime() + resetLinkLifetimeMs);
}

/** A link is expired from the instant it expires at. */
export function isExpired(expiresAt: Date, now: Date): boolean {
  return now.getTime() >= expiresAt.getTime();
}

/** What is known of the account that already has an invitation's e-mail. */
export interface ExistingAccount {
  emailVerified: boolean;
  inOrganization: boolean;
}

/**
 * How accepting an invitation treats the account that already has its e-mail:
 *
 * - none: a new account is made;
 * - one in an organization: refused (the person signs in instead);
 * - one whose e-mail was never verified, when the accepter asks to replace it: the invitation was
 *   mailed to that address, which proves it is theirs more than an unverified sign-up does, so the
 *   old account is removed and a new one made (someone who signed up with another person's address
 *   cannot keep them out of their team);
 * - one whose e-mail was verified, when the accepter asks to replace it: refused;
 * - otherwise: the accepter joins with that account's password.
 */
export type InvitationAccountPath =
  | { kind: "create" }
  | { kind: "join" }
  | { kind: "replace" }
  | { kind: "refused"; because: "in_organization" | "verified" };

export function invitationAccountPath(
  existing: ExistingAccount | null,
  replaceRequested: boolean,
): InvitationAccountPath {
  if (!existing) return { kind: "create" };
  if (existing.inOrganization) return { kind: "refused", because: "in_organization" };
  if (!replaceRequested) return { kind: "join" };
  if (existing.emailVerified) return { kind: "refused", because: "verified" };
  return { kind: "replace" };
}

/** Whether the invitation may replace the existing account (told in the invitation's preview). */
export function mayReplaceAccount(existing: ExistingAccount | null): boolean {
  return invitationAccountPath(existing, true).kind === "replace";
}
