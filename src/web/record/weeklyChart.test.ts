import { describe, expect, it } from "vitest";
import type { RecordWeek } from "../../contract";
import { chartDescription, chartWeeks, weekLabel, weekTotals } from "./weeklyChart";

const week = (weekStart: string, onTime: number, late: number, withoutDue: number): RecordWeek => ({
  weekStart,
  completed: onTime + late + withoutDue,
  onTime,
  late,
  withoutDue,
  dropped: 0,
});

const weeks = [week("2026-03-02", 2, 1, 1), week("2026-03-09", 0, 0, 2), week("2026-03-16", 0, 0, 0)];

describe("chartWeeks", () => {
  it("gives each week its bars and its on-time share, null where nothing with a due was completed", () => {
    expect(chartWeeks(weeks)).toEqual([
      { weekStart: "2026-03-02", onTime: 2, late: 1, withoutDue: 1, onTimePercent: 66.7 },
      { weekStart: "2026-03-09", onTime: 0, late: 0, withoutDue: 2, onTimePercent: null },
      { weekStart: "2026-03-16", onTime: 0, late: 0, withoutDue: 0, onTimePercent: null },
    ]);
  });
});

describe("chartDescription", () => {
  it("adds the weeks up", () => {
    expect(weekTotals(weeks)).toEqual({ completed: 6, onTime: 2, late: 1, withoutDue: 3 });
    expect(chartDescription(weeks)).toBe(
      "Completions per week over 3 weeks: 6 completed, 2 on time, 1 late, 3 without a due date",
    );
  });
});

describe("weekLabel", () => {
  it("names the Monday a week starts on", () => {
    expect(weekLabel("2026-03-02")).toMatch(/Mar.*2/);
  });
});
