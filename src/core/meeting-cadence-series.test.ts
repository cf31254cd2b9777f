import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { ManualClock } from "./clock";
import {
  anchorAfterChange,
  localView,
  maxOccurrencesPerCall,
  nextFreeSlot,
  nextOccurrence,
  occurrenceAt,
  occurrenceIndex,
  occurrencesBetween,
  seriesAnchor,
} from "./meeting-cadence";
import { at, berlin, cadence, first, iso, newYork, series, sydney, week } from "./meeting-cadence-fixtures";

// 2026 clock changes: the US on 8 March and 1 November, Europe on 29 March and 25 October,
// Sydney back to standard time on 5 April and forward again on 4 October.

describe("seriesAnchor", () => {
  const mondays = cadence({ weekday: 1, time: "10:00" });

  it("without a first date, is the first meeting after now", () => {
    // Monday 16 March 2026, 09:00 in Berlin.
    const clock = new ManualClock("2026-03-16T08:00:00Z");
    expect(seriesAnchor(mondays, berlin, clock.now())).toBe("2026-03-16");
    expect(seriesAnchor(cadence({ weekday: 3 }), berlin, clock.now())).toBe("2026-03-18");
    expect(seriesAnchor(cadence({ weekday: 7 }), berlin, clock.now())).toBe("2026-03-22");
    // At 10:00 the meeting would be now, not after it: the next week.
    clock.set("2026-03-16T09:00:00Z");
    expect(seriesAnchor(mondays, berlin, clock.now())).toBe("2026-03-23");
    expect(seriesAnchor(cadence({ everyWeeks: 4 }), berlin, clock.now())).toBe("2026-03-23");
  });

  it("reads today in the series' zone, not in UTC", () => {
    // Sunday 22:30 UTC is already Monday 11:30 in Auckland: Monday 10:00 there has passed.
    const now = at("2026-03-15T22:30:00Z");
    expect(seriesAnchor(mondays, "Pacific/Auckland", now)).toBe("2026-03-23");
    expect(seriesAnchor(mondays, "UTC", now)).toBe("2026-03-16");
  });

  it("with a first date, is the first cadence weekday on or after it", () => {
    const now = at("2026-03-01T00:00:00Z");
    expect(seriesAnchor(mondays, berlin, now, "2026-03-16")).toBe("2026-03-16");
    expect(seriesAnchor(mondays, berlin, now, "2026-03-17")).toBe("2026-03-23");
    expect(seriesAnchor(cadence({ weekday: 5, everyWeeks: 3 }), berlin, now, "2026-03-16")).toBe(
      "2026-03-20",
    );
  });

  it("never places the first meeting in the past, and keeps the weeks a past first date chose", () => {
    const clock = new ManualClock("2026-03-16T12:00:00Z");
    // Today's 10:00 has passed: the next period.
    expect(seriesAnchor(mondays, berlin, clock.now(), "2026-03-16")).toBe("2026-03-23");
    expect(seriesAnchor(cadence({ everyWeeks: 2 }), berlin, clock.now(), "2026-03-16")).toBe("2026-03-30");
    // Every three weeks from 5 January: 26 January, 16 February, 9 March, then 30 March.
    expect(seriesAnchor(cadence({ everyWeeks: 3 }), berlin, clock.now(), "2026-01-05")).toBe("2026-03-30");
    // Far in the past still answers at once.
    expect(seriesAnchor(cadence({ everyWeeks: 1 }), berlin, clock.now(), "1990-01-01")).toBe("2026-03-23");
    const anchor = seriesAnchor(cadence({ everyWeeks: 4 }), sydney, clock.now(), "2001-02-03");
    expect(
      occurrenceAt({ cadence: cadence({ everyWeeks: 4 }), timeZone: sydney, anchor }, 0) > clock.now(),
    ).toBe(true);
  });
});

