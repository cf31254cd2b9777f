/**
 * Sign-in attempts are counted before their password is checked, under three keys at once:
 *
 * - the account at one address: a tight limit that stops guessing one person's password from one place;
 * - the address: a looser one that stops trying many accounts from one place;
 * - the account alone: a much higher cap that stops guessing spread over many addresses, high
 *   enough that a stranger at one address cannot lock the owner out from their own.
 *
 * Only attempts whose password was checked and found wrong stay counted: an attempt a limit refused,
 * one whose password was never checked and a successful one are taken back, so a whole office behind
 * one address can sign in together (sign-ups are never counted at all). Each key counts over a fixed
 * window that starts with its first attempt.
 */

import { type RateLimit, secondsPastLimit, windowEnd } from "./rate-windows";

export type AttemptScope = "accountAtAddress" | "address" | "account";

export const signInLimits = {
  accountAtAddress: { max: 5, windowMs: 15 * 60_000 },
  address: { max: 100, windowMs: 15 * 60_000 },
  account: { max: 50, windowMs: 15 * 60_000 },
} as const satisfies Record<AttemptScope, RateLimit>;

export interface AttemptKey {
  scope: AttemptScope;
  key: string;
}

/**
 * The keys one attempt counts under, always in this order (so that concurrent counts take their row
 * locks in the same order and never wait on each other in a cycle).
 */
export function attemptKeys(email: string, address: string): AttemptKey[] {
  const account = email.trim().toLowerCase();
  const place = addressGroup(address);
  return [
    { scope: "accountAtAddress", key: `account-at-address:${place} ${account}` },
    { scope: "address", key: `address:${place}` },
    { scope: "account", key: `account:${account}` },
  ];
}

/**
 * The address an attempt is counted under: an IPv4 address as it is (also when written as an
 * IPv4-mapped IPv6 address), an IPv6 address by its /64 network, which one subscriber usually holds
 * whole. Anything unreadable is taken as it is.
 */
export function addressGroup(address: string): string {
  const bare = address.trim().toLowerCase().replace(/%.*$/, "");
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!bare.includes(":")) return bare;
  const groups = ipv6Groups(bare);
  if (!groups) return bare;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail counting as two), or null. */
function ipv6Groups(address: string): string[] | null {
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const parts = (half: string | undefined) =>
    half ? half.split(":").flatMap((part) => (part.includes(".") ? ["0", "0"] : [part])) : [];
  const head = parts(halves[0]);
  const tail = parts(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array.from({ length: halves.length === 2 ? missing : 0 }, () => "0"), ...tail];
  return groups.every((group) => /^[0-9a-f]{1,4}$/.test(group)) ? groups : null;
}

/** When a window that starts now, for `scope`, ends. */
export function scopeWindowEnd(scope: AttemptScope, now: Date): Date {
  return windowEnd(signInLimits[scope], now);
}

/** A key's count once this attempt was added, and when its window ends. */
export interface CountedAttempt {
  scope: AttemptScope;
  count: number;
  resetAt: Date;
}

/**
 * Seconds to wait before trying again when this attempt went past any limit, or null when it may go
 * ahead. The longest wait of the limits it went past: trying earlier would be refused again.
 */
export function secondsToWait(counted: readonly CountedAttempt[], now: Date): number | null {
  let wait: number | null = null;
  for (const { scope, count, resetAt } of counted) {
    const seconds = secondsPastLimit(signInLimits[scope], count, resetAt, now);
    if (seconds !== null) wait = Math.max(wait ?? 0, seconds);
  }
  return wait;
}

/** What became of an attempt: its password was right, wrong, or never checked. */
export type AttemptOutcome = "right" | "wrong" | "unchecked";

/**
 * Which counts an attempt leaves behind. A wrong password stays counted everywhere. A right one is
 * taken back, and forgives the earlier failures of that account at that address (but not those of
 * the account from elsewhere: they may be someone else's guesses). An attempt refused or never
 * checked is taken back: it learnt nothing about the password.
 */
export function afterAttempt(outcome: AttemptOutcome): { forgive: AttemptScope[]; takeBack: AttemptScope[] } {
  switch (outcome) {
    case "wrong":
      return { forgive: [], takeBack: [] };
    case "right":
      return { forgive: ["accountAtAddress"], takeBack: ["address", "account"] };
    case "unchecked":
      return { forgive: [], takeBack: ["accountAtAddress", "address", "account"] };
  }
}
