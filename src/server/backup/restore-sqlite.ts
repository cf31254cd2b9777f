import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { privateFolderMode } from "../platform/private-files";
import { bringUpToDate } from "./bring-up-to-date";
import { BackupError } from "./errors";
import { moveIntoPlace, removeIfPresent, sqliteFamily } from "./files";
import { type Counts, settleSqliteFile, sqliteHoldsPeople } from "./sqlite-file";

/**
 * Refuses to replace an SQLite database that is in use (its -wal has content: a server is, or
 * was, running on it) or that has anyone in it. `--force` skips both.
 */
export function refuseOccupiedSqlite(databaseFile: string): void {
  const wal = `${databaseFile}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0)
    throw new BackupError(
      `${wal} has content: a server may be running on this database. Stop it first (or pass --force)`,
    );
  if (existsSync(databaseFile) && sqliteHoldsPeople(databaseFile))
    throw new BackupError(`${databaseFile} already holds data: pass --force to replace it`);
}

/**
 * Restores an SQLite backup as the database file. The backup is copied beside the target, checked
 * and migrated there, and only then renamed over it: a damaged backup never touches the target.
 */
export async function restoreSqlite(backupFile: string, databaseFile: string): Promise<Counts> {
  mkdirSync(dirname(databaseFile), { recursive: true, mode: privateFolderMode });
  const staged = `${databaseFile}.restoring`;
  removeIfPresent(...sqliteFamily(staged));
  try {
    copyFileSync(backupFile, staged);
    settleSqliteFile(staged, backupFile, { thorough: true });
    const counts = await bringUpToDate(staged, "sqlite");
    // The old database's log must not be replayed into the new file.
    removeIfPresent(`${databaseFile}-wal`, `${databaseFile}-shm`, `${databaseFile}-journal`);
    moveIntoPlace(staged, databaseFile);
    return counts;
  } finally {
    removeIfPresent(...sqliteFamily(staged));
  }
}
