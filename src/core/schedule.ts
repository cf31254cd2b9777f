/**
 * A person's week in their own zone: when their digests fall due, when they are working, and when
 * they are away. Local times that do not exist on a day (a DST gap) shift forward by the gap; a
 * local time that happens twice (an autumn overlap) is its first occurrence.
 */
import { Temporal } from "temporal-polyfill";
import type { DigestSchedule, WorkingHours } from "./schedule-defaults";

/** A person's away period: local dates, both days included. */
export interface AwayPeriod {
  from: string;
  until: string;
}

const dayMs = 86_400_000;

function localDate(at: Date, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
}

/** The instant `time` (HH:MM) happens on `date` in `timeZone`, shifted forward when it does not exist. */
function localInstant(date: Temporal.PlainDate, time: string, timeZone: string): Date {
  const zoned = date.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) });
  return new Date(zoned.epochMilliseconds);
}

/**
 * Every digest slot in `(after, until]`, oldest first: each of the schedule's times on each of its
 * days, in `timeZone`. Two local times that land on one instant (both inside one DST gap) are one slot.
 */
export function digestSlotsBetween(
  schedule: DigestSchedule,
  timeZone: string,
  after: Date,
  until: Date,
): Date[] {
  if (schedule.times.length === 0 || schedule.days.length === 0 || until <= after) return [];
  const slots = new Map<number, Date>();
  // Local dates can run up to a day either side of the UTC dates.
  let date = localDate(new Date(after.getTime() - dayMs), timeZone);
  const last = localDate(new Date(until.getTime() + dayMs), timeZone);
  while (Temporal.PlainDate.compare(date, last) <= 0) {
    if (schedule.days.includes(date.dayOfWeek)) {
      for (const time of schedule.times) {
        const slot = localInstant(date, time, timeZone);
        if (slot > after && slot <= until) slots.set(slot.getTime(), slot);
      }
    }
    date = date.add({ days: 1 });
  }
  return [...slots.values()].sort((a, b) => a.getTime() - b.getTime());
}

/**
 * The most recent digest slot at or before `now` and no older than `catchUpMs`: the one to send now,
 * or null. A server that was down at a slot still sends it when it comes back within the window.
 */
export function dueDigestSlot(
  schedule: DigestSchedule,
  timeZone: string,
  now: Date,
  catchUpMs: number,
): Date | null {
  const slots = digestSlotsBetween(schedule, timeZone, new Date(now.getTime() - catchUpMs), now);
  return slots.at(-1) ?? null;
}

/** True when `at` falls inside the working hours `[start, end)` of one of the working days, in `timeZone`. */
export function isWorkingAt(hours: WorkingHours, timeZone: string, at: Date): boolean {
  const date = localDate(at, timeZone);
  if (!hours.days.includes(date.dayOfWeek)) return false;
  const start = localInstant(date, hours.start, timeZone);
  const end = localInstant(date, hours.end, timeZone);
  return at >= start && at < end;
}

/**
 * When the person is next at work: `at` itself when they are working then, else the start of their
 * next working period. Null when they have no working days at all.
 */
export function nextWorkingStart(hours: WorkingHours, timeZone: string, at: Date): Date | null {
  if (hours.days.length === 0) return null;
  if (isWorkingAt(hours, timeZone, at)) return at;
  let date = localDate(at, timeZone);
  for (let day = 0; day <= 8; day++) {
    if (hours.days.includes(date.dayOfWeek)) {
      const start = localInstant(date, hours.start, timeZone);
      if (start > at) return start;
    }
    date = date.add({ days: 1 });
  }
  return null;
}

/** True when `at` falls in the away period: from the start of `from` to the end of `until`, in `timeZone`. */
export function isAwayAt(away: AwayPeriod | null, timeZone: string, at: Date): boolean {
  if (away === null) return false;
  const start = Temporal.PlainDate.from(away.from).toZonedDateTime({ timeZone });
  const end = Temporal.PlainDate.from(away.until).add({ days: 1 }).toZonedDateTime({ timeZone });
  const ms = at.getTime();
  return ms >= start.epochMilliseconds && ms < end.epochMilliseconds;
}

/** The first digest slot after `after`, or null when the schedule has no times or no days. */
export function nextDigestSlot(schedule: DigestSchedule, timeZone: string, after: Date): Date | null {
  // Every day of the week is within eight days, whatever the zone's shifts.
  const slots = digestSlotsBetween(schedule, timeZone, after, new Date(after.getTime() + 8 * dayMs));
  return slots[0] ?? null;
}

/**
 * The end of the person's next working day: today's end while they are working, else the end of the
 * day their next working period starts. A day from `at` when they have no working days.
 */
export function nextWorkingDayEnd(hours: WorkingHours, timeZone: string, at: Date): Date {
  const start = nextWorkingStart(hours, timeZone, at);
  if (start === null) return new Date(at.getTime() + dayMs);
  return localInstant(localDate(start, timeZone), hours.end, timeZone);
}

/**
 * When an interruption may reach the person: `at` when they are working and not away, else the start
 * of their next working period that is not inside their away period. With no working days at all:
 * `at`, or the end of the away period when `at` falls in it.
 */
export function reachableAt(hours: WorkingHours, away: AwayPeriod | null, timeZone: string, at: Date): Date {
  const awayEnd =
    away === null
      ? null
      : new Date(
          Temporal.PlainDate.from(away.until).add({ days: 1 }).toZonedDateTime({ timeZone })
            .epochMilliseconds,
        );
  const from = away !== null && awayEnd !== null && isAwayAt(away, timeZone, at) ? awayEnd : at;
  const start = nextWorkingStart(hours, timeZone, from);
  if (start === null) return from;
  // The next working start may fall in an away period that has not begun yet at `at`.
  if (away !== null && awayEnd !== null && isAwayAt(away, timeZone, start)) {
    return nextWorkingStart(hours, timeZone, awayEnd) ?? awayEnd;
  }
  return start;
}
