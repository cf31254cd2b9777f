import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import type {
  CheckIn,
  CheckInPage,
  CreateCheckIn,
  CreateGoal,
  Goal,
  GoalList,
  GoalsQuery,
  GoalTasks,
  UpdateGoal,
} from "../../contract";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

const goalPath = (id: string) => `/api/v1/goals/${encodeURIComponent(id)}`;

/** Check-ins read a page at a time. */
export const CHECK_INS_PAGE_SIZE = 20;

/** A person's goals that I may see, active first. */
export const personGoalsQuery = (personId: string, state: GoalsQuery["state"] = "all") =>
  queryOptions({
    queryKey: queryKeys.personGoals(personId, state),
    queryFn: async () =>
      (
        await apiFetch<GoalList>(
          `/api/v1/people/${encodeURIComponent(personId)}/goals?${new URLSearchParams({ state })}`,
        )
      ).items,
  });

export const goalQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.goal(id),
    queryFn: () => apiFetch<Goal>(goalPath(id)),
  });

/** A goal's check-ins, newest first, a page at a time. */
export const goalCheckInsQuery = (id: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.goalCheckIns(id),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(CHECK_INS_PAGE_SIZE) });
      if (pageParam) query.set("cursor", pageParam);
      return apiFetch<CheckInPage>(`${goalPath(id)}/check-ins?${query}`);
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last): string | undefined => last.nextCursor,
  });

/** A goal's tasks across plates, those I may see listed and the others counted. */
export const goalTasksQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.goalTasks(id),
    queryFn: () => apiFetch<GoalTasks>(`${goalPath(id)}/tasks`),
  });

export function createGoal(input: CreateGoal): Promise<Goal> {
  return apiFetch<Goal>("/api/v1/goals", { method: "POST", body: input });
}

export function updateGoal(id: string, input: UpdateGoal): Promise<Goal> {
  return apiFetch<Goal>(goalPath(id), { method: "PATCH", body: input });
}

export function checkIn(goalId: string, input: CreateCheckIn): Promise<CheckIn> {
  return apiFetch<CheckIn>(`${goalPath(goalId)}/check-ins`, { method: "POST", body: input });
}

/** Reads every goal view again: lists show progress and the latest check-in of each goal. */
export function invalidateGoals(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.goals });
}
