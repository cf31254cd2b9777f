/**
 * When the meetings of a one-on-one series happen. A series meets every `everyWeeks` weeks on an ISO
 * weekday at a local time of its zone, counted from its anchor (the local date of its first meeting):
 * the k-th meeting is on anchor + k·everyWeeks weeks at that local time, so 10:00 in Berlin stays
 * 10:00 in Berlin and the instant moves across DST. A local time that does not exist on a day (a DST
 * gap) shifts forward by the gap; a local time that happens twice is its first occurrence.
 */
import { Temporal } from "temporal-polyfill";
import { BoundedCache } from "./bounded-cache";
import type { FieldIssue } from "./errors";

export interface Cadence {
  /** Weeks between meetings, 1 to 4. */
  everyWeeks: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local time of day in the series' zone, `HH:MM` (24-hour clock). */
  time: string;
  /** Length of a meeting in minutes, 15 to 120. */
  minutes: number;
}

/** A series' timing: its cadence, its zone, and the local date (`YYYY-MM-DD`) of its first meeting. */
export interface CadenceSeries {
  cadence: Cadence;
  timeZone: string;
  anchor: string;
}

/** How a meeting reads on someone's own clock. */
export interface LocalView {
  date: string;
  weekday: number;
  time: string;
}

export const cadenceRange = {
  everyWeeks: { min: 1, max: 4 },
  weekday: { min: 1, max: 7 },
  minutes: { min: 15, max: 120 },
} as const;

/** The most occurrences one call of `occurrencesBetween` gives: a year of weekly meetings. */
export const maxOccurrencesPerCall = 53;

const localTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * What is wrong with a cadence, one issue per field (paths are the field names), or null when it is
 * a valid one. Accepts anything, so malformed input is described rather than thrown on.
 */
export function cadenceProblems(value: unknown): FieldIssue[] | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return [{ path: "", message: "expected {everyWeeks, weekday, time, minutes}" }];
  }
  const cadence = value as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  for (const field of ["everyWeeks", "weekday", "minutes"] as const) {
    const { min, max } = cadenceRange[field];
    const number = cadence[field];
    if (typeof number !== "number" || !Number.isInteger(number) || number < min || number > max) {
      issues.push({ path: field, message: `expected a whole number from ${min} to ${max}` });
    }
  }
  const time = cadence.time;
  if (typeof time !== "string" || !localTimePattern.test(time)) {
    issues.push({ path: "time", message: "expected HH:MM (24-hour clock)" });
  }
  return issues.length === 0 ? null : issues;
}

function plainDateAt(at: Date, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
}

/** The instant `time` happens on `date` in `timeZone`, shifted forward when it does not exist. */
function instantOn(date: Temporal.PlainDate, time: string, timeZone: string): Date {
  const zoned = date.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) });
  return new Date(zoned.epochMilliseconds);
}

/** The first date on or after `date` that falls on ISO `weekday`. */
function onOrAfterWeekday(date: Temporal.PlainDate, weekday: number): Temporal.PlainDate {
  return date.add({ days: (weekday - date.dayOfWeek + 7) % 7 });
}

const stepDays = (cadence: Cadence) => cadence.everyWeeks * 7;

/**
 * The first of `start`, `start` + step days, `start` + 2·step days … whose meeting at `time` happens
 * after `now`, as `YYYY-MM-DD`.
 */
function firstAfter(
  start: Temporal.PlainDate,
  step: number,
  time: string,
  timeZone: string,
  now: Date,
): string {
  const behind = plainDateAt(now, timeZone).since(start, { largestUnit: "days" }).days;
  // Jump close to `now` in one move; the loop then takes at most two steps.
  let date = behind > step ? start.add({ days: (Math.floor(behind / step) - 1) * step }) : start;
  while (instantOn(date, time, timeZone) <= now) date = date.add({ days: step });
  return date.toString();
}

/**
 * The local date of a new series' first meeting. With `firstDate`, the first cadence weekday on or
 * after it; when that meeting would not be after `now`, the first one after `now` counting whole
 * cadence periods from it (so the weeks it chose are kept). Without `firstDate`, the first cadence
 * weekday whose meeting is after `now`. A meeting is never created in the past.
 */
export function seriesAnchor(cadence: Cadence, timeZone: string, now: Date, firstDate?: string): string {
  if (firstDate === undefined) {
    const start = onOrAfterWeekday(plainDateAt(now, timeZone), cadence.weekday);
    return firstAfter(start, 7, cadence.time, timeZone, now);
  }
  const start = onOrAfterWeekday(Temporal.PlainDate.from(firstDate), cadence.weekday);
  return firstAfter(start, stepDays(cadence), cadence.time, timeZone, now);
}

