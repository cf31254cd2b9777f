import type { RecordSummary } from "../../contract";
import { formatPercent } from "../record/percent";

/** A report's quarter in two short figures: what they completed, and how much of it on time. */
export function quarterFigures(summary: Pick<RecordSummary, "completed" | "onTimeRate">): {
  completed: string;
  onTime: string;
} {
  return {
    completed: `${summary.completed} completed this quarter`,
    onTime: summary.onTimeRate === null ? "No due dates yet" : `${formatPercent(summary.onTimeRate)} on time`,
  };
}
