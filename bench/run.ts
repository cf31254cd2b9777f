/**
 * `npm run bench`: seeds an organization into a fresh SQLite database, starts Docket and the
 * baseline side by side on it, and measures both with autocannon at 50 connections. Figures are
 * ratios against the baseline measured in the same run, never absolute targets.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "../src/server/db/connect";
import { migrateToLatest } from "../src/server/db/migrate";
import { seedOrganization } from "./seed";

const size = Number(process.env.BENCH_PEOPLE ?? 10_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const docketPort = 3931;
const baselinePort = 3932;

async function start(args: string[], env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const ok = await fetch(readyUrl).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`${args.join(" ")} did not answer ${readyUrl} within 60 s`);
}

async function measure(url: string, headers: Record<string, string>) {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "docket-bench-"));
  const file = join(dataDir, "docket.sqlite");
  const database = openDatabase(file);
  await migrateToLatest(database.raw, "sqlite");
  const { ownerId } = await seedOrganization(database.db, size);
  await database.close();

  const base = `http://127.0.0.1:${docketPort}`;
  const docket = await start(
    ["src/server/main.ts"],
    {
      PORT: String(docketPort),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      BASE_URL: base,
      LOG_LEVEL: "warn",
      WEB_ROOT: "none",
    },
    `${base}/api/health`,
  );
  const baseline = await start(
    ["bench/baseline-server.ts"],
    { PORT: String(baselinePort), BENCH_DB: file },
    `http://127.0.0.1:${baselinePort}/baseline/people/${ownerId}`,
  );
  try {
    const { cookie, token, personId } = await signedInMember(base, file, ownerId);
    const target = `bench-person-${Math.floor(size / 2)}`;
    const rows = [
      [
        "baseline: prepared SELECT of one person",
        `http://127.0.0.1:${baselinePort}/baseline/people/${target}`,
        {},
      ],
      [
        "GET /api/v1/people/{id} (token)",
        `${base}/api/v1/people/${target}`,
        { authorization: `Bearer ${token}` },
      ],
      ["GET /api/v1/me (token)", `${base}/api/v1/me`, { authorization: `Bearer ${token}` }],
      ["GET /api/v1/me (session cookie)", `${base}/api/v1/me`, { cookie }],
    ] as const;
    await measure(rows[0][1], {}); // warm-up of both processes' caches and JIT
    await measure(rows[1][1], rows[1][2]);
    const results = [];
    for (const [name, url, headers] of rows) results.push({ name, ...(await measure(url, headers)) });
    const baselineRate = results[0]?.requestsPerSecond ?? 1;
    console.log(
      `\nSQLite, ${size} people, ${connections} connections, ${seconds} s each (bench person ${personId})\n`,
    );
    console.log(
      `${"endpoint".padEnd(42)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"vs baseline".padStart(12)}`,
    );
    for (const row of results) {
      const ratio = `${((row.requestsPerSecond / baselineRate) * 100).toFixed(0)} %`;
      console.log(
        `${row.name.padEnd(42)} ${row.requestsPerSecond.toFixed(0).padStart(8)} ${String(row.p50).padStart(7)} ${String(row.p99).padStart(7)} ${ratio.padStart(12)}`,
      );
    }
  } finally {
    docket.kill("SIGTERM");
    baseline.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Signs up through the real route, joins the seeded organization under its owner, and makes a token. */
async function signedInMember(base: string, file: string, ownerId: string) {
  const headers = { "content-type": "application/json", origin: base };
  const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      name: "Bench Member",
      email: "bench@bench.example",
      password: "measured and repeatable",
    }),
  });
  if (!signUp.ok) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const { user } = (await signUp.json()) as { user: { id: string } };
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const database = openDatabase(file);
  await database.db
    .updateTable("person")
    .set({ organization_id: "bench-org", role: "member", manager_id: ownerId })
    .where("id", "=", user.id)
    .execute();
  await database.close();
  const created = await fetch(`${base}/api/v1/tokens`, {
    method: "POST",
    headers: { ...headers, cookie },
    body: JSON.stringify({ name: "bench" }),
  });
  const { token } = (await created.json()) as { token: string };
  return { cookie, token, personId: user.id };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
