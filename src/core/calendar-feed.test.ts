import { describe, expect, it } from "vitest";
import {
  calendarText,
  dueEvent,
  type FeedMeetingRow,
  type FeedSeries,
  feedBounds,
  feedWindow,
  meetingsInFeed,
  minutesBeforeDue,
} from "./calendar-feed";

describe("dueEvent", () => {
  it("puts a date due all day on that date, ending (exclusively) the next day", () => {
    expect(dueEvent({ date: "2026-03-10" })).toEqual({
      allDay: true,
      date: "2026-03-10",
      nextDate: "2026-03-11",
    });
    expect(dueEvent({ date: "2026-02-28" })).toMatchObject({ nextDate: "2026-03-01" });
    expect(dueEvent({ date: "2028-02-28" })).toMatchObject({ nextDate: "2028-02-29" });
    expect(dueEvent({ date: "2026-12-31" })).toMatchObject({ nextDate: "2027-01-01" });
  });

  it("ends an instant due at the instant, starting a short while before", () => {
    expect(minutesBeforeDue).toBe(30);
    expect(dueEvent({ at: "2026-03-10T17:00:00.000Z" })).toEqual({
      allDay: false,
      start: new Date("2026-03-10T16:30:00.000Z"),
      end: new Date("2026-03-10T17:00:00.000Z"),
    });
  });
});

describe("calendarText", () => {
  it("turns every control character and line separator into a space", () => {
    expect(calendarText("Ship it\r\nATTENDEE:mailto:x@example.com")).toBe(
      "Ship it  ATTENDEE:mailto:x@example.com",
    );
    expect(calendarText("a\rb\nc\u0000d\u0007e\u007ff\u0085g\u2028h\u2029i\tj")).toBe("a b c d e f g h i j");
  });

  it("leaves ordinary text as it is, punctuation and other scripts included", () => {
    const text = "Budget; Q3, “final” \\ 予算 — ✓";
    expect(calendarText(text)).toBe(text);
  });
});

/** Weekly on Tuesdays at 10:00 in Berlin, 30 minutes, first meeting on 3 March 2026 (09:00Z). */
const weekly = (ended = false): FeedSeries => ({
  timing: {
    cadence: { everyWeeks: 1, weekday: 2, time: "10:00", minutes: 30 },
    timeZone: "Europe/Berlin",
    anchor: "2026-03-03",
  },
  ended,
});

const row = (overrides: Partial<FeedMeetingRow> & Pick<FeedMeetingRow, "id" | "slotAt">): FeedMeetingRow => ({
  scheduledAt: overrides.slotAt,
  state: "upcoming",
  version: 1,
  updatedAt: "2026-03-01T08:00:00.000Z",
  ...overrides,
});

const starts = (meetings: { start: Date }[]) => meetings.map((meeting) => meeting.start.toISOString());

describe("meetingsInFeed", () => {
  const monday = new Date("2026-03-02T11:00:00.000Z");

  it("shows the upcoming meeting and the cadence's next ones for 12 weeks, not the 13th", () => {
    const upcoming = row({ id: "m1", slotAt: "2026-03-03T09:00:00.000Z" });
    const meetings = meetingsInFeed(weekly(), [upcoming], monday);
    expect(meetings).toHaveLength(12);
    expect(meetings[0]).toEqual({
      meetingId: "m1",
      start: new Date("2026-03-03T09:00:00.000Z"),
      end: new Date("2026-03-03T09:30:00.000Z"),
      sequence: 1,
      lastModified: upcoming.updatedAt,
    });
    // Berlin moves to summer time on 29 March: 10:00 there is 08:00Z from then on.
    expect(meetings[1]).toMatchObject({
      meetingId: null,
      sequence: 0,
      start: new Date("2026-03-10T09:00:00.000Z"),
    });
    expect(meetings[4]?.start).toEqual(new Date("2026-03-31T08:00:00.000Z"));
    expect(meetings[11]?.start).toEqual(new Date("2026-05-19T08:00:00.000Z"));
    // The 13th Tuesday, 26 May, is past the 12 weeks.
    expect(feedWindow(monday).until < new Date("2026-05-26T08:00:00.000Z")).toBe(true);
    expect(meetings.every((meeting) => meeting.end.getTime() - meeting.start.getTime() === 30 * 60_000)).toBe(
      true,
    );
  });

  it("shows a moved meeting at its new time, and the next ones after it as the series will place them", () => {
    const moved = row({
      id: "m1",
      slotAt: "2026-03-03T09:00:00.000Z",
      scheduledAt: "2026-03-11T14:00:00.000Z",
      version: 2,
    });
    const meetings = meetingsInFeed(weekly(), [moved], monday);
    expect(meetings[0]).toMatchObject({
      meetingId: "m1",
      start: new Date("2026-03-11T14:00:00.000Z"),
      sequence: 2,
    });
    // Moved past Tuesday 10 March: the next meeting is the Tuesday after it.
    expect(starts(meetings.slice(1, 3))).toEqual(["2026-03-17T09:00:00.000Z", "2026-03-24T09:00:00.000Z"]);
  });

  it("leaves skipped meetings out, keeps held ones in the window, and places the next after the upcoming one", () => {
    const rows = [
      row({ id: "held", slotAt: "2026-02-24T09:00:00.000Z", state: "held" }),
      row({ id: "long-ago", slotAt: "2026-01-20T09:00:00.000Z", state: "held" }),
      row({ id: "skipped", slotAt: "2026-03-03T09:00:00.000Z", state: "skipped" }),
      row({ id: "next", slotAt: "2026-03-10T09:00:00.000Z" }),
    ];
    const meetings = meetingsInFeed(weekly(), rows, monday);
    expect(meetings.slice(0, 3).map((meeting) => meeting.meetingId)).toEqual(["held", "next", null]);
    expect(meetings[2]?.start).toEqual(new Date("2026-03-17T09:00:00.000Z"));
    expect(meetings.map((meeting) => meeting.meetingId)).not.toContain("skipped");
    expect(meetings.map((meeting) => meeting.meetingId)).not.toContain("long-ago");
    expect(feedBounds.daysBehind).toBe(28);
  });

  it("brings no further meetings once a series has ended", () => {
    const rows = [row({ id: "held", slotAt: "2026-02-24T09:00:00.000Z", state: "held" })];
    expect(meetingsInFeed(weekly(true), rows, monday).map((meeting) => meeting.meetingId)).toEqual(["held"]);
  });

  it("brings the cadence's meetings after now when the upcoming one is in the past, unmarked", () => {
    const late = row({ id: "late", slotAt: "2026-03-03T09:00:00.000Z" });
    const thursday = new Date("2026-03-12T12:00:00.000Z");
    const meetings = meetingsInFeed(weekly(), [late], thursday);
    expect(starts(meetings.slice(0, 2))).toEqual(["2026-03-03T09:00:00.000Z", "2026-03-17T09:00:00.000Z"]);
    expect(meetings[1]?.lastModified).toBe(late.updatedAt);
  });
});
