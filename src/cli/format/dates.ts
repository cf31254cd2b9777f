import type { Due } from "../../contract/tasks";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The local date (`YYYY-MM-DD`) and time of day (`HH:MM`) of an instant in `zone`. */
export function localDateTime(instant: Date | string, zone: string): { date: string; time: string } {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** Whole days from local date `from` to local date `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const days = (count: number) => `${count} ${count === 1 ? "day" : "days"}`;

/** How far the local date `date` is from `today`, in words: today, tomorrow, in 3 days, beyond a week the date. */
function ahead(date: string, today: string): string {
  const distance = daysBetween(today, date);
  if (distance === 0) return "today";
  if (distance === 1) return "tomorrow";
  if (distance >= 2 && distance <= 7) return `in ${days(distance)}`;
  return date;
}

/**
 * A task's due as a person reads it in their zone: "today", "tomorrow 09:00", "in 3 days",
 * "2 days overdue", beyond a week the date. A fixed instant carries its local time of day.
 * Whether it is overdue is the server's word (`overdue`); empty without a due.
 */
export function describeDue(
  task: { due: Due | null; dueAt: string | null; overdue: boolean },
  now: Date,
  zone: string,
): string {
  if (task.due === null) return "";
  const today = localDateTime(now, zone).date;
  const fixed = "at" in task.due ? localDateTime(task.due.at, zone) : null;
  const date = fixed?.date ?? ("date" in task.due ? task.due.date : today);
  if (task.overdue) {
    const late = daysBetween(date, today);
    if (late <= 0) return "overdue";
    if (late <= 7) return `${days(late)} overdue`;
    return `overdue since ${date}`;
  }
  const when = ahead(date, today);
  return fixed ? `${when} ${fixed.time}` : when;
}

/** When something happened, for a list: "today 14:03", "yesterday 09:12", "3 days ago", beyond a week the date. */
export function describeWhen(instant: string, now: Date, zone: string): string {
  const then = localDateTime(instant, zone);
  const distance = daysBetween(then.date, localDateTime(now, zone).date);
  if (distance <= 0) return `today ${then.time}`;
  if (distance === 1) return `yesterday ${then.time}`;
  if (distance <= 7) return `${days(distance)} ago`;
  return then.date;
}
