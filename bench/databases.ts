import { join } from "node:path";
import pg from "pg";
import type { DialectName } from "../src/server/db/dialect";

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
