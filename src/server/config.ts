import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join, resolve } from "node:path";
import { defaultLimits, type Limits } from "../core/limits";
import { makePrivateFolder, privateFileMode, tightenIfPresent } from "./platform/private-files";

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
  /**
   * Behind a load balancer: how many proxies in front (their X-Forwarded-For entries are trusted, the
   * client's address is the one the nearest of them saw), or which addresses are proxies; false when
   * the server is reached directly.
   */
  trustProxy: TrustProxy;
  /** Where the built web app is, or null when it is not served. */
  webRoot: string | null;
  /** Check every answer against its schema before sending it: everywhere but production. */
  checkResponses: boolean;
  /** How often a live event stream gets a heartbeat, and its caller is checked again. */
  liveHeartbeatMs: number;
  /** Run the background jobs (digests, mail, sweeps) in this process; any number of instances may. */
  backgroundJobs: boolean;
  /** Live streams open at once, and invitations and asks per day (`core/limits.ts`). */
  limits: Limits;
  /**
   * WEBHOOK_ALLOW_PRIVATE: webhooks may be sent to loopback, private, link-local and reserved
   * addresses (a receiver on the same machine or network). Off by default.
   */
  webhookAllowPrivate: boolean;
}

export type TrustProxy = false | number | string[];

type Env = Record<string, string | undefined>;

/** The shortest AUTH_SECRET accepted, given or kept: it signs sessions and links. */
export const authSecretMinLength = 32;

/** Reads the configuration from the environment, creating `DATA_DIR` and a kept `AUTH_SECRET` as needed. */
export function loadConfig(env: Env = process.env): Config {
  const port = parsePort(env.PORT ?? "3000");
  const dataDir = resolve(env.DATA_DIR ?? "./data");
  makeDataDirPrivate(dataDir);
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
    authSecret: env.AUTH_SECRET ? givenSecret(env.AUTH_SECRET) : keptSecret(dataDir),
    trustedOrigins,
    trustProxy: parseTrustProxy(env.TRUST_PROXY ?? ""),
    webRoot: resolve(env.WEB_ROOT ?? "dist/web"),
    checkResponses: env.NODE_ENV !== "production",
    liveHeartbeatMs: 20_000,
    backgroundJobs: !["off", "false", "0"].includes((env.BACKGROUND_JOBS ?? "on").toLowerCase()),
    webhookAllowPrivate: parseSwitch("WEBHOOK_ALLOW_PRIVATE", env.WEBHOOK_ALLOW_PRIVATE ?? ""),
    limits: {
      ...defaultLimits,
      liveStreamsPerInstance: parseCount(
        "LIVE_STREAMS_PER_INSTANCE",
        env.LIVE_STREAMS_PER_INSTANCE || String(defaultLimits.liveStreamsPerInstance),
      ),
    },
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

/** An on/off setting: `true`, `1`, `on` or `yes`; unset, `false`, `0`, `off` or `no` is off. */
function parseSwitch(name: string, value: string): boolean {
  const trimmed = value.trim().toLowerCase();
  if (["true", "1", "on", "yes"].includes(trimmed)) return true;
  if (["", "false", "0", "off", "no"].includes(trimmed)) return false;
  throw new Error(`${name} must be true or false, not "${value}"`);
}

function parseCount(name: string, value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value.trim()) || count < 1)
    throw new Error(`${name} must be a whole number of at least 1, not "${value}"`);
  return count;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${value}"`);
  return port;
}

/**
 * DATA_DIR and what Docket keeps there (the kept secret, the mail outbox, backups) only for the user
 * Docket runs as: created 0700, or tightened when it was made wider. The database's files are made
 * private where they are opened (`db/connect.ts`).
 */
function makeDataDirPrivate(dataDir: string): void {
  makePrivateFolder(dataDir);
  for (const kept of ["auth-secret", "outbox", "backups"]) tightenIfPresent(join(dataDir, kept));
}

/**
 * TRUST_PROXY: a number of proxies in front (`true` is one), or a comma-separated list of their
 * addresses or CIDR ranges (and `loopback`, `linklocal`, `uniquelocal`). Unset, `false` or `0`: none.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const trimmed = value.trim().toLowerCase();
  if (["", "false", "0", "off", "no"].includes(trimmed)) return false;
  if (trimmed === "true") return 1;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const entries = trimmed.split(",").map((entry) => entry.trim());
  if (entries.every(isProxyAddress)) return entries;
  throw new Error(
    `TRUST_PROXY must be the number of proxies in front of Docket (1 for one load balancer) or a comma-separated list of their addresses or CIDR ranges (such as 10.0.0.0/8), not "${value}"`,
  );
}

/**
 * TRUST_PROXY as Fastify takes it: a list of addresses as it is, a count of proxies as a function
 * (Fastify trusts no one when given a bare number). A count is right only when Docket is reached
 * through its proxies alone: a client that reaches it directly could name any address.
 */
export function proxyTrustOf(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== "number") return trust;
  return (_address, hop) => hop < trust;
}

function isProxyAddress(entry: string): boolean {
  if (["loopback", "linklocal", "uniquelocal"].includes(entry)) return true;
  const [address = "", bits, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

function givenSecret(secret: string): string {
  if (secret.length < authSecretMinLength) {
    throw new Error(
      `AUTH_SECRET must be at least ${authSecretMinLength} characters long (it has ${secret.length}): generate one with \`openssl rand -base64 32\``,
    );
  }
  return secret;
}

/** The secret that signs session cookies, generated once and kept beside the data (mode 0600). */
function keptSecret(dataDir: string): string {
  const file = join(dataDir, "auth-secret");
  const kept = readKeptSecret(file);
  if (kept !== null) return kept;
  const secret = randomBytes(32).toString("base64url");
  // Written whole under another name, then linked into place: an instance starting beside this one
  // sees the complete file or none.
  const partial = `${file}.${process.pid}.partial`;
  rmSync(partial, { force: true });
  try {
    writeFileSync(partial, `${secret}\n`, { mode: privateFileMode, flag: "wx" });
    linkSync(partial, file);
    return secret;
  } catch (error) {
    // Another instance sharing DATA_DIR kept one first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readKeptSecret(file) ?? secret;
    throw error;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The kept secret, or null when none is kept yet; a short one is refused, never replaced. */
function readKeptSecret(file: string): string | null {
  let kept: string;
  try {
    kept = readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  if (kept.length < authSecretMinLength) {
    throw new Error(
      `${file} holds an AUTH_SECRET shorter than ${authSecretMinLength} characters (it has ${kept.length}): replace it with a longer one (sessions signed with it end), or delete it to have a new one generated`,
    );
  }
  return kept;
}
