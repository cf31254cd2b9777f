/**
 * `npm run bench`: seeds an organization of people and plates into a fresh database, starts Docket
 * and the baseline side by side on it, and measures both with autocannon at 50 connections:
 * SQLite with 1,000 and 10,000 people, then PostgreSQL with 10,000 (100 tasks each: 20 open, 80 done).
 * Figures are ratios against the baseline measured in the same run, never absolute targets.
 *
 * BENCH_SECONDS (default 10) sets each measurement's length; BENCH_ONLY=sqlite|postgres runs one dialect.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../src/server/db/connect";
import type { DialectName } from "../src/server/db/dialect";
import { migrateToLatest } from "../src/server/db/migrate";
import { startPostgresCluster } from "../test/support/postgres-cluster";
import { benchDatabase } from "./databases";
import { benchManager } from "./manager";
import { type Figures, type Load, measure, printTable } from "./measure";
import { startBenchServers } from "./processes";
import { inProgressPerPlate, openPerPlate, personId, seedOrganization, taskId } from "./seed";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const only = process.env.BENCH_ONLY as DialectName | undefined;
const tasksPerPerson = 100;
const docketPort = 3931;
const baselinePort = 3932;

interface Setup {
  dialect: DialectName;
  people: number;
  /** Only the reads are measured on the smaller organization: it is there to show size does not matter. */
  readsOnly: boolean;
}

const setups: Setup[] = [
  { dialect: "sqlite" as const, people: 1_000, readsOnly: true },
  { dialect: "sqlite" as const, people: 10_000, readsOnly: false },
  { dialect: "postgres" as const, people: 10_000, readsOnly: false },
].filter((setup) => only === undefined || setup.dialect === only);

async function main(): Promise<void> {
  const cluster = setups.some((setup) => setup.dialect === "postgres") ? await startPostgresCluster() : null;
  const summary: { setup: Setup; rows: Figures[] }[] = [];
  try {
    for (const setup of setups) summary.push({ setup, rows: await benchOne(setup, cluster?.url ?? null) });
  } finally {
    await cluster?.stop();
  }
  console.log("\n=== summary ===");
  for (const { setup, rows } of summary) {
    const [baseline, ...rest] = rows;
    if (!baseline) continue;
    printTable(
      `${setup.dialect}, ${setup.people.toLocaleString("en")} people, ${(setup.people * tasksPerPerson).toLocaleString("en")} tasks, 50 connections, ${seconds} s each`,
      [baseline, ...rest],
      baseline,
    );
  }
}

async function benchOne(setup: Setup, clusterUrl: string | null): Promise<Figures[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "docket-bench-"));
  const url = await benchDatabase(setup.dialect, dataDir, clusterUrl);
  const seeding = Date.now();
  const database = openDatabase(url);
  await migrateToLatest(database.raw, setup.dialect);
  await seedOrganization(database.db, setup.dialect, setup.people, tasksPerPerson);
  await database.close();
  console.log(
    `${setup.dialect}: seeded ${setup.people} people in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
  );

  const plateOwner = personId(setup.people - 1);
  const servers = await startBenchServers({
    dataDir,
    url,
    docketPort,
    baselinePort,
    baselineReadyPath: `/baseline/people/${plateOwner}/tasks`,
  });
  const { base, baselineBase } = servers;
  try {
    const token = await benchManager(base, url);
    const auth = { authorization: `Bearer ${token}` };
    const others = setup.people - 1;
    const reads: Load[] = [
      {
        name: "baseline: prepared SELECT of a plate",
        path: () => `/baseline/people/${plateOwner}/tasks`,
        headers: {},
      },
      {
        name: "GET /people/{id}/tasks (plate)",
        path: () => `/api/v1/people/${plateOwner}/tasks`,
        headers: auth,
      },
      {
        name: "GET /people/{id}/team (8 reports)",
        path: () => `/api/v1/people/${personId(100)}/team`,
        headers: auth,
      },
    ];
    const writes: Load[] = [
      {
        name: "POST /people/{id}/tasks (placed at top)",
        method: "POST",
        path: (n) => `/api/v1/people/${personId(1 + (n % others))}/tasks`,
        body: (n) => ({ title: `Added ${n}`, placement: "top" }),
        headers: auth,
      },
      {
        name: "PATCH /tasks/{id} (complete)",
        method: "PATCH",
        path: (n) =>
          `/api/v1/tasks/${taskId(1 + (n % others), inProgressPerPlate + (Math.floor(n / others) % (openPerPlate - inProgressPerPlate)))}`,
        body: () => ({ version: 1, state: "done" }),
        headers: auth,
      },
    ];
    const [baselineLoad, plateLoad] = reads as [Load, Load];
    await measure(baselineBase, baselineLoad, Math.min(seconds, 3)); // warm-up: caches and JIT
    await measure(base, plateLoad, Math.min(seconds, 3));
    const rows: Figures[] = [];
    rows.push(await measure(baselineBase, baselineLoad, seconds));
    for (const load of reads.slice(1)) rows.push(await measure(base, load, seconds));
    if (!setup.readsOnly) for (const load of writes) rows.push(await measure(base, load, seconds));
    printTable(`${setup.dialect}, ${setup.people} people`, rows, rows[0] as Figures);
    return rows;
  } finally {
    await servers.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
