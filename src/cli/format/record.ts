import type { Record } from "../../contract/record";
import { fitTable } from "./columns";
import type { Paint } from "./style";

/** How many of the latest weeks the summary shows. */
export const weeksShown = 4;

const percent = (rate: number | null) =>
  rate === null ? "no on-time rate yet" : `${Math.round(rate * 100)}% on time`;

/** A record in a few lines: the period, the summary, then the latest weeks. */
export function recordLines(record: Record, name: string, width: number, paint: Paint): string[] {
  const s = record.summary;
  const lines = [
    `${paint(["bold"], `${name}'s record`)}, ${record.from} to ${record.to} (${record.timeZone})`,
    `Completed ${s.completed}: ${s.completedOnTime} on time, ${s.completedLate} late, ${s.completedWithoutDue} without a due; ${percent(s.onTimeRate)}`,
    `Dropped ${s.dropped}, slipped ${s.slipped}; requests ${s.requestsCompleted} of ${s.requestsReceived} completed; ${
      s.medianDaysToComplete === null ? "no median yet" : `median ${s.medianDaysToComplete} days to complete`
    }`,
  ];
  const weeks = record.weeks.slice(-weeksShown);
  if (weeks.length === 0) return lines;
  const rows = weeks.map((week) => [
    { text: `week of ${week.weekStart}` },
    { text: `${week.completed} completed`, style: week.completed > 0 ? (["green"] as const) : [] },
    { text: `${week.onTime} on time` },
    { text: `${week.late} late`, style: week.late > 0 ? (["red"] as const) : [] },
    { text: `${week.dropped} dropped` },
  ]);
  return [
    ...lines,
    "Latest weeks:",
    ...fitTable(rows, [{}, {}, {}, {}, {}], width - 2, paint).map((l) => `  ${l}`),
  ];
}
