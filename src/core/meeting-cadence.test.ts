import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  cadenceProblems,
  endsAt,
  localView,
  occurrenceAt,
  occurrenceIndex,
  occurrencesBetween,
} from "./meeting-cadence";
import { at, berlin, cadence, first, newYork, series, sydney, week } from "./meeting-cadence-fixtures";

// 2026 clock changes: the US on 8 March and 1 November, Europe on 29 March and 25 October,
// Sydney back to standard time on 5 April and forward again on 4 October.

describe("cadenceProblems", () => {
  it("accepts every cadence in range", () => {
    expect(cadenceProblems(cadence())).toBeNull();
    expect(cadenceProblems({ everyWeeks: 4, weekday: 7, time: "23:59", minutes: 120 })).toBeNull();
    expect(cadenceProblems({ everyWeeks: 1, weekday: 1, time: "00:00", minutes: 15 })).toBeNull();
  });

  it("names each field out of range", () => {
    expect(cadenceProblems({ everyWeeks: 0, weekday: 8, time: "10:00", minutes: 14 })).toEqual([
      { path: "everyWeeks", message: "expected a whole number from 1 to 4" },
      { path: "weekday", message: "expected a whole number from 1 to 7" },
      { path: "minutes", message: "expected a whole number from 15 to 120" },
    ]);
    expect(cadenceProblems(cadence({ everyWeeks: 5 }))?.map((issue) => issue.path)).toEqual(["everyWeeks"]);
    expect(cadenceProblems(cadence({ weekday: 0 }))?.map((issue) => issue.path)).toEqual(["weekday"]);
    expect(cadenceProblems(cadence({ minutes: 121 }))?.map((issue) => issue.path)).toEqual(["minutes"]);
  });

  it("refuses numbers that are not whole and values that are not numbers", () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, "2", null, undefined]) {
      expect(cadenceProblems({ ...cadence(), everyWeeks: bad })?.map((issue) => issue.path)).toEqual([
        "everyWeeks",
      ]);
    }
  });

  it("refuses a time that is not HH:MM on a 24-hour clock", () => {
    for (const time of ["9:00", "24:00", "10:60", "10:00:00", "10h00", " 10:00", "", 1000, null]) {
      expect(cadenceProblems({ ...cadence(), time })).toEqual([
        { path: "time", message: "expected HH:MM (24-hour clock)" },
      ]);
    }
  });

  it("describes malformed input instead of throwing", () => {
    for (const bad of [null, "weekly", 7, [], undefined]) {
      expect(cadenceProblems(bad)).toEqual([
        { path: "", message: "expected {everyWeeks, weekday, time, minutes}" },
      ]);
    }
    expect(cadenceProblems({})?.map((issue) => issue.path)).toEqual([
      "everyWeeks",
      "weekday",
      "minutes",
      "time",
    ]);
  });
});

