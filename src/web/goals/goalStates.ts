import type { CheckInStatus, GoalState } from "../../contract";

export const GOAL_STATE_LABELS: Record<GoalState, string> = {
  active: "Active",
  achieved: "Achieved",
  missed: "Missed",
  dropped: "Dropped",
};

export const GOAL_STATE_COLORS: Record<GoalState, string> = {
  active: "blue",
  achieved: "teal",
  missed: "orange",
  dropped: "gray",
};

export const CHECK_IN_LABELS: Record<CheckInStatus, string> = {
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
};

export const CHECK_IN_COLORS: Record<CheckInStatus, string> = {
  on_track: "teal",
  at_risk: "yellow",
  off_track: "red",
};

/** A change of state a goal's page offers, in the words of its button. */
export interface StateChange {
  to: GoalState;
  label: string;
}

/** An active goal ends achieved, missed or dropped; an ended one may be reopened. */
export function stateChanges(state: GoalState): StateChange[] {
  if (state !== "active") return [{ to: "active", label: "Reopen" }];
  return [
    { to: "achieved", label: "Mark achieved" },
    { to: "missed", label: "Mark missed" },
    { to: "dropped", label: "Drop" },
  ];
}

/** Goals in the order a list shows them: active first, then the rest, each soonest due first. */
export function byStateAndDue<T extends { state: GoalState; due: { date: string } | null }>(
  goals: readonly T[],
): T[] {
  const rank = (goal: T) => (goal.state === "active" ? 0 : 1);
  const due = (goal: T) => goal.due?.date ?? "9999-12-31";
  return [...goals].sort((a, b) => rank(a) - rank(b) || due(a).localeCompare(due(b)));
}
