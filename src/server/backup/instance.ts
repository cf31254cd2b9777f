import { resolve } from "node:path";
import { loadConfig } from "../config";
import { type DialectName, dialectOf } from "../db/dialect";

/** What backup and restore need to know of the configured instance. */
export interface Instance {
  dataDir: string;
  /** `postgres://…`, or the SQLite file's path. */
  databaseUrl: string;
  dialect: DialectName;
  /** AUTH_SECRET is set in the environment: sessions are signed with it, not with a kept file. */
  authSecretFromEnv: boolean;
}

type Env = Record<string, string | undefined>;

/** Stands in for AUTH_SECRET while the configuration is read: backup and restore sign nothing. */
const unusedSecret = "unused: backup and restore read the kept secret file themselves";

/**
 * The instance the server would run with this environment (DATA_DIR, DATABASE_URL), read by the
 * server's own `loadConfig`. Without AUTH_SECRET, `loadConfig` would generate and keep a new secret:
 * a backup must not carry a secret it just invented, and a restore must not find one in the way of
 * the backed-up one, so a placeholder stands in.
 */
export function instanceOf(env: Env = process.env): Instance {
  const config = loadConfig({ ...env, AUTH_SECRET: env.AUTH_SECRET || unusedSecret });
  return {
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    dialect: dialectOf(config.databaseUrl),
    authSecretFromEnv: Boolean(env.AUTH_SECRET),
  };
}

/** The SQLite file a database URL names, as `openDatabase` reads it. */
export function sqliteFileOf(databaseUrl: string): string {
  return resolve(databaseUrl.replace(/^sqlite:(\/\/)?/, ""));
}

/** The database for messages: the SQLite path, or the PostgreSQL URL without its password. */
export function describeDatabase(instance: Instance): string {
  if (instance.dialect === "sqlite") return sqliteFileOf(instance.databaseUrl);
  const url = new URL(instance.databaseUrl);
  if (url.password) url.password = "***";
  return url.toString();
}
