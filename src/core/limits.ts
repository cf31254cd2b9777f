/**
 * The bounds of what one person can make others receive, or make one instance hold: live streams
 * open at once, and invitations and asks into someone's triage per day. A day is the last 24 hours
 * (a sliding window, counted with `secondsUntilAllowed`), so a limit never resets all at once.
 */
import type { RateLimit } from "./rate-windows";

export interface Limits {
  /** Live event streams one person may hold open on one instance at once (API: 20). */
  liveStreamsPerPerson: number;
  /** Live event streams one instance holds open at once, everyone's together. */
  liveStreamsPerInstance: number;
  /** Invitations one person may send in a day. */
  invitationsPerDay: number;
  /** Asks one person may put in one other person's triage in a day; each of a request's counts. */
  asksPerPersonPerDay: number;
  /** Asks one person may put in anyone's triage in a day, everyone's together. */
  asksPerDay: number;
}

export const defaultLimits: Limits = {
  liveStreamsPerPerson: 20,
  liveStreamsPerInstance: 2_000,
  invitationsPerDay: 50,
  asksPerPersonPerDay: 20,
  asksPerDay: 200,
};

export const dayMs = 24 * 60 * 60_000;

/** At most `max` in any 24 hours. */
export function perDay(max: number): RateLimit {
  return { max, windowMs: dayMs };
}

/** "3 hours", "1 minute": how long a refused caller waits, rounded up to what a person reads. */
export function waitInWords(seconds: number): string {
  const unit = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;
  if (seconds < 60) return unit(Math.max(1, Math.ceil(seconds)), "second");
  if (seconds < 3600) return unit(Math.ceil(seconds / 60), "minute");
  return unit(Math.ceil(seconds / 3600), "hour");
}