describe("nextOccurrence, occurrencesBetween and occurrenceIndex", () => {
  const fortnightly = series(berlin, "2026-03-17", { everyWeeks: 2 });

  it("gives the first meeting strictly after an instant", () => {
    const clock = new ManualClock("2026-01-01T00:00:00Z");
    expect(nextOccurrence(fortnightly, clock.now()).toISOString()).toBe("2026-03-17T09:00:00.000Z");
    clock.set("2026-03-17T09:00:00Z");
    expect(nextOccurrence(fortnightly, clock.now()).toISOString()).toBe("2026-03-31T08:00:00.000Z");
    clock.set("2026-03-31T07:59:59.999Z");
    expect(nextOccurrence(fortnightly, clock.now()).toISOString()).toBe("2026-03-31T08:00:00.000Z");
    clock.set("2026-03-31T08:00:00Z");
    expect(nextOccurrence(fortnightly, clock.now()).toISOString()).toBe("2026-04-14T08:00:00.000Z");
    clock.set("2031-06-01T00:00:00Z");
    expect(occurrenceIndex(fortnightly, nextOccurrence(fortnightly, clock.now()))).not.toBeNull();
  });

  it("finds the next free slot after now, after every taken slot and after the meeting it follows", () => {
    const now = at("2026-03-20T00:00:00Z");
    expect(nextFreeSlot(fortnightly, now, []).toISOString()).toBe("2026-03-31T08:00:00.000Z");
    // The 31 March slot is taken (skipped ahead of time): the next goes a period later.
    expect(nextFreeSlot(fortnightly, now, [at("2026-03-31T08:00:00Z")]).toISOString()).toBe(
      "2026-04-14T08:00:00.000Z",
    );
    // Slots in the past do not hold the series back.
    expect(nextFreeSlot(fortnightly, now, [at("2026-03-03T09:00:00Z")]).toISOString()).toBe(
      "2026-03-31T08:00:00.000Z",
    );
    // A meeting moved to 2 April is followed by the slot after it.
    expect(nextFreeSlot(fortnightly, now, [at("2026-04-02T08:00:00Z")]).toISOString()).toBe(
      "2026-04-14T08:00:00.000Z",
    );
  });

  it("lists the meetings in (after, until], oldest first", () => {
    expect(
      iso(occurrencesBetween(fortnightly, at("2026-03-17T09:00:00Z"), at("2026-04-14T08:00:00Z"))),
    ).toEqual(["2026-03-31T08:00:00.000Z", "2026-04-14T08:00:00.000Z"]);
    expect(
      iso(occurrencesBetween(fortnightly, at("2026-01-01T00:00:00Z"), at("2026-03-17T09:00:00Z"))),
    ).toEqual(["2026-03-17T09:00:00.000Z"]);
    expect(occurrencesBetween(fortnightly, at("2026-04-14T08:00:00Z"), at("2026-04-14T08:00:00Z"))).toEqual(
      [],
    );
    expect(occurrencesBetween(fortnightly, at("2026-05-01T00:00:00Z"), at("2026-04-01T00:00:00Z"))).toEqual(
      [],
    );
  });

  it("gives twelve weekly meetings in the next twelve weeks, across a change of clocks", () => {
    const weekly = series(berlin, "2026-03-02");
    const clock = new ManualClock("2026-03-02T09:00:00Z");
    const meetings = occurrencesBetween(weekly, clock.now(), new Date(clock.now().getTime() + 12 * week));
    expect(meetings).toHaveLength(12);
    expect(meetings[0]?.toISOString()).toBe("2026-03-09T09:00:00.000Z");
    expect(meetings[11]?.toISOString()).toBe("2026-05-25T08:00:00.000Z");
  });

  it("gives at most a year of weekly meetings in one call, the earliest ones", () => {
    const weekly = series(berlin, "2026-03-02");
    const meetings = occurrencesBetween(weekly, at("2026-01-01T00:00:00Z"), at("2036-01-01T00:00:00Z"));
    expect(maxOccurrencesPerCall).toBe(53);
    expect(meetings).toHaveLength(maxOccurrencesPerCall);
    expect(meetings[0]?.toISOString()).toBe("2026-03-02T09:00:00.000Z");
    expect(meetings.at(-1)?.toISOString()).toBe("2027-03-01T09:00:00.000Z");
  });

  it("says which meeting an instant is, or that it is none", () => {
    expect(occurrenceIndex(fortnightly, at("2026-03-17T09:00:00Z"))).toBe(0);
    expect(occurrenceIndex(fortnightly, at("2026-03-31T08:00:00Z"))).toBe(1);
    expect(occurrenceIndex(fortnightly, at("2027-03-16T09:00:00Z"))).toBe(26);
    // The right weekday and time in an off week, a minute late, the old offset, before the first.
    expect(occurrenceIndex(fortnightly, at("2026-03-24T09:00:00Z"))).toBeNull();
    expect(occurrenceIndex(fortnightly, at("2026-03-31T08:01:00Z"))).toBeNull();
    expect(occurrenceIndex(fortnightly, at("2026-03-31T09:00:00Z"))).toBeNull();
    expect(occurrenceIndex(fortnightly, at("2026-03-03T09:00:00Z"))).toBeNull();
  });
});

