import { join } from "node:path";
import pg from "pg";
import type { DialectName } from "../src/server/db/dialect";
import { startPostgresCluster } from "../test/support/postgres-cluster";

/** Where a bench keeps its data: an SQLite file in `dataDir`, or a new database in the cluster. */
export async function benchDatabase(
  dialect: DialectName,
  dataDir: string,
  clusterUrl: string | null,
): Promise<string> {
  if (dialect === "sqlite") return join(dataDir, "docket.sqlite");
  if (clusterUrl === null) throw new Error("PostgreSQL bench without a cluster");
  const name = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  return clusterUrl.replace(/\/[^/]*$/, `/${name}`);
}

/**
 * Runs `bench` on SQLite and then PostgreSQL (a throwaway cluster, stopped after), or only on `only`
 * (`BENCH_ONLY`), and answers each dialect's result in that order.
 */
export async function onEachDialect<T>(
  only: DialectName | undefined,
  bench: (dialect: DialectName, clusterUrl: string | null) => Promise<T>,
): Promise<T[]> {
  const dialects = (["sqlite", "postgres"] as const).filter(
    (dialect) => only === undefined || dialect === only,
  );
  const cluster = dialects.includes("postgres") ? await startPostgresCluster() : null;
  const results: T[] = [];
  try {
    for (const dialect of dialects) results.push(await bench(dialect, cluster?.url ?? null));
  } finally {
    await cluster?.stop();
  }
  return results;
}
