import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** `smtp://…` or `smtps://…`; null writes messages as .eml files to `DATA_DIR/outbox`. */
  smtpUrl: string | null;
  baseUrl: string;
  /** Served over https (derived from BASE_URL): Secure cookies and HSTS. */
  https: boolean;
  authSecret: string;
  /** Origins whose cookie-authenticated writes are accepted. */
  trustedOrigins: string[];
  /** Behind a load balancer: take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Where the built web app is, or null when it is not served. */
  webRoot: string | null;
  /** Check every answer against its schema before sending it: everywhere but production. */
  checkResponses: boolean;
  /** How often a live event stream gets a heartbeat, and its caller is checked again. */
  liveHeartbeatMs: number;
  /** Run the background jobs (digests, mail, sweeps) in this process; any number of instances may. */
  backgroundJobs: boolean;
}

type Env = Record<string, string | undefined>;

/** Reads the configuration from the environment, creating `DATA_DIR` and a kept `AUTH_SECRET` as needed. */
export function loadConfig(env: Env = process.env): Config {
  const port = parsePort(env.PORT ?? "3000");
  const dataDir = resolve(env.DATA_DIR ?? "./data");
  mkdirSync(dataDir, { recursive: true });
  const baseUrl = parseBaseUrl(env.BASE_URL ?? `http://localhost:${port}`);
  const trustedOrigins = [new URL(baseUrl).origin];
  if (!env.BASE_URL) trustedOrigins.push(`http://127.0.0.1:${port}`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    dataDir,
    databaseUrl: env.DATABASE_URL || join(dataDir, "docket.sqlite"),
    smtpUrl: env.SMTP_URL || null,
    baseUrl,
    https: baseUrl.startsWith("https://"),
    authSecret: env.AUTH_SECRET || keptSecret(dataDir),
    trustedOrigins,
    trustProxy: env.TRUST_PROXY === "true" || env.TRUST_PROXY === "1",
    webRoot: resolve(env.WEB_ROOT ?? "dist/web"),
    checkResponses: env.NODE_ENV !== "production",
    liveHeartbeatMs: 20_000,
    backgroundJobs: !["off", "false", "0"].includes((env.BACKGROUND_JOBS ?? "on").toLowerCase()),
  };
}

function parseBaseUrl(value: string): string {
  if (!/^https?:\/\/[^/]/.test(value)) {
    throw new Error(
      `BASE_URL must be an absolute http(s) address such as https://docket.example.com, not "${value}"`,
    );
  }
  return value.replace(/\/+$/, "");
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${value}"`);
  return port;
}

/** The secret that signs session cookies, generated once and kept beside the data. */
function keptSecret(dataDir: string): string {
  const file = join(dataDir, "auth-secret");
  try {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    // Another instance sharing DATA_DIR wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
}
