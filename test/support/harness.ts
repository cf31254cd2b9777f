import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { ManualClock } from "../../src/core/clock";
import { defaultLimits, type Limits } from "../../src/core/limits";
import { type AppDependencies, buildApp } from "../../src/server/app";
import { loadConfig } from "../../src/server/config";
import type { AppContext } from "../../src/server/context";
import type { DialectName } from "../../src/server/db/dialect";
import { createMailer, type Mailer } from "../../src/server/mail/mailer";
import { createTestDatabase, type TestDatabase } from "./databases";

export const baseUrl = "http://docket.test";

export interface Harness {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  dataDir: string;
  database: TestDatabase;
}

export interface HarnessOptions {
  smtpUrl?: () => string;
  /** Limits other than the tests' own (see `testLimits`). */
  limits?: Partial<Limits>;
  /** The application's logger options (none: nothing is logged). */
  logger?: AppDependencies["logger"];
  /** Adds routes a test needs to the application before it is ready. */
  routes?: (app: FastifyInstance) => void;
}

/**
 * The limits the tests run with: the real ones, except invitations and asks per day. The factories
 * build whole teams with one founder, and one person asks another again and again; the tests of those
 * limits set them as they are in production.
 */
export const testLimits: Limits = {
  ...defaultLimits,
  invitationsPerDay: 100_000,
  asksPerPersonPerDay: 100_000,
  asksPerDay: 100_000,
};

/**
 * A whole Docket application on a fresh database of `dialect`, built before the file's tests and
 * torn down after. Requests go through the full HTTP stack (`app.inject`). The clock starts at the
 * real time and moves only when a test moves it.
 */
export function useHarness(dialect: DialectName, options: HarnessOptions = {}): Harness {
  const harness = {} as Harness;
  let mailer: Mailer | undefined;
  beforeAll(async () => {
    harness.dataDir = mkdtempSync(join(tmpdir(), "docket-data-"));
    harness.database = await createTestDatabase(dialect);
    harness.clock = new ManualClock(new Date());
    const smtpUrl = options.smtpUrl?.() ?? null;
    const config = {
      ...loadConfig({
        DATA_DIR: harness.dataDir,
        BASE_URL: baseUrl,
        AUTH_SECRET: "test-secret-0123456789abcdef0123456789",
      }),
      databaseUrl: harness.database.url,
      smtpUrl,
      webRoot: null,
      liveHeartbeatMs: 100,
      limits: { ...testLimits, ...options.limits },
    };
    mailer = createMailer({
      smtpUrl,
      outboxDir: join(harness.dataDir, "outbox"),
      from: "Docket <docket@docket.test>",
    });
    const built = await buildApp({
      config,
      database: harness.database.handle,
      clock: harness.clock,
      mailer,
      logger: options.logger,
    });
    harness.app = built.app;
    harness.ctx = built.ctx;
    options.routes?.(harness.app);
    await harness.app.ready();
  });
  afterAll(async () => {
    await harness.app?.close();
    mailer?.close();
    await harness.database?.drop();
    if (harness.dataDir) rmSync(harness.dataDir, { recursive: true, force: true });
  });
  return harness;
}
