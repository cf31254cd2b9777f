/**
 * A person's track record over a period, derived from the tasks they finished and the history of
 * their dues: nothing here is stored. Fairness rules:
 * - a completed task is on time when it finished by the due **in force when it finished**: changing
 *   the due afterwards changes nothing;
 * - `slips` counts how often the due moved later (or was taken away) before it finished;
 * - `daysLate` counts whole days in the owner's calendar; a dropped task is never late.
 */
import type { Due } from "./due-dates";
import { dateOfDay, dayOfDate, localDayOf, startOfDayMs, weekdayOfDay } from "./zone-calendar";

/** A task that is done or dropped, as it stands now. */
export interface FinishedTask {
  id: string;
  title: string;
  state: "done" | "dropped";
  requesterId: string;
  requestId: string | null;
  /** The goal it worked towards. */
  goalId: string | null;
  createdAt: string;
  /** When it became done or dropped (the last time, if it was reopened). */
  finishedAt: string;
  dropReason: string | null;
  /** Its due now, and the instant that falls due in the owner's zone. */
  due: Due | null;
  dueAt: string | null;
}

/** The history entries that matter to a record, each task's oldest first; values are stored JSON. */
export interface DueHistoryEntry {
  taskId: string;
  kind: string;
  from: string | null;
  to: string | null;
}

export interface RecordItem {
  taskId: string;
  title: string;
  state: "done" | "dropped";
  requesterId: string;
  requestId: string | null;
  goalId: string | null;
  createdAt: string;
  finishedAt: string;
  due: Due | null;
  dueAt: string | null;
  onTime: boolean | null;
  daysLate: number | null;
  slips: number;
  dropReason: string | null;
}

export interface RecordSummary {
  completed: number;
  completedOnTime: number;
  completedLate: number;
  completedWithoutDue: number;
  onTimeRate: number | null;
  dropped: number;
  slipped: number;
  requestsReceived: number;
  requestsCompleted: number;
  medianDaysToComplete: number | null;
}

export interface RecordWeek {
  weekStart: string;
  completed: number;
  onTime: number;
  late: number;
  withoutDue: number;
  dropped: number;
}

export interface RecordInput {
  timeZone: string;
  from: string;
  to: string;
  tasks: readonly FinishedTask[];
  history: readonly DueHistoryEntry[];
  /** Tasks of team requests that reached the person in the period. */
  requestsReceived: number;
}

export interface TrackRecord {
  summary: RecordSummary;
  weeks: RecordWeek[];
  items: RecordItem[];
}

const dayMs = 86_400_000;

/** The record of some finished tasks over a period: each judged, then summed up. */
export function buildRecord(input: RecordInput): TrackRecord {
  const historyByTask = groupByTask(input.history);
  const judged = input.tasks.map((task) => judgeTask(task, historyByTask.get(task.id) ?? [], input.timeZone));
  return recordOf(judged, input);
}

/** Judged tasks, newest first, summed up and counted week by week over the period. */
export function recordOf(
  judged: readonly Judged[],
  period: { from: string; to: string; requestsReceived: number },
): TrackRecord {
  const sorted = [...judged].sort((a, b) => b.finishedMs - a.finishedMs || compare(b, a));
  const items = sorted.map((one) => one.item);
  return {
    summary: summarize(items, period.requestsReceived),
    weeks: weeksOf(sorted, period.from, period.to),
    items,
  };
}

const compare = (a: Judged, b: Judged) => (a.item.taskId < b.item.taskId ? -1 : 1);

/** A task as the record shows it, with when it finished as an instant and as a day of the owner's calendar. */
export interface Judged {
  readonly item: RecordItem;
  readonly finishedMs: number;
  /** The local day it finished on, as a day count. */
  readonly finishedDay: number;
}

/** Groups history entries by task, keeping each task's order. */
export function groupByTask(history: readonly DueHistoryEntry[]): Map<string, DueHistoryEntry[]> {
  const byTask = new Map<string, DueHistoryEntry[]>();
  for (const entry of history) {
    const entries = byTask.get(entry.taskId);
    if (entries) entries.push(entry);
    else byTask.set(entry.taskId, [entry]);
  }
  return byTask;
}

/** Became done or dropped; dropping a dropped task again only changes its reason. */
function finishes(entry: DueHistoryEntry): boolean {
  if (entry.kind === "completed" || entry.kind === "declined") return true;
  return entry.kind === "dropped" && entry.from !== '"dropped"';
}

/**
 * One finished task, judged from its history (its due changes and finishes, oldest first): it
 * depends on nothing else, so a task and its version judge the same way in one zone every time.
 */
