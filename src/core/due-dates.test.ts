import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { dueInstant, isOverdue, isoWeekAround } from "./due-dates";

describe("dueInstant", () => {
  it("is the start of the next day in the owner's zone", () => {
    expect(dueInstant({ date: "2026-11-23" }, "Europe/Paris")).toBe("2026-11-23T23:00:00Z");
    expect(dueInstant({ date: "2026-11-23" }, "Asia/Kathmandu")).toBe("2026-11-23T18:15:00Z");
    expect(dueInstant({ date: "2026-11-23" }, "UTC")).toBe("2026-11-24T00:00:00Z");
  });

  it("follows the owner when their zone changes (a date floats)", () => {
    expect(dueInstant({ date: "2026-06-30" }, "America/New_York")).toBe("2026-07-01T04:00:00Z");
    expect(dueInstant({ date: "2026-06-30" }, "Asia/Tokyo")).toBe("2026-06-30T15:00:00Z");
  });

  it("keeps an instant fixed whatever the zone", () => {
    expect(dueInstant({ at: "2026-03-29T01:30:00Z" }, "Europe/Paris")).toBe("2026-03-29T01:30:00Z");
    expect(dueInstant({ at: "2026-03-29T01:30:00.000Z" }, "Pacific/Chatham")).toBe("2026-03-29T01:30:00Z");
  });

  it("falls due at the first instant that exists when local midnight is skipped", () => {
    // 2018-11-04 began at 01:00 in São Paulo: clocks jumped from 00:00 to 01:00.
    expect(dueInstant({ date: "2018-11-03" }, "America/Sao_Paulo")).toBe("2018-11-04T03:00:00Z");
  });

  it("handles a 30-minute shift (Lord Howe) and a repeated hour (an autumn overlap)", () => {
    // Lord Howe moves from +10:30 to +11 at 02:00 on 2026-10-04; midnight before it is still +10:30.
    expect(dueInstant({ date: "2026-10-03" }, "Australia/Lord_Howe")).toBe("2026-10-03T13:30:00Z");
    expect(dueInstant({ date: "2026-10-04" }, "Australia/Lord_Howe")).toBe("2026-10-04T13:00:00Z");
    // Paris repeats 02:00–03:00 on 2026-10-25; the following midnight is unambiguous at +01:00.
    expect(dueInstant({ date: "2026-10-25" }, "Europe/Paris")).toBe("2026-10-25T23:00:00Z");
  });

  const zones = [
    "UTC",
    "Europe/Paris",
    "America/Sao_Paulo",
    "America/Santiago",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "America/Havana",
    "Asia/Beirut",
  ];
  const dates = fc
    .date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2040-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10));

  it("is always the earliest instant of the next local day, in any zone and any year", () => {
    fc.assert(
      fc.property(dates, fc.constantFrom(...zones), (date, timeZone) => {
        const due = Temporal.Instant.from(dueInstant({ date }, timeZone));
        const nextDay = Temporal.PlainDate.from(date).add({ days: 1 });
        const localDate = (instant: Temporal.Instant) => instant.toZonedDateTimeISO(timeZone).toPlainDate();
        // It lies on the next day, and a moment earlier is still an earlier day.
        return (
          Temporal.PlainDate.compare(localDate(due), nextDay) === 0 &&
          Temporal.PlainDate.compare(localDate(due.subtract({ nanoseconds: 1 })), nextDay) < 0
        );
      }),
    );
  });
});

describe("isOverdue", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  it("is true from the due instant on, for open work only", () => {
    expect(isOverdue("2026-11-23T12:00:00Z", now, false)).toBe(true);
    expect(isOverdue("2026-11-23T12:00:01Z", now, false)).toBe(false);
    expect(isOverdue("2026-11-20T00:00:00Z", now, true)).toBe(false);
    expect(isOverdue(null, now, false)).toBe(false);
  });
});

describe("isoWeekAround", () => {
  it("runs Monday to Monday in the owner's zone", () => {
    // Sunday 2026-11-22 23:30 UTC is already Monday 2026-11-23 in Paris.
    const now = new Date("2026-11-22T23:30:00Z");
    expect(isoWeekAround(now, "Europe/Paris")).toEqual({
      start: "2026-11-22T23:00:00Z",
      end: "2026-11-29T23:00:00Z",
    });
    expect(isoWeekAround(now, "UTC")).toEqual({ start: "2026-11-16T00:00:00Z", end: "2026-11-23T00:00:00Z" });
  });

  it("is shorter or longer by the DST change it contains", () => {
    const week = isoWeekAround(new Date("2026-03-25T12:00:00Z"), "Europe/Paris");
    expect(Date.parse(week.end) - Date.parse(week.start)).toBe((7 * 24 - 1) * 3600_000);
  });

  it("gives the same week again for any instant inside it, and the next one after its end", () => {
    const week = isoWeekAround(new Date("2026-11-25T12:00:00Z"), "Asia/Kathmandu");
    expect(isoWeekAround(new Date(week.start), "Asia/Kathmandu")).toEqual(week);
    expect(isoWeekAround(new Date(Date.parse(week.end) - 1), "Asia/Kathmandu")).toEqual(week);
    expect(isoWeekAround(new Date(week.end), "Asia/Kathmandu").start).toBe(week.end);
  });
});
