import type { Kysely, Migration } from "kysely";
import { columnTypes, type DialectName } from "../dialect";

/**
 * Comments on tasks, the people each mentions, and when a request was last nudged.
 *
 * A comment is removed outright when its author deletes it: its words are gone, and nothing points
 * at a comment (inbox entries name the task). Its mentions go with it. A task's comments are read
 * oldest first, and who commented on a task before is read from the same index.
 *
 * Mentions are rows of their own, in the order written, so "who was mentioned" is a join and a
 * deleted comment takes its mentions along. A request keeps the instant of its last nudge that
 * reminded someone: the next is allowed 24 hours later, checked and set in one statement.
 */
export function comments(dialect: DialectName): Migration {
  const { instant } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("task_comment")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("task_id", "text", (c) => c.notNull().references("task.id").onDelete("cascade"))
        .addColumn("author_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("edited_at", instant)
        .execute();
      await db.schema
        .createIndex("task_comment_thread")
        .on("task_comment")
        .columns(["task_id", "created_at", "id"])
        .execute();

      await db.schema
        .createTable("task_comment_mention")
        .addColumn("comment_id", "text", (c) => c.notNull().references("task_comment.id").onDelete("cascade"))
        .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
        // Where the person stands among the comment's mentions, from 0.
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("task_comment_mention_pk", ["comment_id", "person_id"])
        .execute();

      await db.schema.alterTable("request").addColumn("last_nudged_at", instant).execute();
    },
  };
}
