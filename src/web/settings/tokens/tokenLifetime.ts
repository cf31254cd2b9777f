import { formatDate } from "../../components/format";

/**
 * How long a new token may be made to last, as the form offers it: a number of days (at most the
 * contract's `tokenLifetimeDays.max`), or never.
 */
export const LIFETIME_OPTIONS = [
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
  { value: "never", label: "Never" },
];

export const DEFAULT_LIFETIME = "90";

/** The request's `expiresInDays` for a choice: absent for a token that lasts until revoked. */
export function expiresInDaysOf(choice: string): { expiresInDays?: number } {
  const days = Number(choice);
  return Number.isInteger(days) && days > 0 ? { expiresInDays: days } : {};
}

export interface ExpiryState {
  kind: "never" | "expired" | "expires";
  text: string;
}

/** What the list says of a token's expiry at `now`: "Never", the day it expires, or "Expired". */
export function expiryState(expiresAt: string | null, now: number): ExpiryState {
  if (expiresAt === null) return { kind: "never", text: "Never" };
  if (Date.parse(expiresAt) <= now) return { kind: "expired", text: "Expired" };
  return { kind: "expires", text: formatDate(expiresAt) };
}
