import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { type DatabaseHandle, openDatabase } from "../src/server/db/connect";
import { migrateToLatest } from "../src/server/db/migrate";
import { createMailer, type Mailer } from "../src/server/mail/mailer";
import { systemClock } from "../src/server/platform/system-clock";
import type { Answer } from "./support/client";
import { founder, invite, type Member } from "./support/factories";
import { baseUrl } from "./support/harness";
import { type PostgresCluster, startPostgresCluster } from "./support/postgres-cluster";

/**
 * PostgreSQL restarts while Docket serves a steady mix of reads and writes: meanwhile every answer is
 * a success or a 503 problem+json with Retry-After, never a 500; afterwards Docket serves again by
 * itself, and every write it acknowledged is there. The cluster is this file's own: restarting the
 * shared one would cut the other test files' connections.
 */
describe("PostgreSQL restarting under load", () => {
  let cluster: PostgresCluster;
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let mailer: Mailer;
  let dataDir: string;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("create database restart_test");
    await admin.end();
    const url = cluster.url.replace(/\/[^/]*$/, "/restart_test");
    database = openDatabase(url, { poolSize: 6 });
    await migrateToLatest(database.raw, "postgres");
    dataDir = mkdtempSync(join(tmpdir(), "docket-restart-"));
    mailer = createMailer({ smtpUrl: null, outboxDir: join(dataDir, "outbox"), from: "d@docket.test" });
    const config = {
      ...loadConfig({
        DATA_DIR: dataDir,
        BASE_URL: baseUrl,
        AUTH_SECRET: "test-secret-0123456789abcdef0123456789",
      }),
      databaseUrl: url,
      webRoot: null,
    };
    ({ app } = await buildApp({ config, database, clock: systemClock, mailer }));
    await app.ready();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    mailer?.close();
    await database?.close();
    await cluster?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers 503 problem+json while it is down, never 500, and recovers with every acknowledged write", async () => {
    const boss = await founder(app, "Rhea Restart");
    const report = await invite(app, boss, "Ray Report", { managerId: boss.id });
    const answers: { phase: "before" | "during" | "after"; answer: Answer }[] = [];
    const acknowledged: string[] = [];
    let phase: "before" | "during" | "after" = "before";
    let stop = false;

    const worker = async (who: Member, index: number) => {
      for (let round = 0; !stop; round++) {
        const step = (round + index) % 4;
        let answer: Answer;
        if (step === 0) {
          answer = await who.client.get(`/api/v1/people/${report.id}/tasks`);
        } else if (step === 1) {
          answer = await who.client.post(`/api/v1/people/${report.id}/tasks`, {
            title: `Load ${index}-${round}`,
          });
          if (answer.status === 201) acknowledged.push(answer.body.id as string);
        } else if (step === 2) {
          answer = await who.client.get("/api/v1/me");
        } else {
          answer = await who.client.get("/api/health");
        }
        answers.push({ phase, answer });
      }
    };
    const workers = [boss, report, boss, report, boss, report].map((who, index) => worker(who, index));

    await until(() => answers.filter((one) => one.answer.status < 300).length >= 40);
    phase = "during";
    await cluster.restart();
    phase = "after";
    // Recovered: a run of successes after the restart, on its own (Docket itself was never restarted).
    await until(() => {
      const after = answers.filter((one) => one.phase === "after");
      return after.length >= 60 && after.slice(-30).every((one) => one.answer.status < 300);
    });
    stop = true;
    await Promise.all(workers);

    const failures = answers.filter((one) => one.answer.status >= 500);
    expect(failures.length).toBeGreaterThan(0);
    for (const { answer } of failures) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(503);
      expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(answer.headers["retry-after"]).toBe("5");
      expect(answer.body).toMatchObject({
        status: 503,
        title: expect.any(String),
        detail: expect.any(String),
      });
    }
    for (const { answer } of answers) expect([200, 201, 503]).toContain(answer.status);

    // Every write that got a 201 is there, each exactly once, and the plate is one strict order.
    const plate = await boss.client.get<{ items: { id: string; position: number }[] }>(
      `/api/v1/people/${report.id}/tasks?limit=500`,
    );
    expect(plate.status).toBe(200);
    const ids = plate.body.items.map((task) => task.id);
    for (const id of acknowledged) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(plate.body.items.map((task) => task.position)).toEqual(ids.map((_, index) => index + 1));
  }, 120_000);
});

/** Waits for `condition`, checking between turns of the event loop; fails after 60 s. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met within 60 s");
    await new Promise((resolve) => setImmediate(resolve));
  }
}
