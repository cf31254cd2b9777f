import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/server/db/connect";
import type { DialectName } from "../../src/server/db/dialect";
import { migrateToLatest } from "../../src/server/db/migrate";

/** Every integration test runs once per dialect. */
export const dialects: DialectName[] = ["sqlite", "postgres"];

export interface TestDatabase {
  url: string;
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** A fresh, migrated database of the given dialect: an SQLite file, or a new database in the test cluster. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "docket-sqlite-"));
    const url = join(dir, "docket.sqlite");
    const handle = openDatabase(url);
    await migrateToLatest(handle.raw, "sqlite");
    return {
      url,
      handle,
      async drop() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const clusterUrl = inject("postgresUrl");
  const name = `test_${Math.random().toString(36).slice(2, 12)}`;
  await withAdmin(clusterUrl, (admin) => admin.query(`create database "${name}"`));
  const url = clusterUrl.replace(/\/[^/]*$/, `/${name}`);
  const handle = openDatabase(url, { poolSize: 5 });
  await migrateToLatest(handle.raw, "postgres");
  return {
    url,
    handle,
    async drop() {
      await handle.close();
      await withAdmin(clusterUrl, (admin) => admin.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
