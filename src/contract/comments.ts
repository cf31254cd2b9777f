import { z } from "zod";
import { Id, Instant } from "./common";
import { PageCursor } from "./tasks";
import { CommentBody, NudgeNote } from "./text";

/** The most people one comment may mention. */
export const mentionsPerComment = 20;

export const Comment = z
  .object({
    id: Id,
    taskId: Id,
    authorId: Id,
    body: z.string().describe("Markdown, as written; rendered without raw HTML."),
    mentionIds: z.array(Id).describe("The people mentioned, each of whom may see the task."),
    createdAt: Instant,
    editedAt: Instant.nullable(),
  })
  .meta({ id: "Comment" });
export type Comment = z.infer<typeof Comment>;

export const CreateComment = z.strictObject({
  body: CommentBody,
  mentionIds: z
    .array(Id)
    .max(mentionsPerComment)
    .optional()
    .describe(
      `People to tell of it (at most ${mentionsPerComment}); each must be able to see the task (422 otherwise).`,
    ),
});
export type CreateComment = z.infer<typeof CreateComment>;

export const UpdateComment = z.strictObject({ body: CommentBody });
export type UpdateComment = z.infer<typeof UpdateComment>;

export const CommentsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: PageCursor.optional(),
});
export type CommentsQuery = z.infer<typeof CommentsQuery>;

export const CommentList = z
  .object({
    items: z.array(Comment).describe("Oldest first."),
    nextCursor: z.string().optional().describe("When newer comments follow: pass it as `cursor`."),
  })
  .meta({ id: "CommentList" });
export type CommentList = z.infer<typeof CommentList>;

export const Nudge = z.strictObject({ note: NudgeNote.optional() });
export type Nudge = z.infer<typeof Nudge>;

export const Nudged = z
  .object({ nudged: z.array(Id).describe("The assignees reminded: those who had not finished.") })
  .meta({ id: "Nudged" });
export type Nudged = z.infer<typeof Nudged>;
