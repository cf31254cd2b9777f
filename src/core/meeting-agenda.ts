/**
 * What the plate says for a one-on-one meeting, worked out when the meeting is read (never stored):
 * the window of finished work it looks back on, and which open tasks are overdue or fall due before
 * the meeting after it.
 */
import { type CadenceSeries, endsAt, nextOccurrence } from "./meeting-cadence";
import type { MeetingState } from "./talking-points";

export interface AgendaWindow {
  /** Finished work counts when it finished in `(since, until]`. */
  since: string;
  until: string;
  /** Open work due in `(now, dueUntil]` falls due before the next meeting; null on a finished meeting. */
  dueUntil: string | null;
}

const weekMs = 7 * 24 * 60 * 60 * 1000;

/**
 * The window of a meeting. It looks back to the previous held meeting of the series, or one cadence
 * period when none was held. An upcoming meeting looks up to now and ahead to the meeting after it;
 * a held or skipped one is a record: what was finished up to its end, and nothing ahead.
 */
export function agendaWindow(
  meeting: { scheduledAt: string; state: MeetingState },
  series: CadenceSeries,
  previousHeldAt: string | undefined,
  now: Date,
): AgendaWindow {
  const at = new Date(meeting.scheduledAt);
  const since = previousHeldAt ?? new Date(at.getTime() - series.cadence.everyWeeks * weekMs).toISOString();
  if (meeting.state !== "upcoming") {
    return { since, until: endsAt(at, series.cadence.minutes).toISOString(), dueUntil: null };
  }
  return {
    since,
    until: now.toISOString(),
    dueUntil: nextOccurrence(series, at).toISOString(),
  };
}

/**
 * Of a plate's open tasks (in plate order), those overdue at `now` and those due in `(now, dueUntil]`,
 * each list keeping the plate's order and at most `limit` long.
 */
export function openAgenda<T extends { dueAt: string | null }>(
  open: readonly T[],
  now: Date,
  dueUntil: string,
  limit: number,
): { overdue: T[]; dueBeforeNext: T[] } {
  const nowMs = now.getTime();
  const untilMs = Date.parse(dueUntil);
  const overdue: T[] = [];
  const dueBeforeNext: T[] = [];
  for (const task of open) {
    if (task.dueAt === null) continue;
    const dueMs = Date.parse(task.dueAt);
    if (dueMs <= nowMs) {
      if (overdue.length < limit) overdue.push(task);
    } else if (dueMs <= untilMs && dueBeforeNext.length < limit) {
      dueBeforeNext.push(task);
    }
  }
  return { overdue, dueBeforeNext };
}
