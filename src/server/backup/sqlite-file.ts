import SqliteDatabase from "better-sqlite3";
import { BackupError, oneLine } from "./errors";

export interface Counts {
  people: number;
  tasks: number;
}

/**
 * Checks that an SQLite file is a sound Docket database and makes it self-contained (rollback
 * journal instead of WAL, so it is one file with nothing beside it), then counts its people and
 * tasks. `thorough` runs the full integrity check (for a file from elsewhere), else the quick one.
 * Fails with a BackupError naming `label` when the file is not a readable Docket database.
 */
export function settleSqliteFile(file: string, label: string, options: { thorough: boolean }): Counts {
  let database: SqliteDatabase.Database | undefined;
  try {
    database = new SqliteDatabase(file, { fileMustExist: true });
    const check = options.thorough ? "integrity_check" : "quick_check";
    const verdict = database.pragma(check, { simple: true });
    if (verdict !== "ok") throw new BackupError(`${label} is damaged: ${oneLine(String(verdict))}`);
    if (!hasTable(database, "person") || !hasTable(database, "task"))
      throw new BackupError(`${label} is an SQLite database, but not Docket's (no person or task table)`);
    database.pragma("journal_mode = DELETE");
    return countRows(database);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${label} is not a readable SQLite database: ${oneLine(error)}`);
  } finally {
    database?.close();
  }
}

/**
 * Whether an existing SQLite database has anyone in it. Opened for writing on purpose: a read-only
 * connection would leave empty -wal and -shm files behind, and this one reads only.
 */
export function sqliteHoldsPeople(file: string): boolean {
  let database: SqliteDatabase.Database | undefined;
  try {
    database = new SqliteDatabase(file, { fileMustExist: true });
    database.pragma("busy_timeout = 5000");
    return (
      hasTable(database, "person") && database.prepare("select 1 from person limit 1").get() !== undefined
    );
  } catch (error) {
    throw new BackupError(`${file} cannot be read (${oneLine(error)}): pass --force to replace it`);
  } finally {
    database?.close();
  }
}

function hasTable(database: SqliteDatabase.Database, name: string): boolean {
  return (
    database.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined
  );
}

function countRows(database: SqliteDatabase.Database): Counts {
  const count = (table: "person" | "task") =>
    (database.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return { people: count("person"), tasks: count("task") };
}
