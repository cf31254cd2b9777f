import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, statSync } from "node:fs";
import { basename, delimiter, join } from "node:path";
import { BackupError } from "./errors";

export interface ToolSearch {
  /** The directories of PATH, `:`-separated. */
  path: string;
  /** Where Debian installs each PostgreSQL version's binaries: `<libDir>/<version>/bin`. */
  libDir: string;
}

const defaultSearch = (): ToolSearch => ({ path: process.env.PATH ?? "", libDir: "/usr/lib/postgresql" });

/** Finds a PostgreSQL client program (pg_dump, pg_restore): on PATH, else the newest in /usr/lib/postgresql/<version>/bin. */
export function findPostgresTool(name: string, search: ToolSearch = defaultSearch()): string {
  const onPath = search.path
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name));
  const versions = existsSync(search.libDir)
    ? readdirSync(search.libDir)
        .filter((entry) => /^\d+(\.\d+)?$/.test(entry))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const installed = versions.map((version) => join(search.libDir, version, "bin", name));
  const found = [...onPath, ...installed].find(isExecutable);
  if (!found)
    throw new BackupError(
      `${name} not found on PATH or in ${search.libDir}/*/bin: install the PostgreSQL client (Debian: apt-get install postgresql-client)`,
    );
  return found;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * How to hand a database URL to libpq's programs: the URL without its password (command lines are
 * visible to everyone on the host), and the password in PGPASSWORD.
 */
export function libpqConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return {
    dbname: url.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env },
  };
}

/** Runs a PostgreSQL program to its end; a non-zero exit becomes a BackupError with its first error line. */
export function runPostgresTool(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.once("error", (error) => reject(new BackupError(`cannot run ${program}: ${error.message}`)));
    child.once("close", (code, signal) => {
      if (code === 0) return resolve();
      const lines = stderr.split("\n").filter((line) => line.trim() !== "");
      const reason = lines.find((line) => /error|fatal/i.test(line)) ?? lines[0] ?? `exit ${code ?? signal}`;
      reject(new BackupError(`${basename(program)} failed: ${reason.replace(/^\S+: (error: )?/, "")}`));
    });
  });
}
