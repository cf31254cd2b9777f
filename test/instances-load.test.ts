import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./support/databases";
import { EventStream } from "./support/event-stream";
import { type Nginx, startNginx } from "./support/nginx";
import { freePort, startDocket, stopDocket } from "./support/processes";
import { call, listeningOn, makeReport, type Report, signIn, signUpOwner } from "./support/remote";

/**
 * Several real Docket processes on one PostgreSQL database behind nginx on loopback, as in a
 * deployment. A bounded mixed load (reads, adds, moves, completions; 100 connections) goes through
 * the balancer; afterwards: no 5xx, every acknowledged write is there, every plate is one strict
 * order, a session works on every instance, and a change made on one instance reaches a live
 * stream open on another. `LOAD_SECONDS` lengthens the load (default 10).
 */
const loadSeconds = Number(process.env.LOAD_SECONDS ?? 10);
const instanceCount = 3;
const reportCount = 20;
const tasksPerPlate = 12;
const connections = 100;

interface Instance {
  port: number;
  url: string;
  process: ChildProcess;
}

describe("Docket instances behind nginx on one PostgreSQL", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  const instances: Instance[] = [];
  let nginx: Nginx;
  let owner: { id: string; cookie: string; email: string };
  const reports: Report[] = [];

  beforeAll(async () => {
    const database = await createTestDatabase("postgres");
    cleanups.push(() => database.drop());
    const balancerPort = await freePort();
    const balancer = `http://127.0.0.1:${balancerPort}`;
    const ports: number[] = [];
    for (let index = 0; index < instanceCount; index++) ports.push(await freePort());
    await Promise.all(
      ports.map(async (port) => {
        const dataDir = mkdtempSync(join(tmpdir(), "docket-instance-"));
        cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
        const url = `http://127.0.0.1:${port}`;
        const child = await startDocket(
          {
            NODE_ENV: "production",
            PORT: String(port),
            HOST: "127.0.0.1",
            DATA_DIR: dataDir,
            DATABASE_URL: database.url,
            BASE_URL: balancer,
            AUTH_SECRET: "instances-load-secret-0123456789abcdef",
            TRUST_PROXY: "true",
            WEB_ROOT: "none",
            LOG_LEVEL: "error",
          },
          url,
        );
        cleanups.push(() => stopDocket(child));
        instances.push({ port, url, process: child });
      }),
    );
    instances.sort((a, b) => a.port - b.port);
    nginx = await startNginx({
      port: balancerPort,
      upstreams: ports,
      ready: async (url) => (await fetch(`${url}/api/health`)).ok,
    });
    cleanups.push(() => nginx.stop());

    // Everything below goes through the balancer, as a browser or an API client would.
    owner = await signUpOwner(nginx.url, { name: "Olivia Owner", organization: "Load Balanced Co" });
    const made = await Promise.all(
      Array.from({ length: reportCount }, (_, index) => makeReport(nginx.url, owner, index)),
    );
    reports.push(...made);
    await Promise.all(
      reports.map(async (report) => {
        for (let index = 0; index < tasksPerPlate; index++) {
          const added = await call(nginx.url, "POST", `/api/v1/people/${report.id}/tasks`, {
            headers: report.headers,
            body: { title: `Seed ${index}`, placement: index % 2 === 0 ? "top" : "bottom" },
          });
          expect(added.status, JSON.stringify(added.body)).toBe(201);
        }
      }),
    );
  }, 180_000);

  afterAll(async () => {
    const failures: unknown[] = [];
    for (const cleanup of cleanups.splice(0).reverse()) {
      await Promise.resolve()
        .then(cleanup)
        .catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) throw failures[0];
  }, 60_000);

  it(
    `serves ${connections} connections of mixed reads and writes with no 5xx and loses nothing`,
    async () => {
      type Kind = "read" | "add" | "move" | "complete";
      const statuses: Record<Kind, Record<number, number>> = { read: {}, add: {}, move: {}, complete: {} };
      const acknowledged = new Map<string, string>(); // task id → owner id, for every 201 to an add
      const completed = new Map<string, string>(); // task id → owner id, for every 200 to a completion
      const unexpected: string[] = [];
      interface Connection {
        report: Report;
        open: { id: string; version: number }[];
        moved?: string;
        sent?: Kind;
      }
      let assigned = 0;
      const connection = (context: object): Connection => {
        const state = context as Partial<Connection>;
        // autocannon starts each round of four requests with a fresh context: each round takes the next
        // plate in turn, so about five connections race on each of the twenty at any moment.
        state.report ??= only(reports[assigned++ % reports.length]);
        state.open ??= [];
        return state as Connection;
      };
      const record = (context: object, status: number, body: string) => {
        const state = connection(context);
        const kind = state.sent ?? "read";
        statuses[kind][status] = (statuses[kind][status] ?? 0) + 1;
        const expected =
          status < 300 || ((kind === "move" || kind === "complete") && [409, 422].includes(status));
        if (!expected && unexpected.length < 20) unexpected.push(`${kind} ${status}: ${body.slice(0, 300)}`);
        return state;
      };
      const pick = (state: Connection, not?: string) => {
        const candidates = state.open.filter((task) => task.id !== not);
        return candidates[Math.floor(Math.random() * candidates.length)];
      };
      // A copy each time: autocannon writes Content-Length into the headers it is given.
      const headersOf = (state: Connection) => ({ ...state.report.headers });
      const plateRequest = (request: autocannon.Request, state: Connection): autocannon.Request => {
        state.sent = "read";
        return {
          ...request,
          method: "GET",
          path: `/api/v1/people/${state.report.id}/tasks`,
          headers: headersOf(state),
          body: undefined,
        };
      };
      const json = (body: string) => JSON.parse(body) as { id: string; version: number };

      let adds = 0;
      const result = await autocannon({
        url: nginx.url,
        connections,
        duration: loadSeconds,
        requests: [
          {
            // Read the plate; the writes below pick their tasks from what it showed.
            method: "GET",
            setupRequest: (request, context) => plateRequest(request, connection(context)),
            onResponse: (status, body, context) => {
              const state = record(context, status, body);
              if (status === 200)
                state.open = (JSON.parse(body) as { items: { id: string; version: number }[] }).items.map(
                  (task) => ({ id: task.id, version: task.version }),
                );
            },
          },
          {
            method: "POST",
            setupRequest: (request, context) => {
              const state = connection(context);
              state.sent = "add";
              const n = adds++;
              return {
                ...request,
                method: "POST",
                path: `/api/v1/people/${state.report.id}/tasks`,
                headers: headersOf(state),
                body: JSON.stringify({ title: `Load ${n}`, placement: n % 2 === 0 ? "top" : "bottom" }),
              };
            },
            onResponse: (status, body, context) => {
              const state = record(context, status, body);
              if (status === 201) {
                const task = json(body);
                acknowledged.set(task.id, state.report.id);
                state.open.push({ id: task.id, version: task.version });
              }
            },
          },
          {
            method: "POST",
            setupRequest: (request, context) => {
              const state = connection(context);
              const task = pick(state);
              if (!task) return plateRequest(request, state);
              state.sent = "move";
              state.moved = task.id;
              const other = pick(state, task.id);
              const placements = other
                ? ["top", "bottom", { before: other.id }, { after: other.id }]
                : ["top"];
              return {
                ...request,
                method: "POST",
                path: `/api/v1/tasks/${task.id}/move`,
                headers: headersOf(state),
                body: JSON.stringify({
                  placement: placements[Math.floor(Math.random() * placements.length)],
                }),
              };
            },
            onResponse: (status, body, context) => {
              const state = record(context, status, body);
              if (status === 200) {
                const task = json(body);
                const known = state.open.find((entry) => entry.id === task.id);
                if (known) known.version = task.version;
              }
            },
          },
          {
            method: "PATCH",
            setupRequest: (request, context) => {
              const state = connection(context);
              const task = pick(state, state.moved) ?? pick(state);
              if (!task) return plateRequest(request, state);
              state.sent = "complete";
              state.open = state.open.filter((entry) => entry.id !== task.id);
              return {
                ...request,
                method: "PATCH",
                path: `/api/v1/tasks/${task.id}`,
                headers: headersOf(state),
                body: JSON.stringify({ version: task.version, state: "done" }),
              };
            },
            onResponse: (status, body, context) => {
              const state = record(context, status, body);
              if (status === 200 && state.sent === "complete") completed.set(json(body).id, state.report.id);
            },
          },
        ],
      });

      const count = (kind: Kind, test: (status: number) => boolean) =>
        Object.entries(statuses[kind])
          .filter(([status]) => test(Number(status)))
          .reduce((sum, [, n]) => sum + n, 0);
      console.log(
        [
          `\n${instanceCount} Docket instances behind nginx on one PostgreSQL: ${connections} connections for ${loadSeconds} s`,
          `  requests/s: ${result.requests.average.toFixed(0)} (total ${result.requests.total})`,
          `  latency ms: p50 ${result.latency.p50}, p99 ${result.latency.p99}, max ${result.latency.max}`,
          `  errors: ${result.errors}, timeouts: ${result.timeouts}, resets: ${result.resets}`,
          ...(Object.keys(statuses) as Kind[]).map(
            (kind) => `  ${kind.padEnd(8)} ${JSON.stringify(statuses[kind])}`,
          ),
          `  acknowledged adds: ${acknowledged.size}, completions: ${completed.size}`,
        ].join("\n"),
      );

      // No 5xx, no broken connection, nothing but the conflicts that racing writers expect.
      expect(result.errors, "connection errors").toBe(0);
      expect(result.timeouts, "timeouts").toBe(0);
      expect(result["5xx"], "5xx answers").toBe(0);
      expect(unexpected).toEqual([]);
      expect(count("read", (status) => status === 200)).toBeGreaterThan(0);
      expect(count("move", (status) => status === 200)).toBeGreaterThan(0);
      expect(completed.size).toBeGreaterThan(0);
      expect(acknowledged.size).toBeGreaterThan(0);

      // Every acknowledged add is readable, on the plate it was added to; every acknowledged completion
      // stuck. A completion still in flight when the load stopped may have landed unacknowledged.
      const owners = new Map(reports.map((report) => [report.id, report]));
      const ids = [...new Set([...acknowledged.keys(), ...completed.keys()])];
      const lost: string[] = [];
      await inParallel(ids, 32, async (id) => {
        const ownerId = only(acknowledged.get(id) ?? completed.get(id));
        const read = await call<{ ownerId: string; state: string }>(nginx.url, "GET", `/api/v1/tasks/${id}`, {
          headers: only(owners.get(ownerId)).headers,
        });
        if (read.status !== 200 || read.body.ownerId !== ownerId) lost.push(`${id}: ${read.status}`);
        else if (completed.has(id) && read.body.state !== "done")
          lost.push(`${id}: ${read.body.state}, not done`);
      });
      expect(lost, `${lost.length} of ${ids.length} acknowledged writes`).toEqual([]);

      // Every plate is one strict order: positions 1..n, each task once.
      for (const report of reports) {
        const plate = await call<{ items: { id: string; position: number; state: string }[] }>(
          nginx.url,
          "GET",
          `/api/v1/people/${report.id}/tasks`,
          { headers: report.headers },
        );
        expect(plate.status).toBe(200);
        const open = plate.body.items;
        expect(open.map((task) => task.position)).toEqual(open.map((_, index) => index + 1));
        expect(new Set(open.map((task) => task.id)).size).toBe(open.length);
        expect(open.every((task) => task.state === "open")).toBe(true);
      }
      expect(nginx.errors()).not.toMatch(/\[(error|crit|alert|emerg)\]/);
    },
    180_000 + loadSeconds * 1000,
  );

  it("keeps a session made through the balancer working on every instance, and ends it on all", async () => {
    const session = await signIn(nginx.url, owner.email);
    for (const base of [nginx.url, ...instances.map((instance) => instance.url)]) {
      const me = await call<{ id: string }>(base, "GET", "/api/v1/me", { headers: { cookie: session } });
      expect(me.status, base).toBe(200);
      expect(me.body.id).toBe(owner.id);
      // A cookie write needs the deployment's Origin, whichever instance takes it.
      const added = await call(base, "POST", `/api/v1/people/${only(reports[0]).id}/tasks`, {
        headers: { cookie: session, origin: nginx.url },
        body: { title: `Added by cookie through ${base}` },
      });
      expect(added.status, base).toBe(201);
    }
    const [first, ...others] = instances;
    const out = await call(only(first).url, "POST", "/api/auth/sign-out", {
      headers: { cookie: session, origin: nginx.url },
      body: {},
    });
    expect(out.status).toBe(200);
    for (const base of [nginx.url, ...others.map((instance) => instance.url)]) {
      const me = await call(base, "GET", "/api/v1/me", { headers: { cookie: session } });
      expect(me.status, base).toBe(401);
    }
    // The owner's first session, made while signing up through the balancer, still works everywhere.
    for (const instance of instances) {
      const me = await call(instance.url, "GET", "/api/v1/me", { headers: { cookie: owner.cookie } });
      expect(me.status, instance.url).toBe(200);
    }
  });

  it("carries a change made on one instance to live streams on the others and through the balancer", async () => {
    const report = only(reports[1]);
    const token = only(report.headers.authorization).replace(/^Bearer /, "");
    const streams: EventStream[] = [];
    try {
      for (const [index, instance] of instances.entries()) {
        const writer = only(instances[(index + 1) % instances.length]);
        const stream = await EventStream.open(listeningOn(instance.port), { token });
        streams.push(stream);
        const added = await call<{ id: string }>(writer.url, "POST", `/api/v1/people/${report.id}/tasks`, {
          headers: { cookie: owner.cookie, origin: nginx.url, "content-type": "application/json" },
          body: { title: `Made on ${writer.port}, seen on ${instance.port}` },
        });
        expect(added.status).toBe(201);
        const seen = await stream.next((event) => event.data.taskId === added.body.id);
        expect(seen).toEqual({
          event: "task.changed",
          data: { taskId: added.body.id, ownerId: report.id, at: expect.any(String) },
        });
      }
      // Through nginx (unbuffered), from a change made on each instance in turn.
      const balanced = await EventStream.open(listeningOn(nginx.port), { token });
      streams.push(balanced);
      for (const writer of instances) {
        const added = await call<{ id: string }>(writer.url, "POST", `/api/v1/people/${report.id}/tasks`, {
          headers: report.headers,
          body: { title: `Made on ${writer.port}, seen through nginx` },
        });
        expect(added.status).toBe(201);
        await balanced.next((event) => event.data.taskId === added.body.id);
      }
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});

/** The element that is there by construction. */
function only<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("missing element");
  return value;
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(only(items[next++]));
    }),
  );
}
