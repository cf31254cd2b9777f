import type { Kysely, Migration } from "kysely";
import { columnTypes, type DialectName } from "../dialect";

/**
 * Sign-in attempts are counted in one row per key, added to in one statement before the password is
 * checked (replacing the row per failure, written after it). Personal access tokens may expire.
 */
export function signInAttemptsAndTokenExpiry(dialect: DialectName): Migration {
  const { instant } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("sign_in_attempt")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("count", "integer", (c) => c.notNull())
        .addColumn("reset_at", instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("sign_in_attempt_reset_at")
        .on("sign_in_attempt")
        .column("reset_at")
        .execute();
      // Failures recorded the old way stop counting: a limit that forgets them is at worst a fresh window.
      await db.schema.dropTable("sign_in_failure").execute();

      await db.schema.alterTable("api_token").addColumn("expires_at", instant).execute();
    },
  };
}
