import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { dueInstantOfDate, dueInViewerZone, dueStatus, nextLocalDate, startOfZonedDay, todayIn } from "./due";

const temporalDayStart = (date: string, timeZone: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;

describe("startOfZonedDay", () => {
  it.each([
    ["2026-03-14", "UTC", "2026-03-14T00:00:00.000Z"],
    ["2026-03-14", "Asia/Tokyo", "2026-03-13T15:00:00.000Z"],
    ["2026-07-01", "America/New_York", "2026-07-01T04:00:00.000Z"],
    ["2026-01-01", "Asia/Kathmandu", "2025-12-31T18:15:00.000Z"],
    ["2026-04-05", "Pacific/Chatham", "2026-04-04T10:15:00.000Z"],
  ])("begins %s in %s at %s", (date, zone, expected) => {
    expect(new Date(startOfZonedDay(date, zone)).toISOString()).toBe(expected);
  });

  it("starts a day whose midnight is skipped at the first instant that exists", () => {
    // Santiago moves its clocks from 00:00 to 01:00 on the first Sunday of September.
    const start = startOfZonedDay("2026-09-06", "America/Santiago");
    expect(start).toBe(temporalDayStart("2026-09-06", "America/Santiago"));
    expect(new Date(start).toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });

  it("agrees with Temporal over every day of a year in zones with odd offsets and DST", () => {
    const zones = [
      "Europe/Paris",
      "America/Santiago",
      "Australia/Lord_Howe",
      "America/Havana",
      "Asia/Tehran",
    ];
    for (const zone of zones) {
      let date = "2026-01-01";
      while (date < "2027-01-01") {
        expect(startOfZonedDay(date, zone), `${date} in ${zone}`).toBe(temporalDayStart(date, zone));
        date = nextLocalDate(date);
      }
    }
  });
});

describe("due dates", () => {
  it("fall due when the next day begins in the owner's zone", () => {
    expect(new Date(dueInstantOfDate("2026-12-31", "Europe/Paris")).toISOString()).toBe(
      "2026-12-31T23:00:00.000Z",
    );
  });

  it("say what the owner's end of day is on the viewer's clock, only when the clocks differ", () => {
    expect(dueInViewerZone("2026-03-14", "Europe/Paris", "Europe/Berlin")).toBeNull();
    expect(dueInViewerZone("2026-03-14", "Asia/Tokyo", "UTC")).toMatch(/Mar 14.*3:00/);
  });

  it("know today's date in a zone", () => {
    const now = Date.parse("2026-03-14T20:00:00Z");
    expect(todayIn("Asia/Tokyo", now)).toBe("2026-03-15");
    expect(todayIn("America/Los_Angeles", now)).toBe("2026-03-14");
  });
});

describe("dueStatus", () => {
  const now = Date.parse("2026-03-14T12:00:00Z");
  const open = (dueAt: string | null) => ({ dueAt, state: "open" as const });

  it("marks open work overdue from its due instant on, and due soon within the next 24 hours", () => {
    expect(dueStatus(open("2026-03-14T12:00:00Z"), now)).toBe("overdue");
    expect(dueStatus(open("2026-03-15T11:59:00Z"), now)).toBe("soon");
    expect(dueStatus(open("2026-03-15T12:00:01Z"), now)).toBe("later");
    expect(dueStatus(open(null), now)).toBeNull();
  });

  it("never marks finished work", () => {
    expect(dueStatus({ dueAt: "2026-03-01T00:00:00Z", state: "done" }, now)).toBeNull();
    expect(dueStatus({ dueAt: "2026-03-01T00:00:00Z", state: "dropped" }, now)).toBeNull();
  });
});
