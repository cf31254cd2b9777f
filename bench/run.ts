/**
 * `npm run bench`: seeds an organization of people and plates into a fresh database, starts Docket
 * and the baseline side by side on it, and measures both with autocannon at 50 connections:
 * SQLite with 1,000 and 10,000 people, then PostgreSQL with 10,000 (100 tasks each: 20 open, 80 done).
 * Each manager has a one-on-one with two of their reports (bench/one-on-ones-seed.ts): reading one of
 * those meetings as the manager (both plates in view) is judged against a bare SELECT of the plate of
 * the report it is with, each request another meeting and so another plate. The plate is also read
 * with the tag it last answered (`If-None-Match`, answered 304 while it is unchanged), and the team
 * view of a manager of 8 and of one of 40 (bench/seed.ts).
 * Figures are ratios against the baseline measured in the same run; each row is printed beside its
 * target (the issue's, from `targets` below), and each PostgreSQL row's ratio as a share of the same
 * row's ratio on SQLite, when both ran.
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
import {
  inProgressPerPlate,
  openPerPlate,
  personId,
  seedOrganization,
  taskId,
  wideTeamManager,
  wideTeamSize,
} from "./seed";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const only = process.env.BENCH_ONLY as DialectName | undefined;
const tasksPerPerson = 100;
const docketPort = 3931;
const baselinePort = 3932;
const baselineRow = "baseline: prepared SELECT of a plate";
const plateRow = "GET /people/{id}/tasks (plate)";
const revalidatedRow = "GET /people/{id}/tasks, If-None-Match → 304";
const teamRow = "GET /people/{id}/team (8 reports)";
const wideTeamRow = `GET /people/{id}/team (${wideTeamSize} reports)`;
const postRow = "POST /people/{id}/tasks (placed at top)";
const patchRow = "PATCH /tasks/{id} (complete)";
const meetingRow = "GET /meetings/{id} (as the manager)";
const reportsPlateRow = "baseline: the meeting's report's plate";

/** What a row must reach: a share of the baseline's throughput, and on SQLite a p99 or a rate. */
interface Target {
  row: string;
  share: number;
  /** Milliseconds the p99 must stay under, on SQLite. */
  p99?: number;
  /** Requests per second to reach at least, on SQLite. */
  perSecond?: number;
}

const targets: Target[] = [
  { row: plateRow, share: 0.85, p99: 25 },
  { row: revalidatedRow, share: 1.2 },
  { row: teamRow, share: 0.5, p99: 40 },
  { row: wideTeamRow, share: 0.2 },
  { row: postRow, share: 0.45, perSecond: 2_000 },
  { row: patchRow, share: 0.45, perSecond: 2_000 },
];
/** On PostgreSQL, each row's ratio must reach this share of the same row's ratio on SQLite. */
const postgresShare = 0.8;

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
    // The same organization's rows on SQLite, which PostgreSQL's are judged against.
    const onSqlite =
      setup.dialect === "postgres"
        ? summary.find((other) => other.setup.dialect === "sqlite" && other.setup.people === setup.people)
        : undefined;
    console.log("");
    printTargets(setup, rows, onSqlite?.rows);
    printMeetingTarget(setup, baseline, rest, onSqlite?.rows);
  }
}

const mark = (met: boolean) => (met ? "met" : "MISSED");

/** A row's throughput as a share of the baseline it is judged against (the meeting's: its report's plate). */
function ratioOf(rows: readonly Figures[], name: string): number | undefined {
  const row = rows.find((candidate) => candidate.name === name);
  const baseline = rows.find(
    (candidate) => candidate.name === (name === meetingRow ? reportsPlateRow : baselineRow),
  );
  return row && baseline ? row.requestsPerSecond / baseline.requestsPerSecond : undefined;
}

/**
 * A PostgreSQL row's ratio as a share of the same row's ratio on SQLite, beside its target
 * (`postgresShare`), or that SQLite did not run it (`BENCH_ONLY=postgres`).
 */
function againstSqlite(name: string, ratio: number, sqliteRows: readonly Figures[] | undefined): string {
  const sqliteRatio = sqliteRows && ratioOf(sqliteRows, name);
  if (sqliteRatio === undefined) return "not run on SQLite, nothing to compare with";
  const share = ratio / sqliteRatio;
  return (
    `${(share * 100).toFixed(0)} % of SQLite's ${sqliteRatio.toFixed(2)}× ` +
    `(target ≥ ${(postgresShare * 100).toFixed(0)} %): ${mark(share >= postgresShare)}`
  );
}

/**
 * Each measured row beside its target: on SQLite its share of the baseline (and its p99 or rate),
 * on PostgreSQL its ratio as a share of the same row's on SQLite.
 */
function printTargets(
  setup: Setup,
  rows: readonly Figures[],
  sqliteRows: readonly Figures[] | undefined,
): void {
  for (const target of targets) {
    const row = rows.find((candidate) => candidate.name === target.row);
    const ratio = ratioOf(rows, target.row);
    if (!row || ratio === undefined) continue;
    const figures = `${ratio.toFixed(2)}× the baseline, ${row.requestsPerSecond.toFixed(0)}/s, p99 ${row.p99} ms`;
    if (setup.dialect === "postgres") {
      console.log(`${target.row.padEnd(44)} ${figures}, ${againstSqlite(target.row, ratio, sqliteRows)}`);
      continue;
    }
    const wanted = [`≥ ${target.share.toFixed(2)}×`];
    let met = ratio >= target.share;
    if (target.p99 !== undefined) {
      wanted.push(`p99 < ${target.p99} ms`);
      met &&= row.p99 < target.p99;
    }
    if (target.perSecond !== undefined) {
      wanted.push(`≥ ${target.perSecond.toLocaleString("en")}/s`);
      met &&= row.requestsPerSecond >= target.perSecond;
    }
    console.log(`${target.row.padEnd(44)} ${figures} (target ${wanted.join(", ")}): ${mark(met)}`);
  }
}

