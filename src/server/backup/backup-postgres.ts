import pg from "pg";
import { BackupError, oneLine } from "./errors";
import { findPostgresTool, libpqConnection, runPostgresTool } from "./postgres-tools";
import type { Counts } from "./sqlite-file";

/**
 * Dumps a PostgreSQL database into `out` with `pg_dump --format=custom`, while servers keep
 * writing to it. The people and tasks are counted in the very snapshot pg_dump copies: this
 * connection exports its snapshot and holds it open until pg_dump is done.
 */
export async function backupPostgres(databaseUrl: string, out: string): Promise<Counts> {
  const pgDump = findPostgresTool("pg_dump");
  const client = await connect(databaseUrl);
  try {
    await client.query("begin isolation level repeatable read read only");
    const snapshot = (await client.query<{ id: string }>("select pg_export_snapshot() as id")).rows[0]?.id;
    const counts = await countPeopleAndTasks(client);
    const { dbname, env } = libpqConnection(databaseUrl);
    await runPostgresTool(
      pgDump,
      ["--format=custom", `--snapshot=${snapshot}`, `--file=${out}`, `--dbname=${dbname}`],
      env,
    );
    await client.query("commit");
    return counts;
  } finally {
    await client.end();
  }
}

/** Opens one connection to `databaseUrl`, failing with a one-line BackupError. */
export async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new BackupError(`cannot connect to the PostgreSQL database: ${oneLine(error)}`);
  }
  return client;
}

async function countPeopleAndTasks(client: pg.Client): Promise<Counts> {
  try {
    const { rows } = await client.query<{ people: string; tasks: string }>(
      "select (select count(*) from person) as people, (select count(*) from task) as tasks",
    );
    return { people: Number(rows[0]?.people), tasks: Number(rows[0]?.tasks) };
  } catch (error) {
    throw new BackupError(`this is not a Docket database: ${oneLine(error)}`);
  }
}
