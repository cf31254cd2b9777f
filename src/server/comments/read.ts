import { z } from "zod";
import type { CommentList, CommentsQuery } from "../../contract/comments";
import { Id, Instant } from "../../contract/common";
import type { Actor } from "../../core/access";
import type { AppContext } from "../context";
import { pageOf, readCursor } from "../db/pages";
import { presentComment } from "./present";
import { mentionsOf, taskComments } from "./store";
import { commentedTask } from "./task";

const CommentCursor = z.tuple([Instant, Id]);

/** A task's comments, oldest first, a page at a time, for whoever may read the task. */
export async function listComments(
  ctx: AppContext,
  actor: Actor,
  taskId: string,
  query: CommentsQuery,
): Promise<CommentList> {
  const { task } = await commentedTask(ctx.db, actor, taskId, "task.read");
  const after = query.cursor === undefined ? undefined : readCursor(query.cursor, CommentCursor);
  const rows = await taskComments(ctx.db, task.id, {
    limit: query.limit + 1,
    ...(after ? { after: { at: after[0], id: after[1] } } : {}),
  });
  const { page, next } = pageOf(rows, query.limit, (last) => [last.created_at, last.id]);
  const mentions = await mentionsOf(
    ctx.db,
    page.map((row) => row.id),
  );
  return { items: page.map((row) => presentComment(row, mentions.get(row.id) ?? [])), ...next };
}
