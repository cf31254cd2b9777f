/**
 * A plate's strict order, stored as fractional-indexing keys: placing or moving one task writes one
 * key and renumbers nobody. Keys compare by code unit (byte) order; positions 1..n are derived.
 */
import { generateKeyBetween } from "fractional-indexing";
import { AppError } from "./errors";

export type Placement = "top" | "bottom" | { before: string } | { after: string };

export interface Ranked {
  id: string;
  rank: string;
}

/**
 * The key that puts a task at `placement` on a plate whose tasks are `ordered` (ascending by rank).
 * `moving` is the task being placed when it is already on the plate: it is left out first.
 * A `before`/`after` reference that is not on the plate is a 422.
 */
export function rankFor(placement: Placement, ordered: readonly Ranked[], moving?: string): string {
  const others = moving === undefined ? ordered : ordered.filter((task) => task.id !== moving);
  if (placement === "top") return generateKeyBetween(null, others[0]?.rank ?? null);
  if (placement === "bottom") return generateKeyBetween(others.at(-1)?.rank ?? null, null);
  const referenceId = "before" in placement ? placement.before : placement.after;
  const index = others.findIndex((task) => task.id === referenceId);
  if (index === -1) {
    throw new AppError("rule_violated", "The task to place next to is not open on this plate.", {
      errors: [{ path: "placement", message: "not an open task on this plate" }],
    });
  }
  if ("before" in placement)
    return generateKeyBetween(others[index - 1]?.rank ?? null, others[index]?.rank ?? null);
  return generateKeyBetween(others[index]?.rank ?? null, others[index + 1]?.rank ?? null);
}

/** The 1-based position a task with key `rank` takes among the plate's other tasks `others`. */
export function positionAmong(others: readonly Ranked[], rank: string): number {
  let above = 0;
  for (const task of others) if (compareRanks(task.rank, rank) < 0) above++;
  return above + 1;
}

/** Byte-order comparison of keys, the order the database must use too (`COLLATE "C"` on PostgreSQL). */
export function compareRanks(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