describe("occurrenceAt: the local time stays, the instant moves across DST", () => {
  it("keeps 10:00 in Berlin through spring and autumn, weekly", () => {
    expect(first(series(berlin, "2026-03-16"), 4)).toEqual([
      "2026-03-16T09:00:00.000Z",
      "2026-03-23T09:00:00.000Z",
      "2026-03-30T08:00:00.000Z",
      "2026-04-06T08:00:00.000Z",
    ]);
    expect(first(series(berlin, "2026-10-19"), 3)).toEqual([
      "2026-10-19T08:00:00.000Z",
      "2026-10-26T09:00:00.000Z",
      "2026-11-02T09:00:00.000Z",
    ]);
  });

  it("keeps 09:00 in New York through spring and autumn, weekly", () => {
    expect(first(series(newYork, "2026-03-05", { time: "09:00" }), 3)).toEqual([
      "2026-03-05T14:00:00.000Z",
      "2026-03-12T13:00:00.000Z",
      "2026-03-19T13:00:00.000Z",
    ]);
    expect(first(series(newYork, "2026-10-29", { time: "09:00" }), 2)).toEqual([
      "2026-10-29T13:00:00.000Z",
      "2026-11-05T14:00:00.000Z",
    ]);
  });

  it("keeps 10:00 in Sydney through its April and October changes, opposite to the north", () => {
    // Clocks go back in April (+11 to +10) and forward in October (+10 to +11).
    expect(first(series(sydney, "2026-04-01"), 2)).toEqual([
      "2026-03-31T23:00:00.000Z",
      "2026-04-08T00:00:00.000Z",
    ]);
    expect(first(series(sydney, "2026-09-30"), 2)).toEqual([
      "2026-09-30T00:00:00.000Z",
      "2026-10-06T23:00:00.000Z",
    ]);
  });

  it("meets every 2, 3 and 4 weeks at the same local time across the changes", () => {
    expect(first(series(berlin, "2026-03-17", { everyWeeks: 2 }), 3)).toEqual([
      "2026-03-17T09:00:00.000Z",
      "2026-03-31T08:00:00.000Z",
      "2026-04-14T08:00:00.000Z",
    ]);
    expect(first(series(newYork, "2026-10-15", { everyWeeks: 3, time: "16:30" }), 2)).toEqual([
      "2026-10-15T20:30:00.000Z",
      "2026-11-05T21:30:00.000Z",
    ]);
    expect(first(series(sydney, "2026-03-18", { everyWeeks: 4, time: "08:15" }), 2)).toEqual([
      "2026-03-17T21:15:00.000Z",
      "2026-04-14T22:15:00.000Z",
    ]);
    const zones = [
      [newYork, "2026-02-02", "2026-10-05"],
      [berlin, "2026-02-02", "2026-09-07"],
      [sydney, "2026-02-02", "2026-08-03"],
    ] as const;
    for (const [timeZone, ...anchors] of zones) {
      for (const anchor of anchors) {
        for (const everyWeeks of [1, 2, 3, 4]) {
          const s = series(timeZone, anchor, { everyWeeks, time: "10:00" });
          const meetings = occurrencesBetween(
            s,
            at(`${anchor.slice(0, 4)}-01-01T00:00:00Z`),
            at(`${anchor.slice(0, 4)}-12-31T00:00:00Z`),
          );
          const offsets = new Set(
            meetings.map((meeting, index) => meeting.getTime() - index * everyWeeks * week),
          );
          expect(offsets.size, `${timeZone} every ${everyWeeks} from ${anchor}`).toBe(2);
          meetings.forEach((meeting, index) => {
            const date = Temporal.PlainDate.from(anchor)
              .add({ weeks: index * everyWeeks })
              .toString();
            expect(localView(meeting, timeZone)).toEqual({ date, weekday: 1, time: "10:00" });
          });
        }
      }
    }
  });

  it("shifts a time inside a spring-forward gap forward by the gap", () => {
    // 02:30 does not exist on 8 March in New York, 29 March in Berlin, or 4 October in Sydney.
    const ny = series(newYork, "2026-03-01", { time: "02:30" });
    expect(first(ny, 3)).toEqual([
      "2026-03-01T07:30:00.000Z",
      "2026-03-08T07:30:00.000Z",
      "2026-03-15T06:30:00.000Z",
    ]);
    expect(localView(occurrenceAt(ny, 1), newYork)).toEqual({
      date: "2026-03-08",
      weekday: 7,
      time: "03:30",
    });
    expect(localView(occurrenceAt(ny, 2), newYork).time).toBe("02:30");
    expect(first(series(berlin, "2026-03-29", { time: "02:30" }), 2)).toEqual([
      "2026-03-29T01:30:00.000Z",
      "2026-04-05T00:30:00.000Z",
    ]);
    expect(first(series(sydney, "2026-10-04", { time: "02:30" }), 1)).toEqual(["2026-10-03T16:30:00.000Z"]);
  });

  it("takes the first of a time that happens twice in an autumn overlap", () => {
    // 01:30 happens twice on 1 November in New York, 02:30 on 25 October in Berlin and 5 April in Sydney.
    const ny = series(newYork, "2026-11-01", { time: "01:30" });
    expect(first(ny, 2)).toEqual(["2026-11-01T05:30:00.000Z", "2026-11-08T06:30:00.000Z"]);
    expect(occurrenceIndex(ny, at("2026-11-01T05:30:00Z"))).toBe(0);
    expect(occurrenceIndex(ny, at("2026-11-01T06:30:00Z"))).toBeNull();
    expect(first(series(berlin, "2026-10-25", { time: "02:30" }), 1)).toEqual(["2026-10-25T00:30:00.000Z"]);
    expect(first(series(sydney, "2026-04-05", { time: "02:30" }), 1)).toEqual(["2026-04-04T15:30:00.000Z"]);
  });

  const zones = [
    "UTC",
    newYork,
    berlin,
    sydney,
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "America/Sao_Paulo",
    "Asia/Kathmandu",
  ];
  const cadences = fc.record({
    everyWeeks: fc.integer({ min: 1, max: 4 }),
    weekday: fc.integer({ min: 1, max: 7 }),
    time: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
    minutes: fc.integer({ min: 15, max: 120 }),
  });
  const anchors = fc
    .date({
      min: new Date("2015-01-01T00:00:00Z"),
      max: new Date("2035-01-01T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10));

  // 4,000 zoned occurrences through the Temporal polyfill: seconds of work on a busy machine.
  it("always lands everyWeeks·7 local days apart, at the local time or just past a gap", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), cadences, anchors, (timeZone, c, anchor) => {
        const s = { cadence: c, timeZone, anchor };
        let previous: Date | null = null;
        for (let index = 0; index < 40; index++) {
          const meeting = occurrenceAt(s, index);
          const view = localView(meeting, timeZone);
          const date = Temporal.PlainDate.from(anchor).add({ days: index * c.everyWeeks * 7 });
          expect(view.date).toBe(date.toString());
          const wanted = date.toPlainDateTime(Temporal.PlainTime.from(c.time));
          if (view.time !== c.time) {
            // Only where the time does not exist, and then forward by exactly the gap.
            expect(() => wanted.toZonedDateTime(timeZone, { disambiguation: "reject" })).toThrow(RangeError);
            const gapMs =
              Temporal.Instant.fromEpochMilliseconds(meeting.getTime()).toZonedDateTimeISO(timeZone)
                .offsetNanoseconds /
                1e6 -
              Temporal.Instant.fromEpochMilliseconds(meeting.getTime() - 86_400_000).toZonedDateTimeISO(
                timeZone,
              ).offsetNanoseconds /
                1e6;
            expect(view.time).toBe(
              wanted.add({ milliseconds: gapMs }).toPlainTime().toString({ smallestUnit: "minute" }),
            );
          }
          // The first of a repeated local time: no earlier instant within an hour reads the same.
          for (const backMs of [1_800_000, 3_600_000]) {
            expect(localView(new Date(meeting.getTime() - backMs), timeZone)).not.toEqual(view);
          }
          if (previous !== null) expect(meeting.getTime()).toBeGreaterThan(previous.getTime());
          expect(occurrenceIndex(s, meeting)).toBe(index);
          previous = meeting;
        }
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});

describe("endsAt", () => {
  it("is the start plus the length, in elapsed minutes even across a change of clocks", () => {
    expect(endsAt(at("2026-03-16T09:00:00Z"), 30).toISOString()).toBe("2026-03-16T09:30:00.000Z");
    expect(endsAt(at("2026-03-16T09:00:00Z"), 120).toISOString()).toBe("2026-03-16T11:00:00.000Z");
    // 01:30 to 02:30 in New York on 8 March 2026 is an hour, ending at 03:30 on the clock.
    const start = at("2026-03-08T06:30:00Z");
    expect(localView(endsAt(start, 60), newYork).time).toBe("03:30");
  });
});