describe("anchorAfterChange", () => {
  const fortnightly = series(berlin, "2026-03-03", { everyWeeks: 2 });
  // Tuesday 10 March 2026, 12:00 in Berlin: the last meeting was 3 March, the next is 17 March.
  const clock = new ManualClock("2026-03-10T11:00:00Z");

  it("moves nothing when only the length changes", () => {
    const change = { cadence: { ...fortnightly.cadence, minutes: 90 }, timeZone: berlin };
    expect(anchorAfterChange(fortnightly, change, clock.now())).toBe("2026-03-17");
  });

  it("keeps the weeks the series meets in when the time or weekday changes", () => {
    const earlier = { cadence: { ...fortnightly.cadence, time: "15:00" }, timeZone: berlin };
    // 15:00 today is after now, but this is not a meeting week.
    expect(anchorAfterChange(fortnightly, earlier, clock.now())).toBe("2026-03-17");
    const monday = { cadence: { ...fortnightly.cadence, weekday: 1 }, timeZone: berlin };
    expect(anchorAfterChange(fortnightly, monday, clock.now())).toBe("2026-03-16");
    const friday = { cadence: { ...fortnightly.cadence, weekday: 5 }, timeZone: berlin };
    expect(anchorAfterChange(fortnightly, friday, clock.now())).toBe("2026-03-20");
  });

  it("follows the new period from the next meeting on", () => {
    const weekly = { cadence: { ...fortnightly.cadence, everyWeeks: 1 }, timeZone: berlin };
    expect(anchorAfterChange(fortnightly, weekly, clock.now())).toBe("2026-03-17");
    // On the day of a meeting, after it: the week of the next one.
    const meetingDay = new ManualClock("2026-03-17T12:00:00Z");
    const monthly = { cadence: { ...fortnightly.cadence, everyWeeks: 4, weekday: 1 }, timeZone: berlin };
    expect(anchorAfterChange(fortnightly, monthly, meetingDay.now())).toBe("2026-03-30");
  });

  it("goes a whole period on when the new weekday has passed in the week of the next meeting", () => {
    // Thursday 12 March, after that day's meeting: the next is Thursday 19 March, and Monday of its
    // week is 16 March.
    const weekly = series(berlin, "2026-03-05", { everyWeeks: 1 });
    const thursday = new ManualClock("2026-03-12T12:00:00Z");
    const monday = { cadence: { ...weekly.cadence, weekday: 1 }, timeZone: berlin };
    expect(anchorAfterChange(weekly, monday, thursday.now())).toBe("2026-03-16");
    // Wednesday 11 March, 12:00: the next meeting is Thursday 12 March, and Monday 9 March has passed.
    const wednesday = new ManualClock("2026-03-11T11:00:00Z");
    expect(anchorAfterChange(weekly, monday, wednesday.now())).toBe("2026-03-16");
    const fortnightlyMonday = { cadence: { ...weekly.cadence, weekday: 1, everyWeeks: 2 }, timeZone: berlin };
    expect(anchorAfterChange(weekly, fortnightlyMonday, wednesday.now())).toBe("2026-03-23");
  });

  it("follows a new zone at the same local time, and leaves the meetings before the change alone", () => {
    const moved = { cadence: fortnightly.cadence, timeZone: newYork };
    const anchor = anchorAfterChange(fortnightly, moved, clock.now());
    expect(anchor).toBe("2026-03-17");
    const after = { ...moved, anchor };
    expect(occurrenceAt(after, 0).toISOString()).toBe("2026-03-17T14:00:00.000Z");
    expect(localView(occurrenceAt(after, 0), newYork).time).toBe("10:00");
    // The meetings held before the change are the old series' and stay where they were.
    expect(iso(occurrencesBetween(fortnightly, at("2026-01-01T00:00:00Z"), clock.now()))).toEqual([
      "2026-03-03T09:00:00.000Z",
    ]);
    expect(occurrenceAt(after, 0) > clock.now()).toBe(true);
  });

  it("never gives a next meeting at or before the change", () => {
    const changes = fc.record({
      everyWeeks: fc.integer({ min: 1, max: 4 }),
      weekday: fc.integer({ min: 1, max: 7 }),
      time: fc.constantFrom("00:00", "02:30", "10:00", "23:59"),
      minutes: fc.constant(30),
    });
    fc.assert(
      fc.property(
        changes,
        fc.constantFrom(berlin, newYork, sydney),
        fc.integer({ min: 0, max: 400 * 24 }),
        (c, timeZone, hours) => {
          const now = new Date(Date.parse("2026-01-01T00:00:00Z") + hours * 3_600_000);
          const anchor = anchorAfterChange(fortnightly, { cadence: c, timeZone }, now);
          const next = occurrenceAt({ cadence: c, timeZone, anchor }, 0);
          expect(next > now).toBe(true);
          expect(Temporal.PlainDate.from(anchor).dayOfWeek).toBe(c.weekday);
          // Within one new period after the week of the meeting that was next (plus a change of clocks).
          const late = next.getTime() - nextOccurrence(fortnightly, now).getTime();
          expect(late).toBeLessThan((c.everyWeeks + 1) * week + 2 * 3_600_000);
        },
      ),
    );
  });
});

