import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type {
  AddAssignees,
  AssigneeGroup,
  AssigneePreview,
  CancelRequest,
  CreateRequest,
  Nudge,
  Nudged,
  Request,
} from "../../contract";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

const requestPath = (id: string) => `/api/v1/requests/${encodeURIComponent(id)}`;

/** The requests I made, newest first. */
export const myRequestsQuery = queryOptions({
  queryKey: queryKeys.myRequests,
  queryFn: async () => (await apiFetch<{ items: Request[] }>("/api/v1/requests")).items,
});

/** One request with everyone it went to, still-open first. */
export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.request(id),
    queryFn: () => apiFetch<Request>(requestPath(id)),
  });

/** The query string of the preview: `ids=a,b&groups=direct_reports`, empty parts left out. */
export function previewSearch(ids: readonly string[], groups: readonly AssigneeGroup[]): string {
  const params = new URLSearchParams();
  if (ids.length > 0) params.set("ids", ids.join(","));
  if (groups.length > 0) params.set("groups", groups.join(","));
  return params.toString();
}

/** Who a request to these people and groups would reach, each with their load and where it lands. */
export const requestPreviewQuery = (ids: readonly string[], groups: readonly AssigneeGroup[]) =>
  queryOptions({
    queryKey: queryKeys.requestPreview(ids, groups),
    queryFn: async () =>
      (await apiFetch<{ items: AssigneePreview[] }>(`/api/v1/requests/preview?${previewSearch(ids, groups)}`))
        .items,
    enabled: ids.length > 0 || groups.length > 0,
  });

export function createRequest(input: CreateRequest): Promise<Request> {
  return apiFetch<Request>("/api/v1/requests", { method: "POST", body: input });
}

export function cancelRequest(id: string, input: CancelRequest): Promise<Request> {
  return apiFetch<Request>(`${requestPath(id)}/cancel`, { method: "POST", body: input });
}

export function addAssignees(id: string, input: AddAssignees): Promise<Request> {
  return apiFetch<Request>(`${requestPath(id)}/assignees`, { method: "POST", body: input });
}

/** Reminds everyone the request asked who has not finished; answers whom it reached. */
export function nudgeRequest(id: string, input: Nudge): Promise<Nudged> {
  return apiFetch<Nudged>(`${requestPath(id)}/nudge`, { method: "POST", body: input });
}

/**
 * After a request was sent, canceled or widened: shows it as answered, and refreshes the lists of
 * requests and every plate and team view its tasks are on.
 */
export function refreshAfterRequestChange(queryClient: QueryClient, request: Request): Promise<void> {
  queryClient.setQueryData(queryKeys.request(request.id), request);
  const owners = new Set(request.assignees.map((assignee) => assignee.personId));
  const keys: readonly (readonly string[])[] = [
    queryKeys.myRequests,
    ["requests", "preview"],
    queryKeys.teams,
    ...[...owners].map((ownerId) => queryKeys.plates(ownerId)),
  ];
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(() => {});
}
