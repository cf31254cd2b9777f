import { existsSync } from "node:fs";
import SqliteDatabase from "better-sqlite3";
import { BackupError, oneLine } from "./errors";
import { type Counts, settleSqliteFile } from "./sqlite-file";

/** sqlite3_backup_step's page count after the first step: every remaining page at once. */
const allPages = 0x7fffffff;

/**
 * Copies a live SQLite database into `out` with SQLite's online backup API, while the server may
 * be writing to it: the copy is the database as one read transaction sees it, WAL included. All
 * pages are copied in one step, so a write in between cannot make the backup start over.
 */
export async function backupSqlite(databaseFile: string, out: string): Promise<Counts> {
  if (!existsSync(databaseFile)) throw new BackupError(`there is no SQLite database at ${databaseFile}`);
  let source: SqliteDatabase.Database;
  try {
    source = new SqliteDatabase(databaseFile, { fileMustExist: true });
    source.pragma("busy_timeout = 5000");
  } catch (error) {
    throw new BackupError(`cannot open ${databaseFile}: ${oneLine(error)}`);
  }
  try {
    await source.backup(out, { progress: () => allPages });
  } catch (error) {
    throw new BackupError(`the backup of ${databaseFile} failed: ${oneLine(error)}`);
  } finally {
    source.close();
  }
  return settleSqliteFile(out, `the backup of ${databaseFile}`, { thorough: false });
}
