import { join } from "node:path";
import { buildApp } from "./app";
import { loadConfig } from "./config";
import { openDatabase } from "./db/connect";
import { migrateToLatest } from "./db/migrate";
import { calmJobs } from "./jobs/calm";
import { housekeeping } from "./jobs/housekeeping";
import { Scheduler } from "./jobs/scheduler";
import { createMailer } from "./mail/mailer";
import { keepNewFilesPrivate } from "./platform/private-files";
import { systemClock } from "./platform/system-clock";

/** `npm start`: migrate, then serve the web app, the API and the background jobs from one process. */
async function main(): Promise<void> {
  // Whatever the process creates (the database, its log, mail, the kept secret) is its user's alone.
  keepNewFilesPrivate();
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database.raw, database.dialect);
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    outboxDir: join(config.dataDir, "outbox"),
    from: process.env.MAIL_FROM ?? "Docket <docket@localhost>",
  });
  const { app, ctx } = await buildApp({
    config,
    database,
    clock: systemClock,
    mailer,
    logger: { level: process.env.LOG_LEVEL ?? "info" },
  });
  const scheduler = new Scheduler(
    [{ name: "housekeeping", everyMs: 60 * 60_000, run: () => housekeeping(ctx) }, ...calmJobs(ctx)],
    app.log,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down: finishing requests in flight");
    await scheduler.stop();
    await app.close();
    mailer.close();
    await database.close();
    app.log.info("stopped cleanly");
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  if (config.backgroundJobs) scheduler.start();
  else app.log.info("background jobs are off on this instance (BACKGROUND_JOBS=off)");
  app.log.info(`Docket is serving ${config.baseUrl} on ${database.dialect}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
