import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import type {
  AcceptTask,
  CreateTask,
  DeclineTask,
  HistoryPage,
  MoveTask,
  Plate,
  PlateState,
  Task,
  TeamMember,
  UpdateTask,
} from "../../contract";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

const taskPath = (id: string) => `/api/v1/tasks/${encodeURIComponent(id)}`;
const personPath = (id: string) => `/api/v1/people/${encodeURIComponent(id)}`;

/** One list of a person's plate with its load: open tasks come in position order. */
export const plateQuery = (ownerId: string, state: PlateState = "open") =>
  queryOptions({
    queryKey: queryKeys.plate(ownerId, state),
    queryFn: () => apiFetch<Plate>(`${personPath(ownerId)}/tasks?state=${state}`),
  });

/** One list of a person's plate, only the tasks that work towards a goal. */
export const goalPlateQuery = (ownerId: string, state: PlateState, goalId: string) =>
  queryOptions({
    queryKey: queryKeys.goalPlate(ownerId, state, goalId),
    queryFn: () => apiFetch<Plate>(`${personPath(ownerId)}/tasks?${new URLSearchParams({ state, goalId })}`),
  });

/** A manager's direct reports, each with their load and the top of their plate. */
export const teamQuery = (managerId: string, top = 3) =>
  queryOptions({
    queryKey: queryKeys.team(managerId),
    queryFn: async () =>
      (await apiFetch<{ items: TeamMember[] }>(`${personPath(managerId)}/team?top=${top}`)).items,
  });

export const taskQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.task(id),
    queryFn: () => apiFetch<Task>(taskPath(id)),
  });

/** Triage tasks read a page at a time. */
export const TRIAGE_PAGE_SIZE = 25;
/** History entries read a page at a time. */
export const HISTORY_PAGE_SIZE = 50;

/** `?limit=…&cursor=…`: a page of a list, from where the page before ended. */
function pageQuery(limit: number, cursor: string | undefined, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...extra, limit: String(limit) });
  if (cursor) query.set("cursor", cursor);
  return query.toString();
}

/** A person's triage, oldest first, a page at a time: each next page starts where the last one ended. */
export const triagePagesQuery = (ownerId: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.triagePages(ownerId),
    queryFn: ({ pageParam }) =>
      apiFetch<Plate>(
        `${personPath(ownerId)}/tasks?${pageQuery(TRIAGE_PAGE_SIZE, pageParam, { state: "triage" })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last): string | undefined => last.nextCursor,
  });

/** A task's history, oldest first, a page at a time. */
export const taskHistoryQuery = (id: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.taskHistory(id),
    queryFn: ({ pageParam }) =>
      apiFetch<HistoryPage>(`${taskPath(id)}/history?${pageQuery(HISTORY_PAGE_SIZE, pageParam)}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last): string | undefined => last.nextCursor,
  });

export function createTask(ownerId: string, input: CreateTask): Promise<Task> {
  return apiFetch<Task>(`${personPath(ownerId)}/tasks`, { method: "POST", body: input });
}

export function updateTask(id: string, input: UpdateTask): Promise<Task> {
  return apiFetch<Task>(taskPath(id), { method: "PATCH", body: input });
}

export function moveTask(id: string, input: MoveTask): Promise<Task> {
  return apiFetch<Task>(`${taskPath(id)}/move`, { method: "POST", body: input });
}

export function acceptTask(id: string, input: AcceptTask): Promise<Task> {
  return apiFetch<Task>(`${taskPath(id)}/accept`, { method: "POST", body: input });
}

export function declineTask(id: string, input: DeclineTask): Promise<Task> {
  return apiFetch<Task>(`${taskPath(id)}/decline`, { method: "POST", body: input });
}

/**
 * Refreshes everything that shows a task: every list of its owner's plate, the team views its owner
 * appears on, their record and their team's quarter figures, the goals whose progress it counts in,
 * the task itself and its history.
 */
export function invalidateTaskViews(
  queryClient: QueryClient,
  change: { ownerId: string; taskId?: string },
): Promise<void> {
  const keys: readonly (readonly string[])[] = [
    queryKeys.plates(change.ownerId),
    queryKeys.teams,
    queryKeys.records(change.ownerId),
    queryKeys.teamRecords,
    queryKeys.goals,
    ...(change.taskId ? [queryKeys.task(change.taskId)] : []),
  ];
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(() => {});
}

/** Names the reorders of one plate in flight, so that a live refresh can wait for them. */
export const moveMutationKey = (ownerId: string) => ["move", ownerId] as const;

/**
 * Changes to one plate are sent one after the other, so a change made right after a move carries
 * the version the move left.
 */
export const plateMutationScope = (ownerId: string) => ({ id: `plate:${ownerId}` });
