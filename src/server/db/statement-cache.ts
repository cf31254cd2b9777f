import type { SqliteDatabase, SqliteStatement } from "kysely";
import { BoundedCache } from "../../core/bounded-cache";

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running a small
 * query. This keeps the most recently used prepared statements, keyed by their SQL. Safe because
 * Kysely runs one query at a time on its single SQLite connection, so a statement is never in
 * use twice at once.
 */
export function withStatementCache(
  database: SqliteDatabase & { prepare(sql: string): SqliteStatement },
  capacity = 500,
): SqliteDatabase {
  const cache = new BoundedCache<SqliteStatement>(capacity);
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare: (sql: string): SqliteStatement => cache.remember(sql, () => database.prepare(sql)),
  };
}
