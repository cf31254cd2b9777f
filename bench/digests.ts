/**
 * `npm run bench:digests`: 10,000 people whose digests all fall due in the same minute (in six zones,
 * each at the local time that is that minute), each with news in their inbox. Runs the digest job
 * and the mail job as the scheduler does, against a real SMTP server on loopback, and reports how
 * long composing and handing every digest to SMTP took. The target: within 60 s on this machine.
 *
 * BENCH_ONLY=sqlite|postgres runs one dialect.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { Temporal } from "temporal-polyfill";
import { ManualClock } from "../src/core/clock";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { openDatabase } from "../src/server/db/connect";
import type { DialectName } from "../src/server/db/dialect";
import { migrateToLatest } from "../src/server/db/migrate";
import { runDigests } from "../src/server/digests/run";
import { createMailer } from "../src/server/mail/mailer";
import { deliverMail } from "../src/server/mail/outbound";
import { benchDatabase, onEachDialect } from "./databases";
import { personId, seedOrganization, taskId } from "./seed";

const people = 10_000;
const tasksPerPerson = 100;
/** The minute every digest falls due: a Wednesday. */
const slot = "2026-11-04T09:00:00.000Z";
const only = process.env.BENCH_ONLY as DialectName | undefined;

interface Result {
  dialect: DialectName;
  composeSeconds: number;
  deliverSeconds: number;
  totalSeconds: number;
  received: number;
  recipients: number;
}

async function main(): Promise<void> {
  const results = await onEachDialect(only, benchDigests);
  console.log(
    `\n=== digests: ${people.toLocaleString("en")} people due in the same minute, handed to SMTP ===`,
  );
  console.log(
    "| database | compose (s) | hand to SMTP (s) | total (s) | digests received | distinct people |",
  );
  console.log("|---|---|---|---|---|---|");
  for (const r of results) {
    console.log(
      `| ${r.dialect} | ${r.composeSeconds.toFixed(1)} | ${r.deliverSeconds.toFixed(1)} | ${r.totalSeconds.toFixed(1)} | ${r.received.toLocaleString("en")} | ${r.recipients.toLocaleString("en")} |`,
    );
  }
}

async function benchDigests(dialect: DialectName, clusterUrl: string | null): Promise<Result> {
  const dataDir = mkdtempSync(join(tmpdir(), "docket-bench-digests-"));
  const url = await benchDatabase(dialect, dataDir, clusterUrl);
  const database = openDatabase(url);
  const sink = await startSink();
  const mailer = createMailer({
    smtpUrl: sink.url,
    outboxDir: join(dataDir, "outbox"),
    from: "d@bench.example",
  });
  try {
    await migrateToLatest(database.raw, dialect);
    const seeding = Date.now();
    await seedOrganization(database.db, dialect, people, tasksPerPerson);
    await seedDigestNews(database, dialect);
    console.log(
      `${dialect}: seeded ${people} people with news in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
    );

    const clock = new ManualClock(new Date(Date.parse(slot) + 1_000));
    const config = {
      ...loadConfig({
        DATA_DIR: dataDir,
        BASE_URL: "http://bench.example",
        AUTH_SECRET: "bench-secret-0123456789abcdef0123",
      }),
      databaseUrl: url,
      smtpUrl: sink.url,
      webRoot: null,
    };
    const { app, ctx } = await buildApp({ config, database, clock, mailer });
    try {
      const started = performance.now();
      const claimed = await runDigests(ctx);
      const composed = performance.now();
      const delivered = await deliverMail(ctx);
      const finished = performance.now();
      if (claimed.queued !== people || delivered.sent !== people) {
        throw new Error(`expected ${people} digests, queued ${claimed.queued}, sent ${delivered.sent}`);
      }
      const recipients = new Set(sink.received).size;
      console.log(
        `${dialect}: composed ${claimed.queued} in ${((composed - started) / 1000).toFixed(1)} s, handed to SMTP in ${((finished - composed) / 1000).toFixed(1)} s`,
      );
      return {
        dialect,
        composeSeconds: (composed - started) / 1000,
        deliverSeconds: (finished - composed) / 1000,
        totalSeconds: (finished - started) / 1000,
        received: sink.received.length,
        recipients,
      };
    } finally {
      await app.close();
    }
  } finally {
    mailer.close();
    await database.close();
    await sink.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Every person's digest at the local time that is `slot` in their zone, and three entries waiting:
 * a task added by their manager, their plate reordered five times, and a task marked urgent.
 */
async function seedDigestNews(
  database: ReturnType<typeof openDatabase>,
  dialect: DialectName,
): Promise<void> {
  const db = database.db;
  const zones = await db.selectFrom("person").select(["id", "time_zone"]).execute();
  const byZone = new Map<string, string[]>();
  for (const { id, time_zone } of zones) byZone.set(time_zone, [...(byZone.get(time_zone) ?? []), id]);
  for (const [zone, ids] of byZone) {
    const local = Temporal.Instant.from(slot).toZonedDateTimeISO(zone);
    const time = `${String(local.hour).padStart(2, "0")}:${String(local.minute).padStart(2, "0")}`;
    for (let start = 0; start < ids.length; start += 1_000) {
      await db
        .updateTable("person")
        .set({ digest: JSON.stringify({ times: [time], days: [1, 2, 3, 4, 5, 6, 7] }), next_digest_at: slot })
        .where("id", "in", ids.slice(start, start + 1_000))
        .execute();
    }
  }
  const at = new Date(Date.parse(slot) - 3_600_000).toISOString();
  for (let start = 1; start < people; start += 500) {
    const rows = [];
    for (let index = start; index < Math.min(people, start + 500); index++) {
      const manager = personId(Math.floor((index - 1) / 8));
      const base = {
        person_id: personId(index),
        actor_id: manager,
        created_at: at,
        at,
        request_id: null,
        count: 1,
      };
      rows.push(
        {
          ...base,
          id: `n-${index}-a`,
          kind: "task.added",
          task_id: taskId(index, 0),
          data: JSON.stringify({ title: "Quarterly plan", to: 1 }),
        },
        {
          ...base,
          id: `n-${index}-m`,
          kind: "task.moved",
          task_id: taskId(index, 1),
          count: 5,
          data: JSON.stringify({ title: "Hiring", from: 7, to: 2 }),
        },
        {
          ...base,
          id: `n-${index}-u`,
          kind: "task.urgent",
          task_id: taskId(index, 2),
          data: JSON.stringify({ title: "Board deck" }),
        },
      );
    }
    await db.insertInto("inbox_entry").values(rows).execute();
  }
  // The owner (person 0) hears of their own organization too: one entry, so every person has news.
  await db
    .insertInto("inbox_entry")
    .values({
      id: "n-0",
      person_id: personId(0),
      actor_id: personId(1),
      kind: "task.completed",
      task_id: taskId(1, 0),
      request_id: null,
      created_at: at,
      at,
      data: JSON.stringify({ title: "Quarterly plan" }),
    })
    .execute();
  void dialect;
}

async function startSink(): Promise<{ url: string; received: string[]; stop(): Promise<void> }> {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        for (const rcpt of session.envelope.rcptTo) received.push(rcpt.address);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
