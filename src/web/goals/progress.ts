import type { GoalProgress } from "../../contract";

/** How far a goal has come, in percent of its tasks done (0 while it has none). */
export function progressPercent(progress: GoalProgress): number {
  if (progress.total === 0) return 0;
  return Math.round((progress.done / progress.total) * 100);
}

/** "2 / 5 tasks done", "No tasks yet" while no work is linked to it. */
export function progressLabel(progress: GoalProgress): string {
  if (progress.total === 0) return "No tasks yet";
  return `${progress.done} / ${progress.total} ${progress.total === 1 ? "task" : "tasks"} done`;
}

/** "2 more on plates you cannot see": tasks counted in the progress but not listed; null for none. */
export function hiddenTasksLine(hidden: number): string | null {
  if (hidden === 0) return null;
  return `${hidden} more on ${hidden === 1 ? "a plate" : "plates"} you cannot see`;
}
