import { infiniteQueryOptions, type QueryClient } from "@tanstack/react-query";
import type { Comment, CommentList, CreateComment, UpdateComment } from "../../contract";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

const taskCommentsPath = (taskId: string) => `/api/v1/tasks/${encodeURIComponent(taskId)}/comments`;
const commentPath = (id: string) => `/api/v1/comments/${encodeURIComponent(id)}`;

/** Comments read a page at a time. */
export const COMMENTS_PAGE_SIZE = 50;

/** A task's comments, oldest first, a page at a time: each next page holds newer ones. */
export const taskCommentsQuery = (taskId: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.taskComments(taskId),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(COMMENTS_PAGE_SIZE) });
      if (pageParam) query.set("cursor", pageParam);
      return apiFetch<CommentList>(`${taskCommentsPath(taskId)}?${query}`);
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last): string | undefined => last.nextCursor,
  });

export function createComment(taskId: string, input: CreateComment): Promise<Comment> {
  return apiFetch<Comment>(taskCommentsPath(taskId), { method: "POST", body: input });
}

export function updateComment(id: string, input: UpdateComment): Promise<Comment> {
  return apiFetch<Comment>(commentPath(id), { method: "PATCH", body: input });
}

export function deleteComment(id: string): Promise<void> {
  return apiFetch<void>(commentPath(id), { method: "DELETE" });
}

/** After a comment was written, changed or deleted: the task's thread is read again. */
export function refreshComments(queryClient: QueryClient, taskId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.taskComments(taskId) });
}
