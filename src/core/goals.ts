/**
 * Goals as pure rules: how far their parents may reach, and how their progress is counted from the
 * tasks that work towards them.
 */

/**
 * The most goals in one line from a goal up through its parents: a company's goal, a department's,
 * a team's, a person's, and two more levels to spare. Every line stays within it, so reading a goal's
 * ancestry never reads more than this many goals.
 */
export const maxGoalLevels = 6;

/** Why a goal may not take a parent: it would sit above itself, or the line would grow too long. */
export type ParentProblem = "own_ancestor" | "too_deep";

/**
 * Whether a goal may take the first goal of `parentLine` as its parent. `parentLine` is that parent
 * and the goals above it, nearest first (as read, at most `maxGoalLevels` of them); `levels` counts
 * the goal itself and the longest line of goals below it (1 when no goal supports it, as for a new
 * goal, whose `goalId` is null). Null when the parent is fine.
 */
export function parentProblem(
  goalId: string | null,
  parentLine: readonly string[],
  levels: number,
): ParentProblem | null {
  if (goalId !== null && parentLine.includes(goalId)) return "own_ancestor";
  return parentLine.length + levels > maxGoalLevels ? "too_deep" : null;
}

export type CountedState = "triage" | "open" | "in_progress" | "done" | "dropped";

export interface Progress {
  done: number;
  total: number;
}

/**
 * A goal's progress from how many of its tasks are in each state: done ones out of all of them,
 * where dropped tasks count in neither.
 */
export function progressOf(counts: Iterable<{ state: CountedState; count: number }>): Progress {
  let done = 0;
  let total = 0;
  for (const { state, count } of counts) {
    if (state === "dropped") continue;
    total += count;
    if (state === "done") done += count;
  }
  return { done, total };
}
