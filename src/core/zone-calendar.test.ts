import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  dateOfDay,
  dayOfDate,
  localDateOf,
  offsetAt,
  startOfDayMs,
  startOfLocalDate,
  weekdayOfDay,
} from "./zone-calendar";

const zones = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "America/Santiago",
  "Pacific/Chatham",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "America/St_Johns",
];

const temporalDate = (ms: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate().toString();

describe("localDateOf", () => {
  it("agrees with Temporal for any instant in any zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          expect(localDateOf(new Date(ms).toISOString(), zone)).toBe(temporalDate(ms, zone));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("agrees with Temporal on both sides of every transition of a year", () => {
    for (const zone of zones) {
      let zoned = Temporal.Instant.from("2026-01-01T00:00:00Z").toZonedDateTimeISO(zone);
      for (;;) {
        const next = zoned.getTimeZoneTransition("next");
        if (next === null || next.year > 2026) break;
        for (const ms of [next.epochMilliseconds - 1, next.epochMilliseconds]) {
          expect(localDateOf(new Date(ms).toISOString(), zone), `${zone} at ${ms}`).toBe(
            temporalDate(ms, zone),
          );
        }
        zoned = next;
      }
    }
  });

  it("reads the local date of Pacific/Chatham's and Asia/Kathmandu's odd offsets", () => {
    // 10:59 UTC is 23:44 in Chatham in winter (+12:45) and 00:44 the next day in summer (+13:45).
    expect(localDateOf("2026-07-01T10:59:00.000Z", "Pacific/Chatham")).toBe("2026-07-01");
    expect(localDateOf("2026-01-01T10:59:00.000Z", "Pacific/Chatham")).toBe("2026-01-02");
    // Kathmandu is +05:45 all year.
    expect(localDateOf("2026-03-01T18:14:59.999Z", "Asia/Kathmandu")).toBe("2026-03-01");
    expect(localDateOf("2026-03-01T18:15:00.000Z", "Asia/Kathmandu")).toBe("2026-03-02");
  });

  it("knows the first and last years a due may fall in", () => {
    expect(localDateOf("9999-12-31T23:00:00.000Z", "Europe/Berlin")).toBe(
      temporalDate(Date.parse("9999-12-31T23:00:00.000Z"), "Europe/Berlin"),
    );
    expect(localDateOf("0001-01-01T12:00:00.000Z", "Asia/Kathmandu")).toBe("0001-01-01");
  });
});

describe("offsetAt", () => {
  it("gives the summer and winter offsets of a zone with DST", () => {
    expect(offsetAt(Date.parse("2026-01-15T12:00:00Z"), "Europe/Berlin")).toBe(3_600_000);
    expect(offsetAt(Date.parse("2026-07-15T12:00:00Z"), "Europe/Berlin")).toBe(7_200_000);
  });
});

describe("day counts", () => {
  it("go back and forth between dates and days", () => {
    expect(dayOfDate("1970-01-01")).toBe(0);
    expect(dateOfDay(dayOfDate("2026-12-04"))).toBe("2026-12-04");
    expect(dateOfDay(dayOfDate("1969-12-31"))).toBe("1969-12-31");
  });

  it("name ISO weekdays", () => {
    expect(weekdayOfDay(dayOfDate("2026-12-07"))).toBe(1); // a Monday
    expect(weekdayOfDay(dayOfDate("2026-12-06"))).toBe(7);
    expect(weekdayOfDay(dayOfDate("1969-12-29"))).toBe(1);
  });
});

describe("startOfLocalDate", () => {
  it("is local midnight, or the first instant of a day whose midnight is skipped", () => {
    expect(startOfLocalDate("2026-03-02", "Asia/Kathmandu")).toBe("2026-03-01T18:15:00.000Z");
    // Santiago springs forward at midnight: 2026-09-06 begins at 01:00 local (-03:00).
    expect(startOfLocalDate("2026-09-06", "America/Santiago")).toBe("2026-09-06T04:00:00.000Z");
  });
});

describe("startOfDayMs", () => {
  it("agrees with Temporal for any day in any zone, gaps and overlaps included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOfDate("1990-01-01"), max: dayOfDate("2060-01-01") }),
        fc.constantFrom(...zones),
        (day, zone) => {
          expect(new Date(startOfDayMs(day, zone)).toISOString()).toBe(
            startOfLocalDate(dateOfDay(day), zone),
          );
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it("agrees with Temporal on the days around every transition of a year", () => {
    for (const zone of [...zones, "Asia/Beirut", "America/Havana", "Africa/Casablanca", "Asia/Gaza"]) {
      let zoned = Temporal.Instant.from("2025-01-01T00:00:00Z").toZonedDateTimeISO(zone);
      for (;;) {
        const next = zoned.getTimeZoneTransition("next");
        if (next === null || next.year > 2026) break;
        const day = dayOfDate(next.toPlainDate().toString());
        for (const near of [day - 1, day, day + 1]) {
          expect(new Date(startOfDayMs(near, zone)).toISOString(), `${zone} ${dateOfDay(near)}`).toBe(
            startOfLocalDate(dateOfDay(near), zone),
          );
        }
        zoned = next;
      }
    }
  });

  it("begins a day whose midnight is skipped when the clocks jump", () => {
    // Santiago springs forward at midnight: 2026-09-06 begins at 01:00 local (-03:00).
    expect(new Date(startOfDayMs(dayOfDate("2026-09-06"), "America/Santiago")).toISOString()).toBe(
      "2026-09-06T04:00:00.000Z",
    );
  });
});

describe("dayOfDate", () => {
  it("reads the first years of the calendar as they are", () => {
    expect(dateOfDay(dayOfDate("0001-01-01"))).toBe("0001-01-01");
    expect(dateOfDay(dayOfDate("0099-12-31"))).toBe("0099-12-31");
    expect(dayOfDate("0100-01-01") - dayOfDate("0099-12-31")).toBe(1);
  });
});
