import type { Kysely, Migration } from "kysely";
import { columnTypes, type DialectName } from "../dialect";

/**
 * Calendar feeds: at most one secret address per person, kept only as the digest of its secret (a
 * new address replaces the row, so the old one stops working). A person's feed goes with them.
 */
export function calendarFeeds(dialect: DialectName): Migration {
  const { instant } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("calendar_feed")
        .addColumn("person_id", "text", (c) => c.primaryKey().references("person.id").onDelete("cascade"))
        .addColumn("secret_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", instant, (c) => c.notNull())
        .execute();
    },
  };
}
