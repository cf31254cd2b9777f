/** How much is on a plate, counted in the owner's zone. */
import { isoWeekAround } from "./due-dates";

export interface Load {
  open: number;
  dueThisWeek: number;
  overdue: number;
  triage: number;
}

/**
 * The load of a plate from the due instants of its open and in-progress tasks (null when undated)
 * and its triage count: overdue is due at or before now; due this week is due by the end of the
 * owner's current ISO week. A due instant is the moment work is late, so it belongs to the week of
 * the moment just before it: a date due on Sunday falls due at Monday 00:00 and counts this week.
 */
export function plateLoad(
  openDueAts: readonly (string | null)[],
  triage: number,
  now: Date,
  timeZone: string,
): Load {
  const week = isoWeekAround(now, timeZone);
  const [weekStart, weekEnd] = [Date.parse(week.start), Date.parse(week.end)];
  const nowMs = now.getTime();
  let dueThisWeek = 0;
  let overdue = 0;
  for (const dueAt of openDueAts) {
    if (dueAt === null) continue;
    const due = Date.parse(dueAt);
    if (due > weekStart && due <= weekEnd) dueThisWeek++;
    if (due <= nowMs) overdue++;
  }
  return { open: openDueAts.length, dueThisWeek, overdue, triage };
}
