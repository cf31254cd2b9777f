import { infiniteQueryOptions, type QueryClient } from "@tanstack/react-query";
import type {
  AskForFeedback,
  Feedback,
  FeedbackPage,
  FeedbackQuery,
  FeedbackRequest,
  FeedbackRequestPage,
  FeedbackRequestsQuery,
  GiveFeedback,
} from "../../contract";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

/** Feedback and requests read a page at a time. */
export const FEEDBACK_PAGE_SIZE = 25;

function pagePath(path: string, direction: string, cursor: string | undefined, personId?: string): string {
  const query = new URLSearchParams({ direction, limit: String(FEEDBACK_PAGE_SIZE) });
  if (personId) query.set("personId", personId);
  if (cursor) query.set("cursor", cursor);
  return `${path}?${query}`;
}

/**
 * Feedback I received or gave, newest first, a page at a time; with `personId`, what someone below
 * me received and shared with their managers.
 */
export const feedbackPagesQuery = (direction: FeedbackQuery["direction"], personId?: string) =>
  infiniteQueryOptions({
    queryKey: personId ? queryKeys.personFeedback(personId) : queryKeys.feedbackList(direction),
    queryFn: ({ pageParam }) =>
      apiFetch<FeedbackPage>(pagePath("/api/v1/feedback", direction, pageParam, personId)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last): string | undefined => last.nextCursor,
  });

/** Requests for feedback I was asked or sent, newest first, a page at a time. */
export const feedbackRequestPagesQuery = (direction: FeedbackRequestsQuery["direction"]) =>
  infiniteQueryOptions({
    queryKey: queryKeys.feedbackRequests(direction),
    queryFn: ({ pageParam }) =>
      apiFetch<FeedbackRequestPage>(pagePath("/api/v1/feedback/requests", direction, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last): string | undefined => last.nextCursor,
  });

export function giveFeedback(input: GiveFeedback): Promise<Feedback> {
  return apiFetch<Feedback>("/api/v1/feedback", { method: "POST", body: input });
}

export function askForFeedback(input: AskForFeedback): Promise<FeedbackRequest> {
  return apiFetch<FeedbackRequest>("/api/v1/feedback/requests", { method: "POST", body: input });
}

/** Reads every feedback view again. */
export function invalidateFeedback(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.feedback });
}