describe("localView: a meeting on another participant's clock", () => {
  it("shows Berlin's 10:00 at 04:00 in New York, and 05:00 in the weeks only one has changed clocks", () => {
    const march = first(series(berlin, "2026-03-02"), 5).map((instant) => localView(at(instant), newYork));
    expect(march.map((view) => view.time)).toEqual(["04:00", "05:00", "05:00", "05:00", "04:00"]);
    expect(march[1]).toEqual({ date: "2026-03-09", weekday: 1, time: "05:00" });
    const autumn = first(series(berlin, "2026-10-19"), 3).map((instant) => localView(at(instant), newYork));
    expect(autumn).toEqual([
      { date: "2026-10-19", weekday: 1, time: "04:00" },
      { date: "2026-10-26", weekday: 1, time: "05:00" },
      { date: "2026-11-02", weekday: 1, time: "04:00" },
    ]);
  });

  it("shows New York's 09:00 in Berlin at 15:00, or 14:00 while only New York has changed", () => {
    const times = first(series(newYork, "2026-03-02", { time: "09:00" }), 5).map(
      (instant) => localView(at(instant), berlin).time,
    );
    expect(times).toEqual(["15:00", "14:00", "14:00", "14:00", "15:00"]);
  });

  it("follows Sydney's seasons, opposite to Berlin's", () => {
    const views = first(series(berlin, "2026-03-23"), 3).map(
      (instant) => localView(at(instant), sydney).time,
    );
    // +1/+11, then +2/+11, then +2/+10 after Sydney's clocks go back on 5 April.
    expect(views).toEqual(["20:00", "19:00", "18:00"]);
    const october = first(series(berlin, "2026-09-28"), 5).map(
      (instant) => localView(at(instant), sydney).time,
    );
    // +2/+10, +2/+11 from 4 October, +1/+11 from 25 October.
    expect(october).toEqual(["18:00", "19:00", "19:00", "19:00", "20:00"]);
  });

  it("gives the other participant's date and weekday when it differs", () => {
    const monday = occurrenceAt(series(berlin, "2026-01-05", { time: "08:00" }), 0);
    expect(localView(monday, "America/Los_Angeles")).toEqual({
      date: "2026-01-04",
      weekday: 7,
      time: "23:00",
    });
    expect(localView(monday, "Pacific/Chatham")).toEqual({ date: "2026-01-05", weekday: 1, time: "20:45" });
    expect(localView(monday, "Asia/Kathmandu")).toEqual({ date: "2026-01-05", weekday: 1, time: "12:45" });
  });
});
