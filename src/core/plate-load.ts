/** How much is on a plate, counted in the owner's zone. */
import { isoWeekAround, isWithin } from "./due-dates";

export interface Load {
  open: number;
  dueThisWeek: number;
  overdue: number;
  triage: number;
}

/**
 * The load of a plate from the due instants of its open and in-progress tasks (null when undated)
 * and its triage count: due this week is the owner's current ISO week, overdue is due at or before now.
 */
export function plateLoad(
  openDueAts: readonly (string | null)[],
  triage: number,
  now: Date,
  timeZone: string,
): Load {
  const week = isoWeekAround(now, timeZone);
  const nowMs = now.getTime();
  let dueThisWeek = 0;
  let overdue = 0;
  for (const dueAt of openDueAts) {
    if (dueAt === null) continue;
    if (isWithin(dueAt, week)) dueThisWeek++;
    if (Date.parse(dueAt) <= nowMs) overdue++;
  }
  return { open: openDueAts.length, dueThisWeek, overdue, triage };
}
