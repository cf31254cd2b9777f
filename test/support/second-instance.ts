import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app";
import { loadConfig } from "../../src/server/config";
import type { AppContext } from "../../src/server/context";
import { type DatabaseHandle, openDatabase } from "../../src/server/db/connect";
import { createMailer } from "../../src/server/mail/mailer";
import { baseUrl } from "./harness";

/** A second Docket instance on the same database, listening on its own port. */
export async function secondInstance(
  databaseUrl: string,
): Promise<{ app: FastifyInstance; ctx: AppContext; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "docket-second-"));
  const database: DatabaseHandle = openDatabase(databaseUrl, { poolSize: 2 });
  const config = {
    ...loadConfig({
      DATA_DIR: dataDir,
      BASE_URL: baseUrl,
      AUTH_SECRET: "test-secret-0123456789abcdef0123456789",
    }),
    databaseUrl,
    webRoot: null,
  };
  const mailer = createMailer({
    smtpUrl: null,
    outboxDir: join(dataDir, "outbox"),
    from: "Docket <d@docket.test>",
  });
  const { app, ctx } = await buildApp({ config, database, clock: { now: () => new Date() }, mailer });
  await app.listen({ port: 0, host: "127.0.0.1" });
  await ctx.events.ready();
  return {
    app,
    ctx,
    async close() {
      await app.close();
      mailer.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
