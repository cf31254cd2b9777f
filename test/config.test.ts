import { spawn } from "node:child_process";
import { lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ManualClock } from "../src/core/clock";
import { buildApp } from "../src/server/app";
import { loadConfig, parseTrustProxy } from "../src/server/config";
import { createMailer } from "../src/server/mail/mailer";
import { createTestDatabase } from "./support/databases";
import { baseUrl } from "./support/harness";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function dataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), "docket-config-"));
  folders.push(folder);
  return folder;
}

// Vitest sets BASE_URL for Vite: every configuration here names its own.
const load = (env: Record<string, string>) => loadConfig({ BASE_URL: baseUrl, ...env });

describe("AUTH_SECRET", () => {
  it("refuses a given secret shorter than 32 characters, saying how to make one", () => {
    expect(() => load({ DATA_DIR: dataDir(), AUTH_SECRET: "x".repeat(31) })).toThrow(
      "AUTH_SECRET must be at least 32 characters long (it has 31): generate one with `openssl rand -base64 32`",
    );
    expect(load({ DATA_DIR: dataDir(), AUTH_SECRET: "x".repeat(32) }).authSecret).toBe("x".repeat(32));
  });

  it("refuses a kept secret shorter than 32 characters, and leaves it as it is", () => {
    const folder = dataDir();
    const file = join(folder, "auth-secret");
    for (const short of ["too-short-a-secret\n", ""]) {
      writeFileSync(file, short, { mode: 0o600 });
      expect(() => load({ DATA_DIR: folder })).toThrow(
        /auth-secret holds an AUTH_SECRET shorter than 32 characters .*delete it to have a new one generated/,
      );
      expect(readFileSync(file, "utf8")).toBe(short);
    }
  });

  it("generates a secret once, keeps it only for its owner, and reads it back", () => {
    const folder = dataDir();
    const first = load({ DATA_DIR: folder }).authSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(lstatSync(join(folder, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(load({ DATA_DIR: folder }).authSecret).toBe(first);
  });

  it("keeps the server from starting with a short kept secret", async () => {
    const folder = dataDir();
    writeFileSync(join(folder, "auth-secret"), "short\n", { mode: 0o600 });
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      env: {
        ...process.env,
        DATA_DIR: folder,
        AUTH_SECRET: "",
        BASE_URL: baseUrl,
        PORT: "0",
        WEB_ROOT: "none",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("holds an AUTH_SECRET shorter than 32 characters");
    expect(readFileSync(join(folder, "auth-secret"), "utf8")).toBe("short\n");
  }, 60_000);
});

describe("TRUST_PROXY", () => {
  it.each([
    ["", false],
    ["false", false],
    ["0", false],
    ["true", 1],
    ["1", 1],
    ["2", 2],
    ["10.0.0.7", ["10.0.0.7"]],
    ["10.0.0.0/8, 192.168.1.0/24,::1, fd00::/8", ["10.0.0.0/8", "192.168.1.0/24", "::1", "fd00::/8"]],
    ["loopback,uniquelocal", ["loopback", "uniquelocal"]],
  ] as const)("reads %j as %j", (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each(["*", "all", "everything", "yes please", "10.0.0.0/33", "::1/129", "10.0.0.256", "-1", "1.5"])(
    "refuses %j, saying what to write",
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow(
        /^TRUST_PROXY must be the number of proxies in front of Docket \(1 for one load balancer\) or a comma-separated list/,
      );
    },
  );

  it("refuses a bad value when the configuration is read", () => {
    expect(() => load({ DATA_DIR: dataDir(), AUTH_SECRET: "x".repeat(32), TRUST_PROXY: "*" })).toThrow(
      /TRUST_PROXY must be/,
    );
  });

  it.each([
    ["true", "198.51.100.7"],
    ["1", "198.51.100.7"],
    ["2", "203.0.113.9"],
    ["127.0.0.1", "198.51.100.7"],
    ["", "127.0.0.1"],
  ])("with TRUST_PROXY=%j, takes the client's address to be %s", async (trustProxy, client) => {
    const written: string[] = [];
    const database = await createTestDatabase("sqlite");
    const folder = dataDir();
    const config = {
      ...load({ DATA_DIR: folder, AUTH_SECRET: "x".repeat(32), TRUST_PROXY: trustProxy }),
      databaseUrl: database.url,
      webRoot: null,
    };
    const mailer = createMailer({
      smtpUrl: null,
      outboxDir: join(folder, "outbox"),
      from: "docket@docket.test",
    });
    const { app } = await buildApp({
      config,
      database: database.handle,
      clock: new ManualClock(new Date()),
      mailer,
      logger: { stream: { write: (line: string) => written.push(line) } },
    });
    try {
      // Through one load balancer on loopback: the client claims 203.0.113.9, the balancer saw 198.51.100.7.
      const answer = await app.inject({
        url: "/api/health",
        remoteAddress: "127.0.0.1",
        headers: { "x-forwarded-for": "203.0.113.9, 198.51.100.7" },
      });
      expect(answer.statusCode).toBe(200);
      const addresses = written.flatMap((line) => {
        const entry = JSON.parse(line) as { req?: { remoteAddress?: string } };
        return entry.req ? [entry.req.remoteAddress] : [];
      });
      expect(addresses).toEqual([client]);
    } finally {
      await app.close();
      mailer.close();
      await database.drop();
    }
  });
});
