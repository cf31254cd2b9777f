/**
 * The two ways Docket counts toward a limit. A fixed window starts with the first thing counted and
 * resets when it ends: one counter row per key (sign-in attempts, recovery mails). A sliding window
 * looks back over the instants of what was done (invitations, asks into triage), so a limit never
 * resets all at once.
 */

/** At most `max` within a window of `windowMs`. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/** When a fixed window of `limit` that starts now ends. */
export function windowEnd(limit: RateLimit, now: Date): Date {
  return new Date(now.getTime() + limit.windowMs);
}

/**
 * A fixed window: seconds to wait when `count` (this one included) went past `limit` in the window
 * ending at `resetAt`, or null when it may go ahead. Never less than a second.
 */
export function secondsPastLimit(limit: RateLimit, count: number, resetAt: Date, now: Date): number | null {
  if (count <= limit.max) return null;
  return Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
}

/**
 * A sliding window: seconds until one more is allowed, or null when it is allowed now. `times` are
 * the instants of what was done (any order, may include older ones).
 */
export function secondsUntilAllowed(times: readonly Date[], limit: RateLimit, now: Date): number | null {
  const windowStart = now.getTime() - limit.windowMs;
  const recent = times
    .map((at) => at.getTime())
    .filter((at) => at > windowStart)
    .sort((a, b) => a - b);
  if (recent.length < limit.max) return null;
  // Allowed again once enough of the oldest recent ones leave the window.
  const freeing = recent[recent.length - limit.max] ?? now.getTime();
  return Math.max(1, Math.ceil((freeing + limit.windowMs - now.getTime()) / 1000));
}
