/** How long a read of plates stays true while only time passes. */
import { isoWeekAround } from "./due-dates";

export interface TimedPlate {
  /** The owner's zone: their week bounds "due this week" and the urgent interruptions counted. */
  timeZone: string;
  /** The due instants of the tasks shown or counted (null when undated). */
  dueAts: readonly (string | null)[];
}

/** However quiet the plates, a read is worked out again at least this often. */
const longest = 7 * 24 * 60 * 60 * 1000;

/**
 * The first instant after `now` at which a read of these plates would answer otherwise with no write
 * in between: when one of their tasks falls due (it turns overdue) or when an owner's week ends (what
 * is due this week, and the interruptions of this week, start again). As epoch milliseconds.
 */
export function unchangedUntil(now: Date, plates: readonly TimedPlate[]): number {
  const at = now.getTime();
  let until = at + longest;
  for (const plate of plates) {
    until = Math.min(until, Date.parse(isoWeekAround(now, plate.timeZone).end));
    for (const dueAt of plate.dueAts) {
      if (dueAt === null) continue;
      const due = Date.parse(dueAt);
      if (due > at && due < until) until = due;
    }
  }
  return until;
}
