import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { restoreSecret, type SecretOutcome, secretBesideBackup } from "./auth-secret";
import { BackupError } from "./errors";
import { backupKindOf } from "./files";
import { describeDatabase, type Instance, sqliteFileOf } from "./instance";
import { checkArchive, refuseOccupiedPostgres, restorePostgres } from "./restore-postgres";
import { refuseOccupiedSqlite, restoreSqlite } from "./restore-sqlite";

export interface RestoreSummary {
  /** The restored database: the SQLite path, or the PostgreSQL URL without its password. */
  database: string;
  people: number;
  tasks: number;
  /** What became of the AUTH_SECRET kept beside the backup. */
  authSecret: SecretOutcome;
  /** Where that secret is (or would be) kept beside the backup. */
  authSecretBackup: string;
}

/**
 * Restores a backup into the instance's database, then brings it up to date and restores the kept
 * AUTH_SECRET beside the backup when DATA_DIR keeps none. Refuses a database that holds data unless
 * `force`. A damaged backup fails before anything in the target changes.
 */
export async function restore(
  instance: Instance,
  backupFile: string,
  options: { force?: boolean } = {},
): Promise<RestoreSummary> {
  const file = resolve(backupFile);
  checkKind(file, instance);
  const database = describeDatabase(instance);
  let counts: { people: number; tasks: number };
  if (instance.dialect === "sqlite") {
    const target = sqliteFileOf(instance.databaseUrl);
    if (!options.force) refuseOccupiedSqlite(target);
    counts = await restoreSqlite(file, target);
  } else {
    if (!options.force) await refuseOccupiedPostgres(instance.databaseUrl, database);
    await checkArchive(file);
    counts = await restorePostgres(file, instance.databaseUrl);
  }
  const authSecret = restoreSecret(file, instance.dataDir);
  return { database, ...counts, authSecret, authSecretBackup: secretBesideBackup(file) };
}

/** Fails unless the file is a backup of the configured database's kind. */
function checkKind(file: string, instance: Instance): void {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`there is no backup file ${file}`);
  const kind = backupKindOf(readHead(file));
  if (kind === "unknown") throw new BackupError(`${file} is neither an SQLite backup nor a pg_dump archive`);
  if (kind !== instance.dialect) {
    const names = { sqlite: "an SQLite", postgres: "a PostgreSQL" };
    throw new BackupError(
      `${file} is ${names[kind]} backup, but the configured database is ${names[instance.dialect]} one`,
    );
  }
}

function readHead(file: string): Buffer {
  const head = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
