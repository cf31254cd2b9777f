import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases";
import { goodPassword, uniqueEmail } from "./support/factories";
import { freePort } from "./support/processes";

/** Resolves with the first line of the server's log that matches, as the server writes it. */
function logLine(server: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split("\n").find((candidate) => pattern.test(candidate));
      if (line !== undefined) {
        server.stdout?.off("data", onData);
        resolve(line);
      }
    };
    server.stdout?.on("data", onData);
    server.once("exit", (code) =>
      reject(new Error(`server exited (${code}) before logging ${pattern}:\n${buffer}`)),
    );
  });
}

describe.each(dialects)("npm start's process on %s", (dialect) => {
  let dataDir = "";
  let database: TestDatabase | undefined;
  let server: ChildProcess | undefined;

  afterEach(async () => {
    if (server?.exitCode === null) server.kill("SIGKILL");
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("finishes the request in flight on SIGTERM, then closes the database cleanly", async () => {
    dataDir = mkdtempSync(join(tmpdir(), "docket-shutdown-"));
    let databaseUrl = join(dataDir, "docket.sqlite");
    if (dialect === "postgres") {
      database = await createTestDatabase("postgres");
      databaseUrl = database.url;
    }
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        BASE_URL: baseUrl,
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const running = server;
    const exited = new Promise<number | null>((resolve) => running.once("exit", resolve));
    await logLine(running, /Docket is serving/);

    // A sign-up hashes a password: slow enough to be in flight when the signal arrives.
    const arrived = logLine(running, /"url":"\/api\/auth\/sign-up\/email"/);
    const signUp = fetch(`${baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ name: "Last Request", email: uniqueEmail(), password: goodPassword }),
    });
    await arrived;
    const stopped = logLine(running, /stopped cleanly/);
    running.kill("SIGTERM");

    expect((await signUp).status).toBe(200);
    await stopped;
    expect(await exited).toBe(0);
    // better-sqlite3 checkpoints and removes the write-ahead log only on a clean close.
    if (dialect === "sqlite") expect(existsSync(`${databaseUrl}-wal`)).toBe(false);
  });
});
