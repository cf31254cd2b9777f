import { useQueries, useQuery } from "@tanstack/react-query";
import type { Goal, GoalsQuery } from "../../contract";
import { isApiError } from "../api/errors";
import { personGoalsQuery } from "../api/goals";
import { peopleQuery } from "../api/people";
import type { OwnersGoals } from "./goalOptions";

/** What the goals of several people read as, each under its owner's name. */
export interface OwnersGoalsRead {
  owners: (OwnersGoals & { ownerId: string; goals: Goal[] })[];
  goals: Goal[];
  isPending: boolean;
  error: unknown;
}

/**
 * The goals of each of `ownerIds` that I may see (`enabled` false reads nothing yet). A person none
 * of whose goals I may see (404) has none here.
 */
export function useOwnersGoals(
  ownerIds: readonly string[],
  state: GoalsQuery["state"],
  enabled = true,
): OwnersGoalsRead {
  const people = useQuery({ ...peopleQuery, enabled });
  const lists = useQueries({
    queries: ownerIds.map((ownerId) => ({ ...personGoalsQuery(ownerId, state), enabled })),
  });
  const nameOf = (id: string) => people.data?.find((person) => person.id === id)?.name ?? "Someone";
  const owners = ownerIds.map((ownerId, index) => ({
    ownerId,
    ownerName: nameOf(ownerId),
    goals: lists[index]?.data ?? [],
  }));
  const failed = lists.find((list) => list.isError && !isApiError(list.error, 404));
  return {
    owners,
    goals: owners.flatMap((owner) => owner.goals),
    isPending: enabled && (people.isPending || lists.some((list) => list.isPending)),
    error: failed?.error ?? null,
  };
}
