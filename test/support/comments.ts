import { expect } from "vitest";
import type { Comment, CommentList, Nudged } from "../../src/contract/comments";
import type { InboxItem } from "../../src/contract/inbox";
import type { Harness } from "./harness";
import type { Caller, Problem } from "./tasks";

export type { Comment, CommentList, InboxItem, Nudged };

export const postComment = (as: Caller, taskId: string, body: unknown) =>
  as.client.post<Comment & Problem>(`/api/v1/tasks/${taskId}/comments`, body);

/** Comments on a task as `as`, expecting 201. */
export async function comment(
  as: Caller,
  taskId: string,
  body: string,
  mentionIds?: string[],
): Promise<Comment> {
  const answer = await postComment(as, taskId, mentionIds === undefined ? { body } : { body, mentionIds });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** A page of a task's comments as `as` sees it (`query` like `limit=2`), expecting 200. */
export async function commentsOf(as: Caller, taskId: string, query = ""): Promise<CommentList> {
  const answer = await as.client.get<CommentList>(
    `/api/v1/tasks/${taskId}/comments${query ? `?${query}` : ""}`,
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

export const nudge = (as: Caller, requestId: string, body: unknown = {}) =>
  as.client.post<Nudged & Problem>(`/api/v1/requests/${requestId}/nudge`, body);

/** The caller's inbox entries of these kinds, newest first. */
export async function entriesOf(as: Caller, ...kinds: InboxItem["kind"][]): Promise<InboxItem[]> {
  const answer = await as.client.get<{ items: InboxItem[] }>("/api/v1/inbox?limit=200");
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items.filter((item) => kinds.includes(item.kind));
}

/** Every stored comment and mention of a task, and every inbox entry about it: equal before and after a refusal. */
export async function commentRows(h: Harness, taskId: string) {
  const comments = await h.ctx.db
    .selectFrom("task_comment")
    .selectAll()
    .where("task_id", "=", taskId)
    .orderBy("id")
    .execute();
  const mentions = await h.ctx.db
    .selectFrom("task_comment_mention")
    .selectAll()
    .where("comment_id", "in", h.ctx.db.selectFrom("task_comment").select("id").where("task_id", "=", taskId))
    .orderBy("comment_id")
    .orderBy("person_id")
    .execute();
  const entries = await h.ctx.db
    .selectFrom("inbox_entry")
    .selectAll()
    .where("task_id", "=", taskId)
    .orderBy("id")
    .execute();
  return { comments, mentions, entries };
}
