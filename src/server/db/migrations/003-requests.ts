import type { Kysely, Migration } from "kysely";
import { columnTypes, type DialectName } from "../dialect";

/** Requests: one ask to many people; each assignee's own task points back with `task.request_id`. */
export function requests(dialect: DialectName): Migration {
  const { instant } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("request")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organization.id"))
        .addColumn("requester_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
        // As asked: a date (each assignee's task falls due at the end of it in their own zone) or an instant.
        .addColumn("due_date", "text")
        .addColumn("due_at", instant)
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("canceled_at", instant)
        .addColumn("cancel_reason", "text")
        .execute();
      await db.schema
        .createIndex("request_requester")
        .on("request")
        .columns(["requester_id", "created_at"])
        .execute();
    },
  };
}
