/**
 * `npm run bench`: seeds an organization of people and plates into a fresh database, starts Docket
 * and the baseline side by side on it, and measures both with autocannon at 50 connections:
 * SQLite with 1,000 and 10,000 people, then PostgreSQL with 10,000 (100 tasks each: 20 open, 80 done).
 * Each manager has a one-on-one with two of their reports (bench/one-on-ones-seed.ts): reading one of
 * those meetings as the manager (both plates in view) is judged against a bare SELECT of the plate of
 * the report it is with, each request another meeting and so another plate.
 * Figures are ratios against the baseline measured in the same run, never absolute targets.
 *
 * BENCH_SECONDS (default 10) sets each measurement's length; BENCH_ONLY=sqlite|postgres runs one dialect.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { openDatabase } from "../src/server/db/connect";
import type { DialectName } from "../src/server/db/dialect";
import { migrateToLatest } from "../src/server/db/migrate";
import type { Database } from "../src/server/db/schema";
import { startPostgresCluster } from "../test/support/postgres-cluster";
import { benchDatabase } from "./databases";
import { benchManager } from "./manager";
import { type Figures, type Load, measure, printTable } from "./measure";
import { type BenchMeeting, seedOneOnOnes } from "./one-on-ones-seed";
import { startBenchServers } from "./processes";
import { inProgressPerPlate, openPerPlate, personId, seedOrganization, taskId } from "./seed";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const only = process.env.BENCH_ONLY as DialectName | undefined;
const tasksPerPerson = 100;
const docketPort = 3931;
const baselinePort = 3932;
const meetingRow = "GET /meetings/{id} (as the manager)";
const reportsPlateRow = "baseline: the meeting's report's plate";

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
    printMeetingTarget(setup, baseline, rest);
  }
}

/**
 * Reading a meeting: at least half the throughput of a bare SELECT of the report's plate (each
 * request the plate of the report of the meeting read), and p99 under 50 ms on SQLite.
 */
function printMeetingTarget(setup: Setup, baseline: Figures, rows: Figures[]): void {
  const meeting = rows.find((row) => row.name === meetingRow);
  const reportsPlate = rows.find((row) => row.name === reportsPlateRow);
  if (!meeting || !reportsPlate) return;
  const ratio = meeting.requestsPerSecond / reportsPlate.requestsPerSecond;
  const met = ratio >= 0.5 && (setup.dialect !== "sqlite" || meeting.p99 < 50);
  console.log(
    `${meetingRow}: ${ratio.toFixed(2)}× the report's plate's baseline ` +
      `(${(meeting.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}× the first), p99 ${meeting.p99} ms ` +
      `(target ≥ 0.5×, p99 < 50 ms on SQLite)${setup.dialect === "sqlite" ? `: ${met ? "met" : "MISSED"}` : ""}`,
  );
}

async function benchOne(setup: Setup, clusterUrl: string | null): Promise<Figures[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "docket-bench-"));
  const url = await benchDatabase(setup.dialect, dataDir, clusterUrl);
  const seeding = Date.now();
  const database = openDatabase(url);
  await migrateToLatest(database.raw, setup.dialect);
  await seedOrganization(database.db, setup.dialect, setup.people, tasksPerPerson);
  const meetings = await seedOneOnOnes(database.db, setup.dialect, setup.people, new Date());
  if (setup.dialect === "sqlite") await withoutPlannerStatistics(database.db);
  await database.close();
  console.log(
    `${setup.dialect}: seeded ${setup.people} people and ${meetings.length} one-on-ones in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
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
      meetingLoad(meetings),
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
    await measure(base, meetingLoad(meetings), Math.min(seconds, 3));
    const rows: Figures[] = [];
    rows.push(await measure(baselineBase, baselineLoad, seconds));
    rows.push(await measure(baselineBase, reportsPlateLoad(meetings), seconds));
    for (const load of reads.slice(1)) rows.push(await measure(base, load, seconds));
    if (!setup.readsOnly) for (const load of writes) rows.push(await measure(base, load, seconds));
    printTable(`${setup.dialect}, ${setup.people} people`, rows, rows[0] as Figures);
    return rows;
  } finally {
    await servers.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Leaves an SQLite database as Docket keeps its own: without planner statistics, since it never runs
 * ANALYZE. With them (sqlite_stat4), SQLite compiles a statement again whenever a value compared with
 * an indexed column changes, so each request reading other rows than the one before would pay one
 * compilation per statement, which no running Docket does.
 */
async function withoutPlannerStatistics(db: Kysely<Database>): Promise<void> {
  for (const table of ["sqlite_stat1", "sqlite_stat4"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}

/** The baseline for reading meetings: each request selects the plate of the next meeting's report. */
function reportsPlateLoad(meetings: readonly BenchMeeting[]): Load {
  return {
    name: reportsPlateRow,
    path: (n) => `/baseline/people/${(meetings[n % meetings.length] as BenchMeeting).reportId}/tasks`,
    headers: {},
  };
}

/** Each request reads the next upcoming meeting of the set, as its manager (both plates in view). */
function meetingLoad(meetings: readonly BenchMeeting[]): Load {
  const nth = (n: number) => meetings[n % meetings.length] as BenchMeeting;
  return {
    name: meetingRow,
    path: (n) => `/api/v1/meetings/${nth(n).meetingId}`,
    headers: (n) => ({ authorization: `Bearer ${nth(n).managerToken}` }),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
