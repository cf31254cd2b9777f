import type { Due } from "../../contract/tasks";
import { dueInstant } from "../../core/due-dates";
import { AppError } from "../../core/errors";

/** The stored form of a due: the floating date, and the instant it falls due in the owner's zone. */
export function storedDue(
  due: Due | null,
  ownerZone: string,
): { due_date: string | null; due_at: string | null } {
  if (due === null) return { due_date: null, due_at: null };
  const at = new Date(dueInstant(due, ownerZone)).toISOString();
  return { due_date: "date" in due ? due.date : null, due_at: at };
}

/** The same due, for comparing and for the history: instants in one spelling. */
export function normalizedDue(due: Due | null): Due | null {
  if (due === null || "date" in due) return due;
  return { at: new Date(due.at).toISOString() };
}

export function sameDue(a: Due | null, b: Due | null): boolean {
  return JSON.stringify(normalizedDue(a)) === JSON.stringify(normalizedDue(b));
}

/**
 * The dues both databases can store and the API can spell, in years 0001 to 9999: instants in those
 * years, and dates up to 9999-12-30, which fall due within them in any zone the owner may move to.
 */
const dueRange = {
  date: ["0001-01-01", "9999-12-30"],
  at: ["0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"],
} as const;

/** A due as a request gives it, normalized; out of `dueRange` is a 400 on `due.date` or `due.at`. */
export function requestedDue(due: Due | null): Due | null {
  const normalized = normalizedDue(due);
  if (normalized === null) return null;
  const [field, value] =
    "date" in normalized ? (["date", normalized.date] as const) : (["at", normalized.at] as const);
  const [first, last] = dueRange[field];
  // Normalized, both are fixed-width ISO strings: they compare as they sort.
  if (value >= first && value <= last) return normalized;
  const path = `due.${field}`;
  const message = `must be from ${first} to ${last}`;
  throw new AppError("validation_failed", `${path}: ${message}`, { errors: [{ path, message }] });
}
