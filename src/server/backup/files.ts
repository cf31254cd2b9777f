import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DialectName } from "../db/dialect";
import { BackupError } from "./errors";

/** `DATA_DIR/backups/docket-<UTC timestamp>.sqlite` (or `.dump` for pg_dump's archive). */
export function defaultBackupPath(dataDir: string, dialect: DialectName, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  return join(dataDir, "backups", `docket-${stamp}.${dialect === "sqlite" ? "sqlite" : "dump"}`);
}

/** Where a file is written before it is complete: renamed to `path` only once it is. */
export const partialPathOf = (path: string): string => `${path}.partial`;

export function refuseExisting(path: string): void {
  if (existsSync(path)) throw new BackupError(`${path} already exists: choose another --out`);
}

/** Creates an empty file only its owner can read, refusing to reuse one. */
export function createPrivateFile(path: string): void {
  writeFileSync(path, "", { mode: 0o600, flag: "wx" });
}

/** Renames a complete file to its final name, durably: the directory entry is synced too. */
export function moveIntoPlace(from: string, to: string): void {
  renameSync(from, to);
  const directory = openSync(dirname(to), "r");
  try {
    fsyncSync(directory);
  } finally {
    closeSync(directory);
  }
}

/** Removes files that may or may not be there. */
export function removeIfPresent(...paths: string[]): void {
  for (const path of paths) rmSync(path, { force: true });
}

/** An SQLite file with its write-ahead log and shared-memory index. */
export const sqliteFamily = (file: string): string[] => [
  file,
  `${file}-wal`,
  `${file}-shm`,
  `${file}-journal`,
];

/** Which kind of backup a file's first bytes announce. */
export type BackupKind = "sqlite" | "postgres" | "unknown";

export function backupKindOf(head: Buffer): BackupKind {
  if (head.subarray(0, 16).toString("latin1") === "SQLite format 3\u0000") return "sqlite";
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
  return "unknown";
}

/** 1536 → "1.5 KiB". */
export function formatSize(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${size.toFixed(1)} ${units[unit]}`;
}
