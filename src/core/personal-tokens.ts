/**
 * Personal access tokens: how many one person may hold, when one stops working, and how long an
 * expired one stays listed (so its owner sees that it expired) before it is forgotten.
 */

const dayMs = 24 * 60 * 60_000;

export const tokenRules = {
  /** Tokens one person may hold that still work; revoked and expired ones make room. */
  maxLivePerPerson: 20,
  /** Days an expired token stays in its owner's list. */
  keptAfterExpiryDays: 30,
} as const;

/** When a token made at `createdAt` to last `days` stops working; null when it lasts until revoked. */
export function tokenExpiry(createdAt: Date, days: number | undefined): Date | null {
  return days === undefined ? null : new Date(createdAt.getTime() + days * dayMs);
}

/** Whether a token expiring at `expiresAt` (null: never) has stopped working at `now`. */
export function isTokenExpired(expiresAt: string | null, now: Date): boolean {
  return expiresAt !== null && Date.parse(expiresAt) <= now.getTime();
}

/** Tokens that expired before this instant are forgotten. */
export function forgetExpiredBefore(now: Date): Date {
  return new Date(now.getTime() - tokenRules.keptAfterExpiryDays * dayMs);
}

/** Why one more token cannot be made, or null when it can. */
export function tokenCapProblem(liveTokens: number): string | null {
  if (liveTokens < tokenRules.maxLivePerPerson) return null;
  return `You already have ${tokenRules.maxLivePerPerson} tokens that work, the most one person may have: revoke one you no longer use first.`;
}
