import { chmodSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { copySecretBeside } from "./auth-secret";
import { backupPostgres } from "./backup-postgres";
import { backupSqlite } from "./backup-sqlite";
import {
  createPrivateFile,
  defaultBackupPath,
  moveIntoPlace,
  partialPathOf,
  refuseExisting,
  removeIfPresent,
  sqliteFamily,
} from "./files";
import { type Instance, sqliteFileOf } from "./instance";

export interface BackupSummary {
  /** The backup, complete. */
  file: string;
  bytes: number;
  people: number;
  tasks: number;
  /** The kept AUTH_SECRET's copy beside the backup, or null when the instance keeps none. */
  authSecretFile: string | null;
}

/**
 * Backs up the instance's database while it may be serving: `DATA_DIR/backups/docket-<UTC
 * timestamp>.sqlite` (or `.dump`), or `out`. The backup is written under a partial name and renamed
 * when complete, after the kept AUTH_SECRET was copied beside it; both only their owner can read.
 */
export async function backUp(
  instance: Instance,
  options: { out?: string; now?: Date } = {},
): Promise<BackupSummary> {
  const file = resolve(
    options.out ?? defaultBackupPath(instance.dataDir, instance.dialect, options.now ?? new Date()),
  );
  refuseExisting(file);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const partial = partialPathOf(file);
  removeIfPresent(...sqliteFamily(partial));
  try {
    createPrivateFile(partial);
    const counts =
      instance.dialect === "sqlite"
        ? await backupSqlite(sqliteFileOf(instance.databaseUrl), partial)
        : await backupPostgres(instance.databaseUrl, partial);
    chmodSync(partial, 0o600);
    const authSecretFile = copySecretBeside(instance.dataDir, file);
    moveIntoPlace(partial, file);
    return { file, bytes: statSync(file).size, ...counts, authSecretFile };
  } finally {
    removeIfPresent(...sqliteFamily(partial));
  }
}
