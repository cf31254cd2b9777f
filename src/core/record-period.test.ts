import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { periodInstants, quarterToDate, recordPeriod } from "./record-period";

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("recordPeriod", () => {
  it("defaults to the last 365 days, today included", () => {
    expect(recordPeriod({}, "2026-12-04")).toEqual({ from: "2025-12-05", to: "2026-12-04" });
    expect(recordPeriod({ to: "2024-03-01" }, "2026-12-04")).toEqual({
      from: "2023-03-03",
      to: "2024-03-01",
    });
    expect(recordPeriod({ from: "2026-10-01" }, "2026-12-04")).toEqual({
      from: "2026-10-01",
      to: "2026-12-04",
    });
  });

  it("takes one day, and up to a day short of five years", () => {
    expect(recordPeriod({ from: "2026-06-01", to: "2026-06-01" }, "2026-12-04")).toEqual({
      from: "2026-06-01",
      to: "2026-06-01",
    });
    expect(recordPeriod({ from: "2021-12-05", to: "2026-12-04" }, "2026-12-04").from).toBe("2021-12-05");
  });

  it("refuses a start after the end, naming both fields", () => {
    const error = refusal(() => recordPeriod({ from: "2026-06-02", to: "2026-06-01" }, "2026-12-04"));
    expect(error.status).toBe(400);
    expect(error.details.errors?.map((issue) => issue.path)).toEqual(["querystring.from", "querystring.to"]);
  });

  it("refuses five years or more", () => {
    const error = refusal(() => recordPeriod({ from: "2021-12-04", to: "2026-12-04" }, "2026-12-04"));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/at most 5 years/);
    // A start in the future with no end is after today.
    expect(refusal(() => recordPeriod({ from: "2027-01-01" }, "2026-12-04")).status).toBe(400);
  });
});

describe("periodInstants", () => {
  it("spans the period's days in the person's zone", () => {
    expect(periodInstants({ from: "2026-03-01", to: "2026-03-31" }, "Asia/Kathmandu")).toEqual({
      start: "2026-02-28T18:15:00.000Z",
      end: "2026-03-31T18:15:00.000Z",
    });
  });

  it("ends with the last instant the API spells when the period reaches year 9999", () => {
    expect(periodInstants({ from: "9999-12-01", to: "9999-12-31" }, "America/New_York").end).toBe(
      "9999-12-31T23:59:59.999Z",
    );
  });
});

describe("quarterToDate", () => {
  it("runs from the quarter's first day to today", () => {
    expect(quarterToDate("2026-12-04")).toEqual({ from: "2026-10-01", to: "2026-12-04" });
    expect(quarterToDate("2026-01-01")).toEqual({ from: "2026-01-01", to: "2026-01-01" });
    expect(quarterToDate("2026-06-30")).toEqual({ from: "2026-04-01", to: "2026-06-30" });
  });
});
