import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  digestSlotsBetween,
  isAwayAt,
  isWorkingAt,
  nextDigestSlot,
  nextWorkingDayEnd,
  nextWorkingStart,
  reachableAt,
} from "./schedule";

const at = (instant: string) => new Date(instant);
const hour = 3_600_000;
const day = 24 * hour;
const hours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" };
const la = "America/Los_Angeles";

const zones = [
  "UTC",
  "America/New_York",
  "Europe/Berlin",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "America/Sao_Paulo",
];
const clock = (h: number, m = 0) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;

describe("nextDigestSlot", () => {
  const weekdays = { times: ["09:00"], days: [1, 2, 3, 4, 5] };

  it("is the next slot strictly after the instant, in the person's zone", () => {
    // Thursday 2026-11-26 in Berlin (UTC+1): 09:00 is 08:00Z.
    expect(nextDigestSlot(weekdays, "Europe/Berlin", at("2026-11-26T07:00:00Z"))?.toISOString()).toBe(
      "2026-11-26T08:00:00.000Z",
    );
    expect(nextDigestSlot(weekdays, "Europe/Berlin", at("2026-11-26T08:00:00Z"))?.toISOString()).toBe(
      "2026-11-27T08:00:00.000Z",
    );
    // After Friday's slot, Monday's.
    expect(nextDigestSlot(weekdays, "Europe/Berlin", at("2026-11-27T08:00:00Z"))?.toISOString()).toBe(
      "2026-11-30T08:00:00.000Z",
    );
  });

  it("takes the earliest of several times", () => {
    const schedule = { times: ["17:00", "08:30"], days: [1, 2, 3, 4, 5] };
    // Monday 2026-11-23, Tokyo (UTC+9), at 12:00 local: 17:00 local is 08:00Z.
    expect(nextDigestSlot(schedule, "Asia/Tokyo", at("2026-11-23T03:00:00Z"))?.toISOString()).toBe(
      "2026-11-23T08:00:00.000Z",
    );
    // At 18:00 local: 08:30 the next morning.
    expect(nextDigestSlot(schedule, "Asia/Tokyo", at("2026-11-23T09:00:00Z"))?.toISOString()).toBe(
      "2026-11-23T23:30:00.000Z",
    );
  });

  it("finds a weekly slot a full week ahead", () => {
    // Wednesdays at 09:00 in Berlin; just after one, the next is seven days later.
    expect(
      nextDigestSlot(
        { times: ["09:00"], days: [3] },
        "Europe/Berlin",
        at("2026-11-25T08:00:00Z"),
      )?.toISOString(),
    ).toBe("2026-12-02T08:00:00.000Z");
  });

  it("follows the zone over its DST changes", () => {
    // Berlin moves to UTC+2 on Sunday 2026-03-29: Friday's 09:00 is 08:00Z, Monday's is 07:00Z.
    expect(nextDigestSlot(weekdays, "Europe/Berlin", at("2026-03-27T10:00:00Z"))?.toISOString()).toBe(
      "2026-03-30T07:00:00.000Z",
    );
    // New York skips 02:00-03:00 on Sunday 2026-03-08: a weekly 02:30 slot that day is 03:30 EDT.
    expect(
      nextDigestSlot(
        { times: ["02:30"], days: [7] },
        "America/New_York",
        at("2026-03-01T07:30:00Z"),
      )?.toISOString(),
    ).toBe("2026-03-08T07:30:00.000Z");
    // And repeats 01:00-02:00 on Sunday 2026-11-01: 01:30 is its first occurrence, EDT.
    expect(
      nextDigestSlot(
        { times: ["01:30"], days: [7] },
        "America/New_York",
        at("2026-10-31T12:00:00Z"),
      )?.toISOString(),
    ).toBe("2026-11-01T05:30:00.000Z");
  });

  it("is null without times or days", () => {
    expect(nextDigestSlot({ times: [], days: [1] }, "UTC", at("2026-11-23T00:00:00Z"))).toBeNull();
    expect(nextDigestSlot({ times: ["09:00"], days: [] }, "UTC", at("2026-11-23T00:00:00Z"))).toBeNull();
  });

  it("is, for any weekly schedule and zone, a slot after the instant with no slot in between", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.uniqueArray(
          fc
            .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
            .map(([h, m]) => clock(h, m)),
          { minLength: 1, maxLength: 3 },
        ),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2035, 0, 1) }),
        (zone, times, days, when) => {
          const after = new Date(when);
          const next = nextDigestSlot({ times, days }, zone, after);
          expect(next).not.toBeNull();
          const slot = next as Date;
          expect(slot.getTime()).toBeGreaterThan(when);
          expect(slot.getTime() - when).toBeLessThanOrEqual(7 * day + 2 * hour);
          // It is a slot, and the first one: the window up to it holds it and nothing else.
          expect(digestSlotsBetween({ times, days }, zone, after, slot)).toEqual([slot]);
        },
      ),
    );
  });
});

