import type { SqliteDatabase, SqliteStatement } from "kysely";

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
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached) {
        // Refresh its place as most recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}
