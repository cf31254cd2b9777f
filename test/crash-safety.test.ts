import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, dialects } from "./support/databases";
import { freePort, startDocket, stopDocket } from "./support/processes";
import { signUpOwner, tokenHeaders } from "./support/remote";

/**
 * A real Docket process is killed with SIGKILL in the middle of a burst of writes. After it starts
 * again on the same data, every write it acknowledged is there, and nothing is half-applied: each
 * task has its history from the start, its owner's plate is one strict order, and every placed task
 * has exactly one place.
 */
describe.each(dialects)("crash safety on %s", (dialect) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("keeps every acknowledged write and half of none when killed -9 mid-burst", async () => {
    // A fresh, migrated file or database; the server process opens it itself by its URL.
    const database = await createTestDatabase(dialect);
    cleanups.push(() => database.drop());
    const dataDir = mkdtempSync(join(tmpdir(), "docket-crash-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      BASE_URL: base,
      WEB_ROOT: "none",
      LOG_LEVEL: "error",
      BACKGROUND_JOBS: "off",
    };

    let server = await startDocket(env, base);
    cleanups.push(() => stopDocket(server));
    const owner = await signUpOwner(base, { name: "Cora Crash", organization: "Crash Test Co" });
    const ownerId = owner.id;
    const headers = await tokenHeaders(base, owner.cookie);

    // A burst: 24 writers adding tasks at the top, bottom and between, until the process dies.
    const acknowledged: string[] = [];
    let killed = false;
    const writer = async (index: number) => {
      for (let round = 0; ; round++) {
        const placement = ["top", "bottom", "top", "bottom"][round % 4];
        try {
          const answer = await fetch(`${base}/api/v1/people/${ownerId}/tasks`, {
            method: "POST",
            headers,
            body: JSON.stringify({ title: `Burst ${index}-${round}`, placement }),
          });
          if (answer.status === 201) acknowledged.push(((await answer.json()) as { id: string }).id);
          else expect.fail(`unexpected ${answer.status} before the crash: ${await answer.text()}`);
        } catch {
          // The connection died with the process: this write was never acknowledged.
          if (killed) return;
          throw new Error("a write failed before the process was killed");
        }
      }
    };
    let failure: unknown = null;
    const writers = Array.from({ length: 24 }, (_, index) =>
      writer(index).catch((error: unknown) => {
        failure ??= error;
      }),
    );
    while (acknowledged.length < 150 && failure === null)
      await new Promise((resolve) => setImmediate(resolve));
    if (failure !== null) throw failure;
    killed = true;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGKILL");
    await Promise.all([...writers, exited]);

    server = await startDocket(env, base);
    const plate = await fetch(`${base}/api/v1/people/${ownerId}/tasks?state=all&limit=500`, { headers });
    expect(plate.status).toBe(200);
    const tasks = (
      (await plate.json()) as { items: { id: string; state: string; position: number | null }[] }
    ).items;
    const ids = new Set(tasks.map((task) => task.id));
    const missing = acknowledged.filter((id) => !ids.has(id));
    expect(missing, `${missing.length} acknowledged writes lost of ${acknowledged.length}`).toEqual([]);
    // Perhaps a few more than acknowledged: committed, but the answer never left the process.
    expect(tasks.length).toBeGreaterThanOrEqual(acknowledged.length);
    const open = tasks.filter((task) => task.state === "open");
    expect(open.map((task) => task.position)).toEqual(open.map((_, index) => index + 1));
    // Every task has its history from the start: nothing was written without its record.
    for (const task of tasks.slice(0, 40)) {
      const history = await fetch(`${base}/api/v1/tasks/${task.id}/history`, { headers });
      const items = ((await history.json()) as { items: { kind: string }[] }).items;
      expect(items[0]?.kind, task.id).toBe("created");
    }
    // And the restarted process takes writes again.
    const after = await fetch(`${base}/api/v1/people/${ownerId}/tasks`, {
      method: "POST",
      headers,
      body: JSON.stringify({ title: "After the crash", placement: "top" }),
    });
    expect(after.status).toBe(201);
    await stopDocket(server);
  }, 120_000);
});
