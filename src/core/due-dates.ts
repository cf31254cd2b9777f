/**
 * When work falls due, always in the owner's zone. A date is due when the next day begins where
 * the owner is (floating: it follows the owner if their zone changes); an instant is fixed.
 */
import { Temporal } from "temporal-polyfill";

export type Due = { date: string } | { at: string };

/**
 * The instant a due falls due, ISO 8601 in UTC. For `{date: D}` that is the first instant of D+1 in
 * `timeZone`: where local midnight is skipped (a DST gap), the first instant of that day that exists.
 */
export function dueInstant(due: Due, timeZone: string): string {
  if ("at" in due) return Temporal.Instant.from(due.at).toString();
  const nextDay = Temporal.PlainDate.from(due.date).add({ days: 1 });
  return nextDay.toZonedDateTime({ timeZone }).toInstant().toString();
}

/** Open work is overdue once its due instant has come; finished or dropped work never is. */
export function isOverdue(dueAt: string | null, now: Date, finished: boolean): boolean {
  return !finished && dueAt !== null && now.getTime() >= Date.parse(dueAt);
}

/** The last week worked out per zone: every plate read needs it, and a week lasts a week. */
const lastWeek = new Map<string, { start: string; end: string; startMs: number; endMs: number }>();

/** The owner's current ISO week, Monday 00:00 to the next Monday 00:00 in `timeZone`, as UTC instants. */
export function isoWeekAround(now: Date, timeZone: string): { start: string; end: string } {
  const at = now.getTime();
  const known = lastWeek.get(timeZone);
  if (known && at >= known.startMs && at < known.endMs) return { start: known.start, end: known.end };
  const week = computeIsoWeek(now, timeZone);
  if (lastWeek.size > 1_000) lastWeek.clear();
  lastWeek.set(timeZone, { ...week, startMs: Date.parse(week.start), endMs: Date.parse(week.end) });
  return week;
}

function computeIsoWeek(now: Date, timeZone: string): { start: string; end: string } {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  const monday = today.subtract({ days: today.dayOfWeek - 1 });
  const startOf = (date: Temporal.PlainDate) => date.toZonedDateTime({ timeZone }).toInstant().toString();
  return { start: startOf(monday), end: startOf(monday.add({ weeks: 1 })) };
}