/**
 * Meeting instants already worked out (epoch milliseconds), by series and meeting number or by
 * series and the instant the next meeting follows. Each costs tens of microseconds of calendar
 * arithmetic and every read of a meeting needs one; the answers never change, so they are kept,
 * at most `capacity` of them.
 */
export const cadenceAnswers = new BoundedCache<number>(10_000);

/** Everything in a series that places its meetings (not their length). */
const timingKey = (series: CadenceSeries) =>
  `${series.anchor}|${series.cadence.everyWeeks}|${series.cadence.time}|${series.timeZone}`;

/** The instant of the k-th meeting (k = 0 is the first). */
export function occurrenceAt(series: CadenceSeries, index: number): Date {
  const epochMs = cadenceAnswers.remember(`at|${timingKey(series)}|${index}`, () => {
    const date = Temporal.PlainDate.from(series.anchor).add({ days: index * stepDays(series.cadence) });
    return instantOn(date, series.cadence.time, series.timeZone).getTime();
  });
  return new Date(epochMs);
}

/** The index of the first meeting strictly after `after`. */
function nextIndex(series: CadenceSeries, after: Date): number {
  const anchor = Temporal.PlainDate.from(series.anchor);
  const days = plainDateAt(after, series.timeZone).since(anchor, { largestUnit: "days" }).days;
  // A meeting on an earlier local date than `after` is before it; start one period back to be safe.
  let index = Math.max(0, Math.floor(days / stepDays(series.cadence)) - 1);
  while (occurrenceAt(series, index) <= after) index++;
  return index;
}

/** The first meeting of the series strictly after `after`. */
export function nextOccurrence(series: CadenceSeries, after: Date): Date {
  const epochMs = cadenceAnswers.remember(`next|${timingKey(series)}|${after.getTime()}`, () =>
    occurrenceAt(series, nextIndex(series, after)).getTime(),
  );
  return new Date(epochMs);
}

/**
 * The meetings in `(after, until]`, oldest first: at most `maxOccurrencesPerCall`, the earliest ones
 * when the window holds more.
 */
export function occurrencesBetween(series: CadenceSeries, after: Date, until: Date): Date[] {
  const meetings: Date[] = [];
  if (until <= after) return meetings;
  for (let index = nextIndex(series, after); meetings.length < maxOccurrencesPerCall; index++) {
    const meeting = occurrenceAt(series, index);
    if (meeting > until) break;
    meetings.push(meeting);
  }
  return meetings;
}

/** Which meeting of the series happens at `at` (0 = the first), or null when none does. */
export function occurrenceIndex(series: CadenceSeries, at: Date): number | null {
  const index = nextIndex(series, new Date(at.getTime() - 1));
  return occurrenceAt(series, index).getTime() === at.getTime() ? index : null;
}

/**
 * The anchor of a series whose cadence or zone changes at `now`: the local date, in the new zone, of
 * its first meeting after `now` under the new cadence. Meetings before the change are not touched;
 * from the change on, the series follows the new cadence. A change of length alone moves nothing
 * (the next meeting stays where it was). Otherwise the next meeting falls in the ISO week (in the new
 * zone) of the meeting that was next, on the new weekday at the new time, or whole new periods later
 * when that is not after `now`: the weeks the series meets in are kept.
 */
export function anchorAfterChange(
  series: CadenceSeries,
  change: { cadence: Cadence; timeZone: string },
  now: Date,
): string {
  const before = series.cadence;
  const after = change.cadence;
  const next = plainDateAt(nextOccurrence(series, now), change.timeZone);
  const sameTimes =
    before.everyWeeks === after.everyWeeks &&
    before.weekday === after.weekday &&
    before.time === after.time &&
    series.timeZone === change.timeZone;
  if (sameTimes) return next.toString();
  const monday = next.subtract({ days: next.dayOfWeek - 1 });
  const first = monday.add({ days: after.weekday - 1 });
  return firstAfter(first, stepDays(after), after.time, change.timeZone, now);
}

/** The local date, ISO weekday and `HH:MM` of an instant in `timeZone`: a meeting on a participant's clock. */
export function localView(at: Date, timeZone: string): LocalView {
  const zoned = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  const time = zoned.toPlainTime().toString({ smallestUnit: "minute" });
  return { date: zoned.toPlainDate().toString(), weekday: zoned.dayOfWeek, time };
}

/** When a meeting that starts at `start` and lasts `minutes` ends. */
export function endsAt(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * 60_000);
}

/**
 * When the series' next meeting goes: its first cadence time after `now` and after every instant in
 * `taken` (the slots its meetings already hold, and the meeting it follows), so no slot is used twice
 * and the new meeting comes after the one before it.
 */
export function nextFreeSlot(series: CadenceSeries, now: Date, taken: readonly Date[]): Date {
  let after = now;
  for (const instant of taken) if (instant > after) after = instant;
  return nextOccurrence(series, after);
}
