import type { Insertable, Kysely, Selectable, Transaction } from "kysely";
import { newerThan } from "../db/pages";
import type { Database, TaskCommentTable } from "../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

export type CommentRow = Selectable<TaskCommentTable>;

/** A comment with the people it mentions, in the order written. */
export type CommentWithMentions = CommentRow & { mentionIds: string[] };

export async function findComment(db: Db, id: string): Promise<CommentRow | undefined> {
  return db.selectFrom("task_comment").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A task's comments, oldest first, after `after` when given; at most `limit`. */
export async function taskComments(
  db: Db,
  taskId: string,
  page: { limit: number; after?: { at: string; id: string } },
): Promise<CommentRow[]> {
  let query = db
    .selectFrom("task_comment")
    .selectAll()
    .where("task_id", "=", taskId)
    .orderBy("created_at")
    .orderBy("id")
    .limit(page.limit);
  if (page.after) query = query.where(newerThan("created_at", page.after));
  return query.execute();
}

/** The people each of these comments mentions, in the order written. */
export async function mentionsOf(db: Db, commentIds: readonly string[]): Promise<Map<string, string[]>> {
  const mentions = new Map<string, string[]>(commentIds.map((id) => [id, []]));
  if (commentIds.length === 0) return mentions;
  const rows = await db
    .selectFrom("task_comment_mention")
    .select(["comment_id", "person_id"])
    .where("comment_id", "in", commentIds)
    .orderBy("comment_id")
    .orderBy("position")
    .execute();
  for (const row of rows) mentions.get(row.comment_id)?.push(row.person_id);
  return mentions;
}

/** Everyone who has commented on the task, as access sees them now. */
export async function commentersOf(db: Db, taskId: string) {
  return db
    .selectFrom("person")
    .select(["id", "organization_id as organizationId", "role"])
    .where("id", "in", (eb) =>
      eb.selectFrom("task_comment").select("author_id").where("task_id", "=", taskId),
    )
    .execute();
}

/** Those among `ids` who are people of the organization, named, as access sees them. */
export async function peopleOf(db: Db, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("person")
    .select(["id", "name", "organization_id as organizationId", "role"])
    .where("organization_id", "=", organizationId)
    .where("id", "in", ids)
    .execute();
}

/** A comment and its mentions. */
export async function insertComment(
  trx: Transaction<Database>,
  row: Insertable<TaskCommentTable>,
  mentionIds: readonly string[],
): Promise<void> {
  await trx.insertInto("task_comment").values(row).execute();
  if (mentionIds.length === 0) return;
  await trx
    .insertInto("task_comment_mention")
    .values(mentionIds.map((personId, position) => ({ comment_id: row.id, person_id: personId, position })))
    .execute();
}

/** Rewords a comment: answers the row as it now is, or undefined when it is gone. */
export async function rewordComment(
  db: Db,
  id: string,
  body: string,
  editedAt: string,
): Promise<CommentRow | undefined> {
  return db
    .updateTable("task_comment")
    .set({ body, edited_at: editedAt })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

/** Removes a comment outright; the database removes its mentions with it. */
export async function deleteComment(db: Db, id: string): Promise<void> {
  await db.deleteFrom("task_comment").where("id", "=", id).execute();
}
