import type { Comment } from "../../contract/comments";
import type { CommentRow } from "./store";

export function presentComment(row: CommentRow, mentionIds: readonly string[]): Comment {
  return {
    id: row.id,
    taskId: row.task_id,
    authorId: row.author_id,
    body: row.body,
    mentionIds: [...mentionIds],
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}
