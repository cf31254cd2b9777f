import type { Due } from "../../contract/tasks";
import { dueInstant } from "../../core/due-dates";

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
