/**
 * `npm run bench:record`: the track record of one person with five years of history (2,500 finished
 * tasks, about ten a week) in the bench organization of 10,000 people and 1,000,000 tasks, against a
 * bare prepared SELECT of the same finished tasks in the same run: GET /record and the PDF packet
 * for the last 12 months at 50 connections, then one of each alone, and completing tasks alone and
 * while records are read. Figures are ratios against the baseline, never absolute targets.
 *
 * BENCH_SECONDS (default 10) sets each measurement's length; BENCH_ONLY=sqlite|postgres runs one dialect.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Temporal } from "temporal-polyfill";
import type { Record as TrackRecord } from "../src/contract/record";
import { type Period, periodInstants } from "../src/core/record-period";
import { localDateOf } from "../src/core/zone-calendar";
import { openDatabase } from "../src/server/db/connect";
import type { DialectName } from "../src/server/db/dialect";
import { migrateToLatest } from "../src/server/db/migrate";
import { benchDatabase, onEachDialect } from "./databases";
import { benchManager } from "./manager";
import { type Figures, type Load, measure, printTable } from "./measure";
import { startBenchServers } from "./processes";
import { seedHistory } from "./record-seed";
import { inProgressPerPlate, openPerPlate, organizationId, personId, seedOrganization, taskId } from "./seed";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const only = process.env.BENCH_ONLY as DialectName | undefined;
const people = 10_000;
const tasksPerPerson = 100;
const finishedTasks = 2_500;
const subject = 4242;
const docketPort = 3941;
const baselinePort = 3942;
/** How many requests, one after another, make a figure of one request alone. */
const aloneRuns = 20;
/** At 50 connections a slow answer waits behind 49 others: counted as measured, not as an error. */
const timeoutSeconds = 60;

interface Alone {
  median: number;
  min: number;
  max: number;
}

interface Result {
  dialect: DialectName;
  rows: Figures[];
  baseline: Figures;
  record: Figures;
  recordAlone: Alone;
  /** The very first read, before any task of the record was judged. */
  recordCold: Alone;
  pdfAlone: Alone;
  items: number;
}

async function main(): Promise<void> {
  const results = await onEachDialect(only, benchOne);
  console.log("\n=== summary ===");
  for (const result of results) {
    printTable(title(result), result.rows, result.baseline);
    printTargets(result);
  }
}

const title = (result: { dialect: DialectName; items: number }) =>
  `${result.dialect}: record of 1 person with ${finishedTasks.toLocaleString("en")} finished tasks over 5 years (12 months: ${result.items} items), ` +
  `${people.toLocaleString("en")} people, ${(people * tasksPerPerson).toLocaleString("en")} tasks, 50 connections, ${seconds} s each`;

function printTargets({ dialect, baseline, record, recordAlone, recordCold, pdfAlone }: Result): void {
  const ratio = record.requestsPerSecond / baseline.requestsPerSecond;
  const mark = (met: boolean) => (met ? "met" : "MISSED");
  const onSqlite = dialect === "sqlite";
  const alone = ({ median, min, max }: Alone) =>
    `median ${median.toFixed(0)} ms of ${aloneRuns} (min ${min.toFixed(0)}, max ${max.toFixed(0)})`;
  console.log(
    `\nGET /record throughput: ${ratio.toFixed(2)}× the baseline (target ≥ 0.5× on SQLite)${onSqlite ? `: ${mark(ratio >= 0.5)}` : ""}`,
  );
  console.log(
    `GET /record p99: ${record.p99} ms (target < 50 ms on SQLite)${onSqlite ? `: ${mark(record.p99 < 50)}` : ""}`,
  );
  console.log(`one 12-month record, alone: ${alone(recordAlone)}`);
  console.log(`the first 12-month record read, nothing judged yet: ${recordCold.median.toFixed(0)} ms`);
  console.log(
    `one 12-month PDF packet, alone: ${alone(pdfAlone)} (target < 1 s): ${mark(pdfAlone.median < 1_000)}`,
  );
}

