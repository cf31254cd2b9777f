import { Badge } from "@mantine/core";
import type { CheckInStatus, GoalState } from "../../contract";
import { CHECK_IN_COLORS, CHECK_IN_LABELS, GOAL_STATE_COLORS, GOAL_STATE_LABELS } from "./goalStates";

export function GoalStateBadge({ state }: { state: GoalState }) {
  return (
    <Badge variant="light" color={GOAL_STATE_COLORS[state]} radius="sm" tt="none">
      {GOAL_STATE_LABELS[state]}
    </Badge>
  );
}

export function CheckInBadge({ status }: { status: CheckInStatus }) {
  return (
    <Badge variant="dot" color={CHECK_IN_COLORS[status]} radius="sm" tt="none">
      {CHECK_IN_LABELS[status]}
    </Badge>
  );
}
