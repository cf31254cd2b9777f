import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  addDays,
  customPeriodProblem,
  isLocalDate,
  periodFor,
  quarterOf,
  startOfQuarter,
  subtractMonths,
} from "./period";

describe("periodFor", () => {
  it("runs this quarter from its first day to today", () => {
    expect(periodFor("this-quarter", "2026-05-10")).toEqual({ from: "2026-04-01", to: "2026-05-10" });
    expect(periodFor("this-quarter", "2026-01-01")).toEqual({ from: "2026-01-01", to: "2026-01-01" });
    expect(periodFor("this-quarter", "2026-12-31")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
  });

  it("takes the whole quarter before as last quarter, across the turn of the year", () => {
    expect(periodFor("last-quarter", "2026-05-10")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(periodFor("last-quarter", "2026-02-14")).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(periodFor("last-quarter", "2026-09-30")).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(periodFor("last-quarter", "2026-10-01")).toEqual({ from: "2026-07-01", to: "2026-09-30" });
  });

  it("counts the last months up to and including today", () => {
    expect(periodFor("last-6-months", "2026-05-10")).toEqual({ from: "2025-11-11", to: "2026-05-10" });
    expect(periodFor("last-12-months", "2026-05-10")).toEqual({ from: "2025-05-11", to: "2026-05-10" });
    expect(periodFor("last-6-months", "2026-08-31")).toEqual({ from: "2026-03-01", to: "2026-08-31" });
  });

  it("makes the last 12 months a year of days, 366 of them when a February 29 falls inside", () => {
    const days = (period: { from: string; to: string }) =>
      Temporal.PlainDate.from(period.from).until(Temporal.PlainDate.from(period.to)).days + 1;
    expect(days(periodFor("last-12-months", "2026-05-10"))).toBe(365);
    expect(days(periodFor("last-12-months", "2028-05-10"))).toBe(366);
  });
});

describe("calendar arithmetic", () => {
  it("agrees with Temporal on every day of two years", () => {
    let date = Temporal.PlainDate.from("2027-01-01");
    const end = Temporal.PlainDate.from("2029-01-01");
    while (Temporal.PlainDate.compare(date, end) < 0) {
      const text = date.toString();
      expect(addDays(text, 1)).toBe(date.add({ days: 1 }).toString());
      expect(addDays(text, -40)).toBe(date.subtract({ days: 40 }).toString());
      expect(subtractMonths(text, 6), text).toBe(date.subtract({ months: 6 }).toString());
      expect(subtractMonths(text, 12), text).toBe(date.subtract({ years: 1 }).toString());
      expect(subtractMonths(text, -60), text).toBe(date.add({ years: 5 }).toString());
      const quarterStart = date.with({ month: Math.floor((date.month - 1) / 3) * 3 + 1, day: 1 });
      expect(startOfQuarter(text)).toBe(quarterStart.toString());
      date = date.add({ days: 1 });
    }
  });

  it("names calendar quarters", () => {
    expect(quarterOf("2026-03-31")).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf("2026-04-01")).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf("2026-12-31")).toEqual({ year: 2026, quarter: 4 });
  });
});

describe("isLocalDate", () => {
  it("takes real calendar dates only", () => {
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2026-13-01")).toBe(false);
    expect(isLocalDate("2026-5-1")).toBe(false);
    expect(isLocalDate("")).toBe(false);
    expect(isLocalDate("0002-05-10")).toBe(false);
    expect(isLocalDate(20260501)).toBe(false);
  });
});

describe("customPeriodProblem", () => {
  it("accepts a period of one day up to five years", () => {
    expect(customPeriodProblem({ from: "2026-05-10", to: "2026-05-10" })).toBeNull();
    expect(customPeriodProblem({ from: "2021-05-11", to: "2026-05-10" })).toBeNull();
  });

  it("refuses a first day after the last, and a period longer than five years", () => {
    expect(customPeriodProblem({ from: "2026-05-11", to: "2026-05-10" })).toMatch(/first day comes after/);
    expect(customPeriodProblem({ from: "2021-05-10", to: "2026-05-10" })).toMatch(/at most 5 years/);
  });
});
