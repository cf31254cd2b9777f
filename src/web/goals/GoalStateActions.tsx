import { Button, Group } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Goal, GoalState } from "../../contract";
import { errorMessage } from "../api/errors";
import { invalidateGoals, updateGoal } from "../api/goals";
import { queryKeys } from "../api/queryKeys";
import { overtakenBy } from "../components/OvertakenAlert";
import { stateChanges } from "./goalStates";

interface GoalStateActionsProps {
  goal: Goal;
  /** Says why a change did not go through (someone else changed the goal first, or it failed). */
  onProblem: (message: string | null) => void;
}

/** Ends an active goal (achieved, missed, dropped) or reopens an ended one, at the version shown. */
export function GoalStateActions({ goal, onProblem }: GoalStateActionsProps) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<GoalState | null>(null);

  const change = async (to: GoalState) => {
    onProblem(null);
    setPending(to);
    try {
      const updated = await updateGoal(goal.id, { version: goal.version, state: to });
      queryClient.setQueryData(queryKeys.goal(updated.id), updated);
      await invalidateGoals(queryClient);
    } catch (error) {
      const current = overtakenBy<Goal>(error);
      if (current) {
        queryClient.setQueryData(queryKeys.goal(current.id), current);
        void invalidateGoals(queryClient);
        onProblem(
          "Someone else just changed this goal, so nothing was done. You are looking at the latest now.",
        );
      } else {
        onProblem(errorMessage(error));
      }
    } finally {
      setPending(null);
    }
  };

  return (
    <Group gap="xs">
      {stateChanges(goal.state).map((option) => (
        <Button
          key={option.to}
          size="xs"
          variant={option.to === "achieved" ? "light" : "default"}
          color={option.to === "achieved" ? "teal" : undefined}
          loading={pending === option.to}
          disabled={pending !== null && pending !== option.to}
          onClick={() => void change(option.to)}
        >
          {option.label}
        </Button>
      ))}
    </Group>
  );
}