describe("nextWorkingDayEnd", () => {
  it("is today's end while at work, or before work on a working day", () => {
    // Wednesday 2026-11-25 in Los Angeles (UTC-8): 17:30 is 01:30Z the next day.
    expect(nextWorkingDayEnd(hours, la, at("2026-11-25T18:00:00Z")).toISOString()).toBe(
      "2026-11-26T01:30:00.000Z",
    );
    expect(nextWorkingDayEnd(hours, la, at("2026-11-25T14:00:00Z")).toISOString()).toBe(
      "2026-11-26T01:30:00.000Z",
    );
  });

  it("is the next working day's end in the evening, and Monday's on a Friday evening", () => {
    // Wednesday 18:00 local.
    expect(nextWorkingDayEnd(hours, la, at("2026-11-26T02:00:00Z")).toISOString()).toBe(
      "2026-11-27T01:30:00.000Z",
    );
    // Friday 2026-11-27 18:00 local, and Saturday noon: Monday 2026-11-30 17:30.
    expect(nextWorkingDayEnd(hours, la, at("2026-11-28T02:00:00Z")).toISOString()).toBe(
      "2026-12-01T01:30:00.000Z",
    );
    expect(nextWorkingDayEnd(hours, la, at("2026-11-28T20:00:00Z")).toISOString()).toBe(
      "2026-12-01T01:30:00.000Z",
    );
  });

  it("is at the end of the working day exactly, not inside it", () => {
    // At 17:30 local on Wednesday the day is over: Thursday's end.
    expect(nextWorkingDayEnd(hours, la, at("2026-11-26T01:30:00Z")).toISOString()).toBe(
      "2026-11-27T01:30:00.000Z",
    );
    expect(nextWorkingDayEnd(hours, la, at("2026-11-26T01:29:59Z")).toISOString()).toBe(
      "2026-11-26T01:30:00.000Z",
    );
  });

  it("uses the offset of the day it lands on, across DST changes", () => {
    // Friday 2026-03-27 18:00 in Berlin (UTC+1); Monday is UTC+2, so 17:30 is 15:30Z.
    expect(nextWorkingDayEnd(hours, "Europe/Berlin", at("2026-03-27T17:00:00Z")).toISOString()).toBe(
      "2026-03-30T15:30:00.000Z",
    );
    // Friday 2026-10-30 18:00 in New York (UTC-4); Monday is UTC-5, so 17:30 is 22:30Z.
    expect(nextWorkingDayEnd(hours, "America/New_York", at("2026-10-30T22:00:00Z")).toISOString()).toBe(
      "2026-11-02T22:30:00.000Z",
    );
  });

  it("is a day later without working days", () => {
    expect(nextWorkingDayEnd({ ...hours, days: [] }, la, at("2026-11-25T18:00:00Z")).toISOString()).toBe(
      "2026-11-26T18:00:00.000Z",
    );
  });

  it("is, for any week and zone, the end of the working period that starts next", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 4, max: 12 }),
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) }),
        (zone, days, startHour, length, when) => {
          const schedule = { days, start: clock(startHour), end: clock(startHour + length, 30) };
          const now = new Date(when);
          const end = nextWorkingDayEnd(schedule, zone, now);
          const start = nextWorkingStart(schedule, zone, now) as Date;
          expect(end.getTime()).toBeGreaterThan(start.getTime());
          expect(end.getTime()).toBeGreaterThan(when);
          // Working right up to the end, and not at it.
          expect(isWorkingAt(schedule, zone, new Date(end.getTime() - 1))).toBe(true);
          expect(isWorkingAt(schedule, zone, end)).toBe(false);
          expect(end.getTime() - start.getTime()).toBeLessThanOrEqual((length + 1) * hour + 30 * 60_000);
        },
      ),
    );
  });
});