/**
 * Reading a meeting: at least half the throughput of a bare SELECT of the report's plate (each
 * request the plate of the report of the meeting read), and p99 under 50 ms on SQLite.
 */
function printMeetingTarget(
  setup: Setup,
  baseline: Figures,
  rows: Figures[],
  sqliteRows: readonly Figures[] | undefined,
): void {
  const meeting = rows.find((row) => row.name === meetingRow);
  const reportsPlate = rows.find((row) => row.name === reportsPlateRow);
  if (!meeting || !reportsPlate) return;
  const ratio = meeting.requestsPerSecond / reportsPlate.requestsPerSecond;
  const met = ratio >= 0.5 && (setup.dialect !== "sqlite" || meeting.p99 < 50);
  console.log(
    `${meetingRow}: ${ratio.toFixed(2)}× the report's plate's baseline ` +
      `(${(meeting.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}× the first), p99 ${meeting.p99} ms ` +
      `(target ≥ 0.5×, p99 < 50 ms on SQLite)${setup.dialect === "sqlite" ? `: ${mark(met)}` : ""}` +
      `${setup.dialect === "postgres" ? `, ${againstSqlite(meetingRow, ratio, sqliteRows)}` : ""}`,
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
    const platePath = `/api/v1/people/${plateOwner}/tasks`;
    const reads: Load[] = [
      {
        name: baselineRow,
        path: () => `/baseline/people/${plateOwner}/tasks`,
        headers: {},
      },
      {
        name: plateRow,
        path: () => platePath,
        headers: auth,
      },
      {
        name: revalidatedRow,
        path: () => platePath,
        headers: { ...auth, "if-none-match": await plateTag(base, platePath, auth) },
        expectedStatus: 304,
      },
      {
        name: teamRow,
        path: () => `/api/v1/people/${personId(100)}/team`,
        headers: auth,
      },
      {
        name: wideTeamRow,
        path: () => `/api/v1/people/${personId(wideTeamManager)}/team`,
        headers: auth,
      },
      meetingLoad(meetings),
    ];
    // Completing: one plate after another, each open task not in progress once (at version 1), from
    // the first of them; the warm-up from the last, so the row measured never meets a task it completed.
    const completing = (n: number, fromLast: boolean) => {
      const round = Math.floor(n / others) % (openPerPlate - inProgressPerPlate);
      return taskId(1 + (n % others), fromLast ? openPerPlate - 1 - round : inProgressPerPlate + round);
    };
    const writes: Load[] = [
      {
        name: postRow,
        method: "POST",
        path: (n) => `/api/v1/people/${personId(1 + (n % others))}/tasks`,
        body: (n) => ({ title: `Added ${n}`, placement: "top" }),
        headers: auth,
      },
      {
        name: patchRow,
        method: "PATCH",
        path: (n) => `/api/v1/tasks/${completing(n, false)}`,
        body: () => ({ version: 1, state: "done" }),
        headers: auth,
      },
    ];
    const [postLoad, patchLoad] = writes as [Load, Load];
    await checkTeam(base, personId(100), 8, auth);
    await checkTeam(base, personId(wideTeamManager), wideTeamSize, auth);
    const [baselineLoad, plateLoad] = reads as [Load, Load];
    await measure(baselineBase, baselineLoad, Math.min(seconds, 3)); // warm-up: caches and JIT
    await measure(base, plateLoad, Math.min(seconds, 3));
    await measure(base, meetingLoad(meetings), Math.min(seconds, 3));
    const rows: Figures[] = [];
    rows.push(await measure(baselineBase, baselineLoad, seconds));
    rows.push(await measure(baselineBase, reportsPlateLoad(meetings), seconds));
    for (const load of reads.slice(1)) rows.push(await measure(base, load, seconds));
    if (!setup.readsOnly) {
      // Warm-up of the write path: the first seconds of writes run at half the rate of the next ones.
      await measure(base, postLoad, Math.min(seconds, 3));
      await measure(
        base,
        { ...patchLoad, path: (n) => `/api/v1/tasks/${completing(n, true)}` },
        Math.min(seconds, 3),
      );
      for (const load of writes) rows.push(await measure(base, load, seconds));
    }
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

/**
 * The entity tag the plate at `path` answers with now: what a revalidated read sends back. Fails the
 * bench when the plate answers without one.
 */
async function plateTag(base: string, path: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(base + path, { headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${revalidatedRow}: GET ${path} answered ${response.status}`);
  const tag = response.headers.get("etag");
  if (tag === null) throw new Error(`${revalidatedRow}: the plate answered without an ETag`);
  return tag;
}

/** Fails the bench unless the team view of `managerId` lists `size` reports. */
async function checkTeam(
  base: string,
  managerId: string,
  size: number,
  headers: Record<string, string>,
): Promise<void> {
  const response = await fetch(`${base}/api/v1/people/${managerId}/team`, { headers });
  if (!response.ok) throw new Error(`GET the team of ${managerId}: ${response.status}`);
  const { items } = (await response.json()) as { items: unknown[] };
  if (items.length !== size)
    throw new Error(`the team of ${managerId} has ${items.length} reports, not ${size}`);
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
