import { connect } from "./backup-postgres";
import { bringUpToDate } from "./bring-up-to-date";
import { BackupError } from "./errors";
import { findPostgresTool, libpqConnection, runPostgresTool } from "./postgres-tools";
import type { Counts } from "./sqlite-file";

/** Refuses to restore over a PostgreSQL database that has anyone in it; `--force` skips this. */
export async function refuseOccupiedPostgres(databaseUrl: string, label: string): Promise<void> {
  const client = await connect(databaseUrl);
  try {
    const table = await client.query<{ found: boolean }>("select to_regclass('person') is not null as found");
    if (!table.rows[0]?.found) return;
    const anyone = await client.query("select 1 from person limit 1");
    if (anyone.rowCount) throw new BackupError(`${label} already holds data: pass --force to replace it`);
  } finally {
    await client.end();
  }
}

/**
 * Checks that a pg_dump archive reads to its end (a truncated or damaged one fails here) by
 * turning all of it into an SQL script that goes nowhere. Nothing touches the target.
 */
export async function checkArchive(backupFile: string): Promise<void> {
  const pgRestore = findPostgresTool("pg_restore");
  try {
    await runPostgresTool(pgRestore, ["--file=/dev/null", backupFile], process.env);
  } catch (error) {
    throw new BackupError(`${backupFile} is not a readable pg_dump archive: ${(error as Error).message}`);
  }
}

/**
 * Restores a pg_dump archive into the target database, replacing what it holds (`--clean
 * --if-exists`), in one transaction: a failure part way leaves the target as it was. Owners are
 * not restored (`--no-owner`): the target's user owns everything. Then the migrations run.
 */
export async function restorePostgres(backupFile: string, databaseUrl: string): Promise<Counts> {
  const pgRestore = findPostgresTool("pg_restore");
  const { dbname, env } = libpqConnection(databaseUrl);
  await runPostgresTool(
    pgRestore,
    ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${dbname}`, backupFile],
    env,
  );
  return bringUpToDate(databaseUrl, "postgres");
}