describe("reachableAt", () => {
  it("is now when working and not away", () => {
    const now = at("2026-11-25T18:00:00Z");
    expect(reachableAt(hours, null, la, now)).toEqual(now);
    expect(reachableAt(hours, { from: "2026-12-21", until: "2026-12-24" }, la, now)).toEqual(now);
  });

  it("is the next morning in the evening, and Monday morning on a Friday evening", () => {
    // Wednesday 18:00 in Los Angeles: Thursday 09:00 (17:00Z).
    expect(reachableAt(hours, null, la, at("2026-11-26T02:00:00Z")).toISOString()).toBe(
      "2026-11-26T17:00:00.000Z",
    );
    // Friday 18:00: Monday 09:00.
    expect(reachableAt(hours, null, la, at("2026-11-28T02:00:00Z")).toISOString()).toBe(
      "2026-11-30T17:00:00.000Z",
    );
  });

  it("is the first working start after an away period the instant falls in", () => {
    // Away Monday to Wednesday; Tuesday 10:00 local: Thursday 09:00.
    expect(
      reachableAt(
        hours,
        { from: "2026-11-23", until: "2026-11-25" },
        la,
        at("2026-11-24T18:00:00Z"),
      ).toISOString(),
    ).toBe("2026-11-26T17:00:00.000Z");
    // Away until Friday: Monday 09:00.
    expect(
      reachableAt(
        hours,
        { from: "2026-11-23", until: "2026-11-27" },
        la,
        at("2026-11-25T18:00:00Z"),
      ).toISOString(),
    ).toBe("2026-11-30T17:00:00.000Z");
    // Away over a weekend, until Sunday: Monday 09:00.
    expect(
      reachableAt(
        hours,
        { from: "2026-11-28", until: "2026-11-29" },
        la,
        at("2026-11-29T20:00:00Z"),
      ).toISOString(),
    ).toBe("2026-11-30T17:00:00.000Z");
  });

  it("takes the away period's days in the person's zone", () => {
    // Away on Wednesday 2026-11-25 in Auckland (UTC+13): Tuesday 11:30Z is already Wednesday 00:30 there.
    const away = { from: "2026-11-25", until: "2026-11-25" };
    expect(reachableAt(hours, away, "Pacific/Auckland", at("2026-11-24T11:30:00Z")).toISOString()).toBe(
      // Thursday 09:00 in Auckland.
      "2026-11-25T20:00:00.000Z",
    );
  });

  it("does not answer a working start that falls inside an away period yet to begin", () => {
    // Friday 2026-11-27 18:00 in Los Angeles, away the coming Monday to Wednesday: Thursday 09:00.
    expect(
      reachableAt(
        hours,
        { from: "2026-11-30", until: "2026-12-02" },
        la,
        at("2026-11-28T02:00:00Z"),
      ).toISOString(),
    ).toBe("2026-12-03T17:00:00.000Z");
  });

  it("follows DST changes", () => {
    // Away until Sunday 2026-03-29 in Berlin, the day it moves to UTC+2: Monday 09:00 is 07:00Z.
    expect(
      reachableAt(
        hours,
        { from: "2026-03-23", until: "2026-03-29" },
        "Europe/Berlin",
        at("2026-03-27T12:00:00Z"),
      ).toISOString(),
    ).toBe("2026-03-30T07:00:00.000Z");
    // Away until Saturday 2026-03-07 in New York; DST starts Sunday: Monday 09:00 EDT is 13:00Z.
    expect(
      reachableAt(
        hours,
        { from: "2026-03-02", until: "2026-03-07" },
        "America/New_York",
        at("2026-03-05T15:00:00Z"),
      ).toISOString(),
    ).toBe("2026-03-09T13:00:00.000Z");
    // Working on Sundays from 02:30: that does not exist on 2026-03-08 in New York, so 03:30 EDT (07:30Z).
    const sundays = { days: [7], start: "02:30", end: "10:00" };
    expect(reachableAt(sundays, null, "America/New_York", at("2026-03-08T01:00:00Z")).toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    // From 01:30 on 2026-11-01, which happens twice: the first, EDT (05:30Z).
    const early = { days: [7], start: "01:30", end: "10:00" };
    expect(reachableAt(early, null, "America/New_York", at("2026-11-01T01:00:00Z")).toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    // In Berlin the autumn change is Sunday 2026-10-25: Friday 18:00 CEST (16:00Z) to Monday 09:00 CET (08:00Z).
    expect(reachableAt(hours, null, "Europe/Berlin", at("2026-10-23T16:00:00Z")).toISOString()).toBe(
      "2026-10-26T08:00:00.000Z",
    );
  });

  it("is now without working days, or the end of the away period when away", () => {
    const none = { ...hours, days: [] };
    const now = at("2026-11-25T03:00:00Z");
    expect(reachableAt(none, null, la, now)).toEqual(now);
    expect(reachableAt(none, { from: "2026-12-01", until: "2026-12-02" }, la, now)).toEqual(now);
    // Away Monday to Wednesday in Los Angeles: Thursday 00:00 local.
    expect(reachableAt(none, { from: "2026-11-23", until: "2026-11-25" }, la, now).toISOString()).toBe(
      "2026-11-26T08:00:00.000Z",
    );
  });

  it("is, for any week, away period and instant, no earlier than asked, at work and not away", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 14 * 24 }),
        (zone, days, startHour, awayStart, awayLength, offsetHours) => {
          const schedule = { days, start: clock(startHour), end: clock(startHour + 8) };
          const first = plainDate(2026, 3, 1 + awayStart);
          const away = { from: first, until: plainDate(2026, 3, 1 + awayStart + awayLength) };
          const now = new Date(Date.UTC(2026, 2, 1) + offsetHours * hour);
          const reach = reachableAt(schedule, away, zone, now);
          expect(reach.getTime()).toBeGreaterThanOrEqual(now.getTime());
          expect(isWorkingAt(schedule, zone, reach)).toBe(true);
          expect(isAwayAt(away, zone, reach)).toBe(false);
        },
      ),
    );
  });
});

/** YYYY-MM-DD of a day counted from the first of a month (days past its end roll over). */
function plainDate(year: number, month: number, dayOfMonth: number): string {
  return new Date(Date.UTC(year, month - 1, dayOfMonth)).toISOString().slice(0, 10);
}
