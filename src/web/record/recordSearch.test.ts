import { describe, expect, it } from "vitest";
import { parseRecordSearch, periodOfSearch, searchFor } from "./recordSearch";

describe("parseRecordSearch", () => {
  it("keeps a known period and leaves out the default", () => {
    expect(parseRecordSearch({ period: "last-quarter" })).toEqual({ period: "last-quarter" });
    expect(parseRecordSearch({ period: "last-12-months" })).toEqual({});
    expect(parseRecordSearch({ period: "forever" })).toEqual({});
  });

  it("keeps custom dates only when both are real dates", () => {
    expect(parseRecordSearch({ period: "custom", from: "2026-01-01", to: "2026-03-31" })).toEqual({
      period: "custom",
      from: "2026-01-01",
      to: "2026-03-31",
    });
    expect(parseRecordSearch({ period: "custom", from: "2026-01-01" })).toEqual({});
    expect(parseRecordSearch({ period: "custom", from: "2026-02-30", to: "2026-03-31" })).toEqual({});
  });

  it("ignores dates given with a named period", () => {
    expect(parseRecordSearch({ period: "this-quarter", from: "2026-01-01", to: "2026-03-31" })).toEqual({
      period: "this-quarter",
    });
  });
});

describe("periodOfSearch", () => {
  it("reads the dates of the period asked for, the last 12 months by default", () => {
    expect(periodOfSearch({}, "2026-05-10")).toEqual({ from: "2025-05-11", to: "2026-05-10" });
    expect(periodOfSearch({ period: "this-quarter" }, "2026-05-10")).toEqual({
      from: "2026-04-01",
      to: "2026-05-10",
    });
    expect(periodOfSearch({ period: "custom", from: "2024-01-01", to: "2024-06-30" }, "2026-05-10")).toEqual({
      from: "2024-01-01",
      to: "2024-06-30",
    });
  });
});

describe("searchFor", () => {
  it("writes custom dates into the address, and nothing for the default", () => {
    const dates = { from: "2026-01-01", to: "2026-02-01" };
    expect(searchFor("custom", dates)).toEqual({ period: "custom", ...dates });
    expect(searchFor("last-6-months", dates)).toEqual({ period: "last-6-months" });
    expect(searchFor("last-12-months", dates)).toEqual({});
  });
});
