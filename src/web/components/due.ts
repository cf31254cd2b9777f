import type { Due, Task } from "../../contract";
import { wallClock } from "./wallClock";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How close open work is to falling due: `soon` is within the next 24 hours. */
export type DueStatus = "overdue" | "soon" | "later";

export function dueStatus(task: Pick<Task, "dueAt" | "state">, now: number): DueStatus | null {
  if (task.dueAt === null || task.state === "done" || task.state === "dropped") return null;
  const left = Date.parse(task.dueAt) - now;
  if (left <= 0) return "overdue";
  return left <= DAY ? "soon" : "later";
}

const offsetAt = (instant: number, timeZone: string) =>
  wallClock(Math.floor(instant / 1000) * 1000, timeZone) - Math.floor(instant / 1000) * 1000;

function parseLocalDate(date: string): [number, number, number] {
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  return [year, month, day];
}

/**
 * The first instant of a calendar day in a zone (epoch milliseconds). Where midnight is skipped
 * (a DST gap), the first instant of that day that exists; where it comes twice, the earlier.
 */
export function startOfZonedDay(date: string, timeZone: string): number {
  const [year, month, day] = parseLocalDate(date);
  const midnight = Date.UTC(year, month - 1, day);
  const before = offsetAt(midnight - DAY, timeZone);
  const after = offsetAt(midnight + DAY, timeZone);
  const candidates = [...new Set([midnight - before, midnight - after])]
    .filter((instant) => wallClock(instant, timeZone) === midnight)
    .sort((a, b) => a - b);
  return candidates[0] ?? midnight - before;
}

/** The day after a `YYYY-MM-DD` date. */
export function nextLocalDate(date: string): string {
  const [year, month, day] = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** When a task due on `date` falls due: the moment the next day begins in the owner's zone. */
export function dueInstantOfDate(date: string, ownerZone: string): number {
  return startOfZonedDay(nextLocalDate(date), ownerZone);
}

/** Today's date in a zone, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  return new Date(wallClock(now, timeZone)).toISOString().slice(0, 10);
}

/** A calendar date as people read it, "Fri, Mar 14" (with the year when it is not this year's). */
export function formatLocalDate(date: string, now: number = Date.now()): string {
  const [year, month, day] = parseLocalDate(date);
  const sameYear = new Date(now).getUTCFullYear() === year;
  return new Intl.DateTimeFormat(undefined, {
    timeZone: "UTC",
    weekday: "short",
    month: "short",
    day: "numeric",
    year: sameYear ? undefined : "numeric",
  }).format(Date.UTC(year, month - 1, day));
}

/** An instant on the wall clock of a zone, "Fri, Mar 14, 5:00 PM". */
export function formatInZone(instant: number | string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(typeof instant === "string" ? Date.parse(instant) : instant);
}

/** Whether two zones read the same wall clock at an instant (then saying both adds nothing). */
export function sameWallClock(instant: number, zoneA: string, zoneB: string): boolean {
  return zoneA === zoneB || offsetAt(instant, zoneA) === offsetAt(instant, zoneB);
}

/** How a due reads: a date is the owner's calendar day; a fixed instant is read in the viewer's zone. */
export function formatDue(due: Due, viewerZone: string): string {
  return "date" in due ? formatLocalDate(due.date) : formatInZone(due.at, viewerZone);
}

/**
 * What a due on `date` means for someone in another zone: "Fri, Mar 14, 5:00 PM" on their clock,
 * or null when their clock reads the same as the owner's.
 */
export function dueInViewerZone(date: string, ownerZone: string, viewerZone: string): string | null {
  const instant = dueInstantOfDate(date, ownerZone);
  return sameWallClock(instant, ownerZone, viewerZone) ? null : formatInZone(instant, viewerZone);
}
