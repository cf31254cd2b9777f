import type { RecordWeek } from "../../contract";
import { asPercentage } from "./percent";
import { countOf } from "./wording";

/** One bar group of the weekly chart. */
export interface ChartWeek {
  weekStart: string;
  onTime: number;
  late: number;
  withoutDue: number;
  /** Share of the week's completions with a due that were on time, 0–100; null when there were none. */
  onTimePercent: number | null;
}

export function chartWeeks(weeks: readonly RecordWeek[]): ChartWeek[] {
  return weeks.map((week) => {
    const judged = week.onTime + week.late;
    return {
      weekStart: week.weekStart,
      onTime: week.onTime,
      late: week.late,
      withoutDue: week.withoutDue,
      onTimePercent: judged === 0 ? null : asPercentage(week.onTime / judged),
    };
  });
}

export interface WeekTotals {
  completed: number;
  onTime: number;
  late: number;
  withoutDue: number;
}

export function weekTotals(weeks: readonly RecordWeek[]): WeekTotals {
  const totals: WeekTotals = { completed: 0, onTime: 0, late: 0, withoutDue: 0 };
  for (const week of weeks) {
    totals.completed += week.completed;
    totals.onTime += week.onTime;
    totals.late += week.late;
    totals.withoutDue += week.withoutDue;
  }
  return totals;
}

/** What the chart shows, for those who cannot see it. */
export function chartDescription(weeks: readonly RecordWeek[]): string {
  const totals = weekTotals(weeks);
  return (
    `Completions per week over ${countOf(weeks.length, "week")}: ${totals.completed} completed, ` +
    `${totals.onTime} on time, ${totals.late} late, ${totals.withoutDue} without a due date`
  );
}

const weekFormat = new Intl.DateTimeFormat(undefined, { timeZone: "UTC", month: "short", day: "numeric" });

/** "Mar 2" for the week starting `2026-03-02`. */
export function weekLabel(weekStart: string): string {
  const [year = 1970, month = 1, day = 1] = weekStart.split("-").map(Number);
  return weekFormat.format(Date.UTC(year, month - 1, day));
}
