import { type Kysely, type Migration, sql } from "kysely";
import { columnTypes, type DialectName, makeAppendOnly } from "../dialect";

/**
 * Goals and feedback: a goal with its owner, state and parent, its check-ins, the goal a task
 * works towards; feedback from one person to another (about a task or a request, or answering a
 * feedback request), and feedback requests with the people asked.
 */
export function goalsAndFeedback(dialect: DialectName): Migration {
  const { instant } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("goal")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organization.id"))
        .addColumn("owner_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("created_by", "text", (c) => c.notNull().references("person.id"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("due_date", "text")
        .addColumn("state", "text", (c) =>
          c.notNull().check(sql`state in ('active', 'achieved', 'missed', 'dropped')`),
        )
        .addColumn("parent_id", "text", (c) => c.references("goal.id"))
        // When it left `active` (achieved, missed or dropped); null while active.
        .addColumn("closed_at", instant)
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addCheckConstraint("goal_not_own_parent", sql`parent_id is null or parent_id <> id`)
        .execute();
      await db.schema.createIndex("goal_owner").on("goal").columns(["owner_id", "state"]).execute();
      await db.schema.createIndex("goal_parent").on("goal").column("parent_id").execute();

      await db.schema
        .createTable("goal_check_in")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("goal_id", "text", (c) => c.notNull().references("goal.id"))
        .addColumn("author_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("status", "text", (c) =>
          c.notNull().check(sql`status in ('on_track', 'at_risk', 'off_track')`),
        )
        .addColumn("note", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("goal_check_in_goal")
        .on("goal_check_in")
        .columns(["goal_id", "created_at"])
        .execute();

      await db.schema.alterTable("task").addColumn("goal_id", "text").execute();
      // A goal's progress and its tasks across plates.
      await db.schema.createIndex("task_goal").on("task").columns(["goal_id", "state"]).execute();

      await db.schema
        .createTable("feedback_request")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organization.id"))
        .addColumn("about_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("asked_by", "text", (c) => c.notNull().references("person.id"))
        .addColumn("question", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("feedback_request_asked_by")
        .on("feedback_request")
        .columns(["asked_by", "created_at"])
        .execute();

      // Each person asked, answered once at most.
      await db.schema
        .createTable("feedback_ask")
        .addColumn("request_id", "text", (c) => c.notNull().references("feedback_request.id"))
        .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("answered_at", instant)
        .addColumn("feedback_id", "text")
        .addPrimaryKeyConstraint("feedback_ask_key", ["request_id", "person_id"])
        .execute();
      await db.schema.createIndex("feedback_ask_person").on("feedback_ask").column("person_id").execute();

      await db.schema
        .createTable("feedback")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organization.id"))
        .addColumn("from_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("to_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("visibility", "text", (c) =>
          c.notNull().check(sql`visibility in ('private', 'with_manager')`),
        )
        .addColumn("task_id", "text", (c) => c.references("task.id"))
        .addColumn("request_id", "text", (c) => c.references("request.id"))
        .addColumn("feedback_request_id", "text", (c) => c.references("feedback_request.id"))
        .addColumn("created_at", instant, (c) => c.notNull())
        .addCheckConstraint("feedback_not_to_self", sql`from_id <> to_id`)
        .execute();
      await db.schema.createIndex("feedback_to").on("feedback").columns(["to_id", "created_at"]).execute();
      await db.schema
        .createIndex("feedback_from")
        .on("feedback")
        .columns(["from_id", "created_at"])
        .execute();
      await db.schema.createIndex("feedback_task").on("feedback").column("task_id").execute();
      // One answer per person asked, even when two arrive at once.
      await sql`create unique index feedback_one_answer on feedback (feedback_request_id, from_id)
        where feedback_request_id is not null`.execute(db);
      // Fixed once sent.
      await makeAppendOnly(db, dialect, "feedback");

      // An inbox entry may tell of feedback received or a feedback request (asked, or answered).
      await db.schema
        .alterTable("inbox_entry")
        .addColumn("feedback_id", "text", (c) => c.references("feedback.id"))
        .execute();
      await db.schema
        .alterTable("inbox_entry")
        .addColumn("feedback_request_id", "text", (c) => c.references("feedback_request.id"))
        .execute();
    },
  };
}
