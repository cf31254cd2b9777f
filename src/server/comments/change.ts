import type { Comment, UpdateComment } from "../../contract/comments";
import { type Actor, authorize, type TaskSubject } from "../../core/access";
import { notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { publishTaskChange } from "../tasks/live";
import { presentComment } from "./present";
import { type CommentRow, deleteComment, findComment, mentionsOf, rewordComment } from "./store";
import { taskWithSubject } from "./task";

type Db = Parameters<typeof findComment>[0];

/** Rewords a comment (its author, while they may read the task): `editedAt` says when. Its mentions stay. */
export async function editComment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateComment,
): Promise<Comment> {
  const at = ctx.clock.now().toISOString();
  const { row, mentionIds, subject } = await ctx.db.transaction().execute(async (trx) => {
    const { subject } = await ownComment(trx, actor, id);
    const row = await rewordComment(trx, id, input.body, at);
    if (!row) throw notFound("Comment");
    return { row, mentionIds: (await mentionsOf(trx, [id])).get(id) ?? [], subject };
  });
  await publishTaskChange(ctx, { id: row.task_id, owner_id: subject.ownerId, updated_at: at }, subject);
  return presentComment(row, mentionIds);
}

/** Removes a comment outright (its author, while they may read the task). */
export async function removeComment(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { comment, subject } = await ctx.db.transaction().execute(async (trx) => {
    const found = await ownComment(trx, actor, id);
    await deleteComment(trx, id);
    return found;
  });
  const at = ctx.clock.now().toISOString();
  await publishTaskChange(ctx, { id: comment.task_id, owner_id: subject.ownerId, updated_at: at }, subject);
}

/**
 * A comment the caller wrote on a task they may still read. 404 when there is no such comment or
 * its task is hidden from them; 403 when they see the task but did not write the comment.
 */
async function ownComment(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ comment: CommentRow; subject: TaskSubject }> {
  const comment = await findComment(db, id);
  const found = comment && (await taskWithSubject(db, comment.task_id));
  if (!comment || !found) throw notFound("Comment");
  const { subject } = found;
  authorize(actor, { kind: "comment.edit", task: subject, authorId: comment.author_id });
  return { comment, subject };
}
