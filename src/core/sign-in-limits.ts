/**
 * Failed sign-ins are limited per account (to stop guessing one person's password) and, far more
 * loosely, per address (to stop spraying many accounts), over a sliding window. Successful
 * sign-ins and sign-ups are never counted, so a whole office behind one address can join at once.
 */
export interface FailureLimit {
  max: number;
  windowMs: number;
}

export const signInLimits = {
  perAccount: { max: 5, windowMs: 15 * 60_000 },
  perAddress: { max: 100, windowMs: 15 * 60_000 },
} as const satisfies Record<string, FailureLimit>;

/**
 * Seconds until another attempt is allowed, or null when it is allowed now.
 * `failures` are the instants of recent failures (any order, may include older ones).
 */
export function secondsUntilAllowed(
  failures: readonly Date[],
  limit: FailureLimit,
  now: Date,
): number | null {
  const windowStart = now.getTime() - limit.windowMs;
  const recent = failures
    .map((at) => at.getTime())
    .filter((at) => at > windowStart)
    .sort((a, b) => a - b);
  if (recent.length < limit.max) return null;
  // The attempt is allowed again once enough of the oldest recent failures leave the window.
  const freeingFailure = recent[recent.length - limit.max] ?? now.getTime();
  return Math.max(1, Math.ceil((freeingFailure + limit.windowMs - now.getTime()) / 1000));
}
