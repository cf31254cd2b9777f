import { describe, expect, it } from "vitest";
import { plateLoad } from "./plate-load";

describe("plateLoad", () => {
  // Wednesday 2026-11-25 10:00 in Auckland (+13) is 2026-11-24T21:00Z.
  const now = new Date("2026-11-24T21:00:00Z");

  it("counts open work, this week's dues in the owner's zone, overdue and triage", () => {
    const dueAts = [
      null,
      "2026-11-24T20:00:00Z", // an hour ago: overdue and this week
      "2026-11-24T21:00:00Z", // exactly now: overdue
      "2026-11-29T10:59:59Z", // Sunday 23:59:59 in Auckland: this week
      "2026-11-29T11:00:00Z", // Monday 00:00 in Auckland, the end of Sunday (a date due on Sunday): this week
      "2026-11-29T11:00:01Z", // just after: next week
      "2026-11-22T11:00:00Z", // this Monday 00:00, the end of last Sunday: last week, overdue
      "2026-11-22T10:00:00Z", // Sunday before, Auckland: last week, overdue
    ];
    expect(plateLoad(dueAts, 4, now, "Pacific/Auckland")).toEqual({
      open: 8,
      dueThisWeek: 4,
      overdue: 4,
      triage: 4,
    });
  });

  it("draws the week where the owner is, not where the server is", () => {
    const dueAt = ["2026-11-29T20:00:00Z"]; // Sunday noon in Los Angeles, Monday 09:00 in Auckland
    expect(plateLoad(dueAt, 0, now, "America/Los_Angeles").dueThisWeek).toBe(1);
    expect(plateLoad(dueAt, 0, now, "Pacific/Auckland").dueThisWeek).toBe(0);
  });

  it("is all zeros for an empty plate", () => {
    expect(plateLoad([], 0, now, "UTC")).toEqual({ open: 0, dueThisWeek: 0, overdue: 0, triage: 0 });
  });
});
