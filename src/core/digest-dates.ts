/** How a digest's reader reads a date or a due: in their zone, the year only when it is not theirs now. */
import type { DigestTask } from "./digest";
import { localDateOf } from "./zone-calendar";

/** Who reads a date: their zone, and the year it is for them now. */
export interface Reader {
  timeZone: string;
  year: string;
}

export function readerAt(timeZone: string, now: Date | string): Reader {
  const instant = typeof now === "string" ? now : now.toISOString();
  return { timeZone, year: localDateOf(instant, timeZone).slice(0, 4) };
}

/**
 * A due as its reader reads it: the date for a date due, else the day and time in their zone; the
 * year only when it is not the reader's current one.
 */
export function dueWhen(task: Pick<DigestTask, "dueAt" | "dueDate">, reader: Reader): string {
  if (task.dueDate) return formatDate(task.dueDate, reader);
  if (!task.dueAt) return "no date";
  const local = localDateOf(task.dueAt, reader.timeZone);
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: reader.timeZone,
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(task.dueAt));
  return `${formatDate(local, reader)}, ${time}`;
}

export function dueText(value: unknown, reader: Reader): string {
  if (value === null || value === undefined || typeof value !== "object") return "none";
  const due = value as { date?: string; at?: string };
  if (due.date) return formatDate(due.date, reader);
  if (due.at) return dueWhen({ dueAt: due.at, dueDate: null }, reader);
  return "none";
}

/** "Tue 1 Dec", or "Wed 1 Dec 2027" outside the reader's current year. */
export function formatDate(date: string, reader: Reader): string {
  const day = new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    weekday: "short",
    day: "numeric",
    month: "short",
  }).format(new Date(`${date}T12:00:00Z`));
  const year = date.slice(0, 4);
  return year === reader.year ? day : `${day} ${year}`;
}