async function benchOne(dialect: DialectName, clusterUrl: string | null): Promise<Result> {
  const dataDir = mkdtempSync(join(tmpdir(), "docket-bench-record-"));
  const url = await benchDatabase(dialect, dataDir, clusterUrl);
  const ownerId = personId(subject);
  const seeding = Date.now();
  const database = openDatabase(url);
  await migrateToLatest(database.raw, dialect);
  await seedOrganization(database.db, dialect, people, tasksPerPerson);
  const owner = await database.db
    .selectFrom("person")
    .select(["time_zone", "manager_id"])
    .where("id", "=", ownerId)
    .executeTakeFirstOrThrow();
  await seedHistory(database.db, dialect, {
    organizationId,
    ownerId,
    managerId: owner.manager_id ?? ownerId,
    timeZone: owner.time_zone,
    now: new Date(),
    tasks: finishedTasks,
    years: 5,
  });
  await database.close();
  console.log(
    `${dialect}: seeded ${people} people and ${finishedTasks} finished tasks of ${ownerId} in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
  );

  const servers = await startBenchServers({
    dataDir,
    url,
    docketPort,
    baselinePort,
    baselineReadyPath: `/baseline/people/${ownerId}/tasks`,
  });
  const { base, baselineBase } = servers;
  try {
    const auth = { authorization: `Bearer ${await benchManager(base, url)}` };
    const year = lastMonths(owner.time_zone, 12);
    const longest = lastMonths(owner.time_zone, 60);
    const { start, end } = periodInstants(year, owner.time_zone);
    const recordPath = `/api/v1/people/${ownerId}/record?from=${year.from}&to=${year.to}`;
    const longestPath = `/api/v1/people/${ownerId}/record?from=${longest.from}&to=${longest.to}`;
    const packetPath = `/api/v1/people/${ownerId}/record/packet?from=${year.from}&to=${year.to}&format=pdf`;
    const baselinePath = `/baseline/people/${ownerId}/finished?start=${start}&end=${end}`;
    // The first read judges every task from its history; later ones find them judged at their version.
    const recordCold = await timeAlone(base + recordPath, auth, "application/json", 1);
    const items = await checkRecord(base, baselineBase, auth, { recordPath, baselinePath, longestPath });

    let written = 0;
    const others = people - 1;
    const complete: Load = {
      name: "PATCH /tasks/{id} (complete)",
      method: "PATCH",
      // One counter for every write load: each task is completed once, at version 1.
      path: () => {
        const n = written++;
        const index = inProgressPerPlate + (Math.floor(n / others) % (openPerPlate - inProgressPerPlate));
        return `/api/v1/tasks/${taskId(1 + (n % others), index)}`;
      },
      body: () => ({ version: 1, state: "done" }),
      headers: auth,
      timeoutSeconds,
    };
    const baselineLoad: Load = {
      name: "baseline: prepared SELECT, 12 months",
      path: () => baselinePath,
      headers: {},
    };
    const recordLoad: Load = {
      name: "GET /people/{id}/record, 12 months",
      path: () => recordPath,
      headers: auth,
      timeoutSeconds,
    };
    // PDFs are drawn one after another on their own thread, with at most 16 waiting (503 beyond).
    const packetLoad: Load = {
      name: "GET …/record/packet PDF, 12 months (8 conn.)",
      connections: 8,
      path: () => packetPath,
      headers: auth,
      timeoutSeconds,
    };

    const docketIdle = `${base}/api/health`;
    const baselineIdle = `${baselineBase}/baseline/people/${ownerId}/tasks`;
    // Each load is followed by the answers it left queued: the next one starts on an idle server.
    const run = async (url: string, load: Load, length = seconds) => {
      const figures = await measure(url, load, length);
      await settle(url === base ? docketIdle : baselineIdle);
      return figures;
    };
    await run(baselineBase, baselineLoad, Math.min(seconds, 3)); // warm-up: caches and JIT
    await run(base, recordLoad, Math.min(seconds, 3));
    const baselineFigures = await run(baselineBase, baselineLoad);
    const recordFigures = await run(base, recordLoad);
    const recordAlone = await timeAlone(base + recordPath, auth, "application/json");
    const pdfAlone = await timeAlone(base + packetPath, auth, "application/pdf");
    const rows = [baselineFigures, recordFigures, await run(base, packetLoad), await run(base, complete)];
    rows.push(
      ...(await Promise.all([
        run(base, { ...complete, name: "PATCH /tasks/{id} while GET /record runs" }),
        run(base, { ...recordLoad, name: "GET /record while PATCH runs" }),
      ])),
    );
    rows.push(
      ...(await Promise.all([
        run(base, { ...complete, name: "PATCH /tasks/{id} while PDFs are drawn" }),
        run(base, { ...packetLoad, name: "PDF packets while PATCH runs (8 conn.)" }),
      ])),
    );
    const result = {
      dialect,
      rows,
      baseline: baselineFigures,
      record: recordFigures,
      recordAlone,
      recordCold,
      pdfAlone,
      items,
    };
    printTable(title(result), rows, baselineFigures);
    printTargets(result);
    return result;
  } finally {
    await servers.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The last `months` months in the person's zone, today included. */
function lastMonths(timeZone: string, months: number): Period {
  const today = Temporal.PlainDate.from(localDateOf(new Date().toISOString(), timeZone));
  return { from: today.subtract({ months }).add({ days: 1 }).toString(), to: today.toString() };
}

/**
 * Fails unless the seeded history is judged as real work is: the longest period a record may cover
 * has completed, on-time, late, dropped and slipped items, and the 12 months measured hold the
 * same tasks as the baseline's rows. Answers how many.
 */
async function checkRecord(
  base: string,
  baselineBase: string,
  auth: Record<string, string>,
  paths: { recordPath: string; baselinePath: string; longestPath: string },
): Promise<number> {
  const whole = await getJson<TrackRecord>(base + paths.longestPath, auth);
  const { summary } = whole;
  console.log(
    `record of ${whole.from} to ${whole.to}: ${whole.items.length} items, ${JSON.stringify(summary)}`,
  );
  const counts = {
    completed: summary.completed,
    completedOnTime: summary.completedOnTime,
    completedLate: summary.completedLate,
    dropped: summary.dropped,
    slipped: summary.slipped,
  };
  const empty = Object.entries(counts).filter(([, count]) => count === 0);
  if (empty.length > 0)
    throw new Error(`the seeded record has none ${empty.map(([name]) => name).join(", ")}`);
  const year = await getJson<TrackRecord>(base + paths.recordPath, auth);
  const rows = await getJson<{ items: { id: string }[] }>(baselineBase + paths.baselinePath, {});
  if (year.items.length !== rows.items.length) {
    throw new Error(
      `12 months: the record has ${year.items.length} items, the baseline ${rows.items.length} rows`,
    );
  }
  return year.items.length;
}

/** Waits until `url` answers within 50 ms, twice in a row: nothing is queued before it any more. */
async function settle(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (quick < 2) {
    if (Date.now() > deadline) throw new Error(`${url} stayed busy for 2 minutes after a load`);
    const started = performance.now();
    await (await fetch(url)).arrayBuffer();
    quick = performance.now() - started < 50 ? quick + 1 : 0;
  }
}

/** The median, fastest and slowest of `runs` answers fetched one after another. */
async function timeAlone(
  url: string,
  headers: Record<string, string>,
  contentType: string,
  runs = aloneRuns,
): Promise<Alone> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.arrayBuffer();
    const type = response.headers.get("content-type") ?? "";
    if (!response.ok || !type.startsWith(contentType) || body.byteLength === 0) {
      throw new Error(`${url}: ${response.status} ${type}`);
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const middle = Math.floor(runs / 2);
  return {
    median:
      runs % 2 === 1
        ? (times[middle] as number)
        : ((times[middle - 1] as number) + (times[middle] as number)) / 2,
    min: times[0] as number,
    max: times.at(-1) as number,
  };
}

async function getJson<T>(url: string, headers: Record<string, string>): Promise<T> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
