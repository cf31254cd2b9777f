/**
 * What a person's calendar feed shows, and when. A task with a `{date}` due is an all-day event on
 * that date (a date of the owner's own calendar, so it floats exactly as the due does); a task with an
 * `{at}` due is a short event that ends at the due. One-on-ones show from a few weeks back to 12 weeks
 * ahead: the meetings that exist, moved ones at their new time and skipped ones not at all, and after a
 * going series' upcoming meeting, the meetings its cadence brings next, placed as the series will
 * place them (after the upcoming meeting's slot and time, on the cadence).
 */
import type { Due } from "./due-dates";
import { type CadenceSeries, endsAt, occurrencesBetween } from "./meeting-cadence";

export const feedBounds = {
  /** One-on-ones up to this many weeks ahead. */
  weeksAhead: 12,
  /** Meetings held or still to be marked stay in the calendar this many days after they began. */
  daysBehind: 28,
  /** Open tasks with a due: at most this many, the soonest due first (overdue ones included). */
  maxTasks: 1000,
  /** Meetings that exist, of every series together: at most this many, the earliest first. */
  maxMeetings: 2000,
} as const;

/** An `{at}` due's event starts this long before the due and ends at it. */
export const minutesBeforeDue = 30;

const dayMs = 24 * 60 * 60_000;

export type DueEvent =
  /** All day on `date`; `nextDate` is the exclusive end (RFC 5545's DTEND of a one-day event). */
  { allDay: true; date: string; nextDate: string } | { allDay: false; start: Date; end: Date };

/** The event of a task's due. */
export function dueEvent(due: Due): DueEvent {
  if ("date" in due) return { allDay: true, date: due.date, nextDate: dayAfter(due.date) };
  const end = new Date(due.at);
  return { allDay: false, start: new Date(end.getTime() - minutesBeforeDue * 60_000), end };
}

/** The calendar date after `date` (`YYYY-MM-DD`), whatever the zone: dates have none. */
function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
}

/** The span of meetings a feed read at `now` shows: `from` and `until` both included. */
export function feedWindow(now: Date): { from: Date; until: Date } {
  return {
    from: new Date(now.getTime() - feedBounds.daysBehind * dayMs),
    until: new Date(now.getTime() + feedBounds.weeksAhead * 7 * dayMs),
  };
}

/** A series as the feed needs it: its timing (the cadence's length included) and whether it ended. */
export interface FeedSeries {
  timing: CadenceSeries;
  ended: boolean;
}

/** A meeting row of the series. */
export interface FeedMeetingRow {
  id: string;
  slotAt: string;
  scheduledAt: string;
  state: "upcoming" | "held" | "skipped";
  version: number;
  updatedAt: string;
}

/**
 * A meeting in the feed. `meetingId` is null for one the cadence will bring, which has no row yet:
 * its `start` is its cadence slot, which names it.
 */
export interface FeedMeeting {
  meetingId: string | null;
  start: Date;
  end: Date;
  sequence: number;
  lastModified: string;
}

/**
 * The meetings of one series a feed read at `now` shows, earliest first: its meetings (`rows`: at least
 * its upcoming ones and those held in the window) that were not skipped and begin in the window, then,
 * while the series goes on, the cadence's meetings after its upcoming one up to the window's end.
 */
export function meetingsInFeed(
  series: FeedSeries,
  rows: readonly FeedMeetingRow[],
  now: Date,
): FeedMeeting[] {
  const { from, until } = feedWindow(now);
  const minutes = series.timing.cadence.minutes;
  const shown: FeedMeeting[] = rows
    .filter((row) => {
      const start = Date.parse(row.scheduledAt);
      return row.state !== "skipped" && start >= from.getTime() && start <= until.getTime();
    })
    .map((row) => {
      const start = new Date(row.scheduledAt);
      return {
        meetingId: row.id,
        start,
        end: endsAt(start, minutes),
        sequence: row.version,
        lastModified: row.updatedAt,
      };
    });
  const upcoming = rows.filter((row) => row.state === "upcoming");
  if (series.ended || upcoming.length === 0) return sortByStart(shown);
  // The next meeting is made at the first cadence slot after the upcoming one's slot and time.
  let after = now.getTime();
  let lastModified = upcoming[0]?.updatedAt ?? "";
  for (const row of upcoming) {
    after = Math.max(after, Date.parse(row.slotAt), Date.parse(row.scheduledAt));
    if (row.updatedAt > lastModified) lastModified = row.updatedAt;
  }
  const coming = occurrencesBetween(series.timing, new Date(after), until).map((start) => ({
    meetingId: null,
    start,
    end: endsAt(start, minutes),
    sequence: 0,
    lastModified,
  }));
  return sortByStart([...shown, ...coming]);
}

function sortByStart(meetings: FeedMeeting[]): FeedMeeting[] {
  return meetings.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * Text as a calendar shows it: every control character (line breaks included) and every line or
 * paragraph separator becomes a space, so that no text can begin a line, or a property, of its own.
 */
export function calendarText(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, " ");
}
