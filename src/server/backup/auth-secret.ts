import { chmodSync, existsSync, linkSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BackupError } from "./errors";
import { partialPathOf, removeIfPresent } from "./files";

/** The AUTH_SECRET an instance generated and kept (see `config.ts`). */
export const keptSecretFileOf = (dataDir: string): string => join(dataDir, "auth-secret");

/** Where a backup's copy of the kept secret lies: beside it, `<backup>.auth-secret`. */
export const secretBesideBackup = (backupFile: string): string => `${backupFile}.auth-secret`;

/**
 * Copies the instance's kept AUTH_SECRET beside the backup (mode 0600): sessions and signed links
 * only work with it. Returns where it went, or null when the instance keeps none.
 */
export function copySecretBeside(dataDir: string, backupFile: string): string | null {
  const kept = keptSecretFileOf(dataDir);
  if (!existsSync(kept)) return null;
  const target = secretBesideBackup(backupFile);
  writePrivately(target, readFileSync(kept, "utf8"), { replace: true });
  return target;
}

/**
 * What restoring the secret did: put it in DATA_DIR, found the same one there, found a different
 * one there (left alone: it is never overwritten), or found none beside the backup.
 */
export type SecretOutcome = "restored" | "same" | "different" | "none";

/** Restores the secret kept beside a backup into DATA_DIR when DATA_DIR keeps none yet. */
export function restoreSecret(backupFile: string, dataDir: string): SecretOutcome {
  const beside = secretBesideBackup(backupFile);
  if (!existsSync(beside)) return "none";
  const secret = readFileSync(beside, "utf8");
  if (secret.trim().length < 32) throw new BackupError(`${beside} does not hold an AUTH_SECRET`);
  const kept = keptSecretFileOf(dataDir);
  if (existsSync(kept)) return readFileSync(kept, "utf8").trim() === secret.trim() ? "same" : "different";
  writePrivately(kept, secret, { replace: false });
  return "restored";
}

/**
 * Writes a file only its owner can read, complete or not at all: a partial file is written first,
 * then renamed (or linked, when an existing file must not be replaced) to its name.
 */
function writePrivately(path: string, content: string, options: { replace: boolean }): void {
  const partial = partialPathOf(path);
  removeIfPresent(partial);
  try {
    writeFileSync(partial, content, { mode: 0o600, flag: "wx" });
    chmodSync(partial, 0o600);
    // A link fails rather than replace a file that appeared meanwhile; a rename replaces atomically.
    if (options.replace) renameSync(partial, path);
    else linkSync(partial, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new BackupError(`${path} appeared while it was being written: left alone`);
    throw error;
  } finally {
    removeIfPresent(partial);
  }
}
