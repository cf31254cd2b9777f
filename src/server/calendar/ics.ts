import ical, { escape as escapeText, ICalCalendarMethod, ICalEventTransparency } from "ical-generator";
import { Temporal } from "temporal-polyfill";
import { calendarText, dueEvent, type FeedMeeting } from "../../core/calendar-feed";
import type { Due } from "../../core/due-dates";

/** How often a calendar should read the feed again, in seconds. */
export const refreshSeconds = 3600;

export interface FeedTask {
  id: string;
  title: string;
  due: Due;
  version: number;
  updatedAt: string;
}

export interface FeedMeetingEvent extends FeedMeeting {
  seriesId: string;
  /** The other person of the one-on-one. */
  withName: string;
}

export interface FeedContent {
  owner: { name: string; timeZone: string };
  tasks: readonly FeedTask[];
  meetings: readonly FeedMeetingEvent[];
  now: Date;
  /** The web app's address (`BASE_URL`): events link to it and their UIDs name its host. */
  baseUrl: string;
}

/**
 * The feed as RFC 5545 text. Instants are written in UTC and all-day dates float, so no event depends
 * on a time zone definition; the owner's zone is the calendar's (`X-WR-TIMEZONE`), which calendars use
 * to show it. Each event's UID stays the same while its item lives, and its SEQUENCE is the item's
 * version, which every change raises. Every text a person wrote passes through `calendarText`.
 */
export function renderFeed(content: FeedContent): string {
  const { owner, now, baseUrl } = content;
  const host = new URL(baseUrl).host;
  const calendar = ical({
    prodId: "//Docket//Calendar feed//EN",
    method: ICalCalendarMethod.PUBLISH,
    ttl: refreshSeconds,
  });
  // ical-generator writes the calendar's name as given: it is escaped here.
  calendar.name(escapeText(calendarText(`Docket: ${owner.name}`), false));
  calendar.x("X-WR-TIMEZONE", owner.timeZone);

  for (const task of content.tasks) {
    const times = dueEvent(task.due);
    calendar.createEvent({
      id: `task-${task.id}@${host}`,
      sequence: task.version,
      stamp: now,
      lastModified: new Date(task.updatedAt),
      summary: calendarText(task.title),
      url: `${baseUrl}/plate`,
      // A due is a deadline, not time taken: it leaves the day free.
      transparency: ICalEventTransparency.TRANSPARENT,
      ...(times.allDay
        ? {
            allDay: true,
            start: Temporal.PlainDate.from(times.date),
            end: Temporal.PlainDate.from(times.nextDate),
          }
        : { start: times.start, end: times.end }),
    });
  }

  for (const meeting of content.meetings) {
    const key =
      meeting.meetingId ?? `${meeting.seriesId}-${meeting.start.toISOString().replace(/[-:]|\.\d+/g, "")}`;
    calendar.createEvent({
      id: `meeting-${key}@${host}`,
      sequence: meeting.sequence,
      stamp: now,
      lastModified: new Date(meeting.lastModified),
      summary: calendarText(`1:1 with ${meeting.withName}`),
      url: meeting.meetingId
        ? `${baseUrl}/meetings/${encodeURIComponent(meeting.meetingId)}`
        : `${baseUrl}/one-on-ones`,
      transparency: ICalEventTransparency.OPAQUE,
      start: meeting.start,
      end: meeting.end,
    });
  }
  return calendar.toString();
}
