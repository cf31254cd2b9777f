import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { Clock } from "../core/clock";
import type { Auth } from "./auth/better-auth";
import type { SignInLimiter } from "./auth/sign-in-limit";
import type { Config } from "./config";
import type { DatabaseHandle } from "./db/connect";
import type { DialectName } from "./db/dialect";
import type { Database } from "./db/schema";
import type { EventBus } from "./events/bus";
import type { Mailer } from "./mail/mailer";
import type { WebhookSettings } from "./webhooks/settings";

/** What every use-case may need: built once per process in `app.ts`, passed down explicitly. */
export interface AppContext {
  config: Config;
  db: Kysely<Database>;
  dialect: DialectName;
  database: DatabaseHandle;
  clock: Clock;
  auth: Auth;
  mailer: Mailer;
  events: EventBus;
  signInLimiter: SignInLimiter;
  log: FastifyBaseLogger;
  webhooks: WebhookSettings;
}