export function judgeTask(task: FinishedTask, history: readonly DueHistoryEntry[], timeZone: string): Judged {
  let finish = history.length;
  for (let index = history.length - 1; index >= 0; index--) {
    if (finishes(history[index] as DueHistoryEntry)) {
      finish = index;
      break;
    }
  }
  // Without a finishing entry (never the case for work finished through Docket), every change counts as before.
  let slips = 0;
  for (let index = 0; index < finish; index++) {
    const entry = history[index] as DueHistoryEntry;
    if (entry.kind === "due_changed" && movedLater(parseDue(entry.from), parseDue(entry.to), timeZone))
      slips++;
  }
  let due = task.due;
  let dueAt = task.dueAt;
  for (let index = finish + 1; index < history.length; index++) {
    const entry = history[index] as DueHistoryEntry;
    if (entry.kind !== "due_changed") continue;
    // The first change after the finish tells what the due was when it finished.
    due = parseDue(entry.from);
    dueAt = due === null ? null : new Date(dueMs(due, timeZone)).toISOString();
    break;
  }
  const finishedMs = Date.parse(task.finishedAt);
  const finishedDay = localDayOf(finishedMs, timeZone);
  let onTime: boolean | null = null;
  let daysLate: number | null = null;
  if (task.state === "done" && due !== null && dueAt !== null) {
    const dueAtMs = Date.parse(dueAt);
    onTime = finishedMs <= dueAtMs;
    const dueDay = "date" in due ? dayOfDate(due.date) : localDayOf(dueAtMs, timeZone);
    daysLate = onTime ? 0 : Math.max(0, finishedDay - dueDay);
  }
  return {
    finishedMs,
    finishedDay,
    item: {
      taskId: task.id,
      title: task.title,
      state: task.state,
      requesterId: task.requesterId,
      requestId: task.requestId,
      goalId: task.goalId,
      createdAt: task.createdAt,
      finishedAt: task.finishedAt,
      due,
      dueAt,
      onTime,
      daysLate,
      slips,
      dropReason: task.state === "dropped" ? task.dropReason : null,
    },
  };
}

/** How the history spells a date due: `{"date":"YYYY-MM-DD"}`, read without a JSON parse. */
const datePrefix = '{"date":"';

function parseDue(json: string | null): Due | null {
  if (json === null) return null;
  if (json.length === datePrefix.length + 12 && json.startsWith(datePrefix)) {
    return { date: json.slice(datePrefix.length, datePrefix.length + 10) };
  }
  const value = JSON.parse(json) as unknown;
  if (value !== null && typeof value === "object" && ("date" in value || "at" in value)) return value as Due;
  return null;
}

/** The instant a due falls due: for a date, when the next day begins where the owner is. */
function dueMs(due: Due, timeZone: string): number {
  return "at" in due ? Date.parse(due.at) : startOfDayMs(dayOfDate(due.date) + 1, timeZone);
}

/** A due moved later, or was taken away: adding a due where there was none is not a slip. */
function movedLater(from: Due | null, to: Due | null, timeZone: string): boolean {
  if (from === null) return false;
  if (to === null) return true;
  if ("date" in from && "date" in to) return to.date > from.date;
  return dueMs(to, timeZone) > dueMs(from, timeZone);
}

function summarize(items: readonly RecordItem[], requestsReceived: number): RecordSummary {
  const done = items.filter((item) => item.state === "done");
  const completedOnTime = done.filter((item) => item.onTime === true).length;
  const completedLate = done.filter((item) => item.onTime === false).length;
  const judged = completedOnTime + completedLate;
  return {
    completed: done.length,
    completedOnTime,
    completedLate,
    completedWithoutDue: done.length - judged,
    onTimeRate: judged === 0 ? null : completedOnTime / judged,
    dropped: items.length - done.length,
    slipped: items.filter((item) => item.slips > 0).length,
    requestsReceived,
    requestsCompleted: done.filter((item) => item.requestId !== null).length,
    medianDaysToComplete: median(
      done.map((item) => (Date.parse(item.finishedAt) - Date.parse(item.createdAt)) / dayMs),
    ),
  };
}

/** The median, to a tenth; null for none. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return Math.max(0, Math.round(value * 10) / 10);
}

/** Every ISO week (Monday in the owner's zone) that overlaps the period, oldest first, zeros included. */
function weeksOf(items: readonly Judged[], from: string, to: string): RecordWeek[] {
  const mondayOf = (day: number) => day - (weekdayOfDay(day) - 1);
  const first = mondayOf(dayOfDate(from));
  const weeks: RecordWeek[] = [];
  for (let monday = first; monday <= dayOfDate(to); monday += 7) {
    weeks.push({ weekStart: dateOfDay(monday), ...noOutcomes() });
  }
  for (const { item, finishedDay } of items) {
    const week = weeks[Math.floor((mondayOf(finishedDay) - first) / 7)];
    if (week) countOutcome(week, item);
  }
  return weeks;
}

/** How a stretch of time went: completed (on time, late, without a due) and dropped. */
export interface OutcomeCounts {
  completed: number;
  onTime: number;
  late: number;
  withoutDue: number;
  dropped: number;
}

export const noOutcomes = (): OutcomeCounts => ({
  completed: 0,
  onTime: 0,
  late: 0,
  withoutDue: 0,
  dropped: 0,
});

/** Counts one finished item where it belongs. */
export function countOutcome(counts: OutcomeCounts, item: Pick<RecordItem, "state" | "onTime">): void {
  if (item.state === "dropped") {
    counts.dropped++;
    return;
  }
  counts.completed++;
  if (item.onTime === true) counts.onTime++;
  else if (item.onTime === false) counts.late++;
  else counts.withoutDue++;
}
