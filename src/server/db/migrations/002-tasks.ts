import { type Kysely, type Migration, sql } from "kysely";
import { columnTypes, type DialectName, falseLiteral, makeAppendOnly } from "../dialect";

/** Plates: tasks in one strict order per owner, and the append-only history of every change. */
export function tasks(dialect: DialectName): Migration {
  const { instant, flag, byteOrderedText, serial } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("task")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organization.id"))
        .addColumn("owner_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("requester_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("request_id", "text")
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("state", "text", (c) =>
          c.notNull().check(sql`state in ('triage', 'open', 'in_progress', 'done', 'dropped')`),
        )
        // The place on the owner's plate (a fractional-indexing key); only open and in-progress tasks have one.
        .addColumn("rank", byteOrderedText)
        // A floating due date (`due_date`) falls due when the next day begins in the owner's zone;
        // `due_at` is that instant, recomputed when the owner's zone changes, or a fixed instant.
        .addColumn("due_date", "text")
        .addColumn("due_at", instant)
        .addColumn("urgent", flag, (c) => c.notNull().defaultTo(sql.raw(falseLiteral(dialect))))
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("started_at", instant)
        .addColumn("completed_at", instant)
        .addColumn("dropped_at", instant)
        .addColumn("drop_reason", "text")
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addCheckConstraint(
          "task_rank_on_plate",
          sql`(state in ('open', 'in_progress')) = (rank is not null)`,
        )
        .addCheckConstraint("task_due_floating", sql`due_date is null or due_at is not null`)
        .execute();
      // One strict order per owner: no two tasks on a plate share a key.
      await sql`create unique index task_plate on task (owner_id, rank) where rank is not null`.execute(db);
      await db.schema
        .createIndex("task_owner_state")
        .on("task")
        .columns(["owner_id", "state", "completed_at"])
        .execute();
      await db.schema.createIndex("task_requester").on("task").columns(["requester_id", "state"]).execute();
      await db.schema.createIndex("task_request").on("task").columns(["request_id"]).execute();

      await db.schema
        .createTable("task_event")
        .addColumn("id", serial, (c) => c.primaryKey())
        .addColumn("task_id", "text", (c) => c.notNull().references("task.id"))
        .addColumn("at", instant, (c) => c.notNull())
        .addColumn("actor_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        // JSON values; SQL null when the change has no such side.
        .addColumn("from_value", "text")
        .addColumn("to_value", "text")
        .execute();
      await db.schema.createIndex("task_event_task").on("task_event").columns(["task_id", "id"]).execute();
      await makeAppendOnly(db, dialect, "task_event");
    },
  };
}
