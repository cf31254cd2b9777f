import { spawn } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { type Kysely, Migrator, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ManualClock } from "../src/core/clock";
import { buildApp } from "../src/server/app";
import { backUp } from "../src/server/backup/backup";
import { type Instance, instanceOf } from "../src/server/backup/instance";
import { findPostgresTool } from "../src/server/backup/postgres-tools";
import { restore } from "../src/server/backup/restore";
import { loadConfig } from "../src/server/config";
import { openDatabase } from "../src/server/db/connect";
import { foundation } from "../src/server/db/migrations/001-foundation";
import { tasks } from "../src/server/db/migrations/002-tasks";
import { requests } from "../src/server/db/migrations/003-requests";
import type { Database } from "../src/server/db/schema";
import { createMailer } from "../src/server/mail/mailer";
import { Client } from "./support/client";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { baseUrl, useHarness } from "./support/harness";
import { type Request, sendRequest, taskIdOf } from "./support/requests";
import {
  addTask,
  addTasks,
  changeTask,
  moveTask,
  type Plate,
  plateOf,
  positionsOf,
  taskOf,
  titlesOf,
} from "./support/tasks";

/** The secret the harness signs sessions with; each test file's instance keeps it in DATA_DIR too. */
const harnessSecret = "test-secret-0123456789abcdef0123456789";
const repoRoot = fileURLToPath(new URL("..", import.meta.url));

describe.each(dialects)("backup and restore on %s", (dialect) => {
  const h = useHarness(dialect);
  const cleanups: (() => Promise<void> | void)[] = [];
  let source: Instance;
  let owner: Member;
  let manager: Member;
  let rita: Member;
  let sam: Member;
  let people: Member[];
  let request: Request;
  /** Everything the API shows of the organization, read just before the first backup. */
  let before: Snapshot;

  beforeAll(async () => {
    // The instance keeps its AUTH_SECRET in DATA_DIR, as one started without AUTH_SECRET does.
    writeFileSync(join(h.dataDir, "auth-secret"), `${harnessSecret}\n`, { mode: 0o600 });
    source = instanceOf({ DATA_DIR: h.dataDir, DATABASE_URL: h.database.url });

    owner = await founder(h.app, "Olivia Owner");
    manager = await invite(h.app, owner, "Manny Manager", { managerId: owner.id });
    rita = await invite(h.app, owner, "Rita Report", { managerId: manager.id });
    sam = await invite(h.app, owner, "Sam Self", { managerId: manager.id });
    people = [owner, manager, rita, sam];

    const [spec, budget, , offsite] = await addTasks(rita, rita.id, [
      "Write the spec",
      "Review the budget",
      "Call the supplier",
      "Plan the offsite",
    ]);
    h.clock.advance(60_000);
    await addTask(manager, rita.id, {
      title: "Prepare the board deck",
      placement: "top",
      due: { date: "2031-05-01" },
    });
    h.clock.advance(60_000);
    expect((await moveTask(rita, offsite.id, { placement: { after: spec.id } })).status).toBe(200);
    h.clock.advance(60_000);
    await changeTask(rita, budget, { state: "done" });
    await addTask(manager, manager.id, { title: "Hire a designer", due: { at: "2031-04-01T09:00:00.000Z" } });
    const fix = await addTask(sam, sam.id, { title: "Fix the build" });
    await changeTask(sam, fix, { state: "in_progress" });
    // Sam is Rita's peer, outside her chain: his ask waits in her triage.
    await addTask(sam, rita.id, { title: "Pair on the importer" });
    request = await sendRequest(manager, {
      title: "Fill in the survey",
      notes: "Ten minutes, promise.",
      due: { date: "2031-06-01" },
      assigneeIds: [rita.id, sam.id],
    });
    h.clock.advance(60_000);
    await changeTask(rita, await taskOf(rita, taskIdOf(request, rita.id)), { state: "done" });

    before = await snapshot(h.app, people, request.id);
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  /** A data directory and an empty database no instance has used: an SQLite path, or a new PostgreSQL database. */
  async function freshTarget(): Promise<Instance> {
    const dataDir = mkdtempSync(join(tmpdir(), "docket-restored-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    if (dialect === "sqlite") return instanceOf({ DATA_DIR: dataDir });
    const clusterUrl = inject("postgresUrl");
    const name = `restored_${Math.random().toString(36).slice(2, 12)}`;
    await withAdmin(clusterUrl, (admin) => admin.query(`create database "${name}"`));
    cleanups.push(async () => {
      await withAdmin(clusterUrl, (admin) => admin.query(`drop database if exists "${name}" with (force)`));
    });
    return instanceOf({ DATA_DIR: dataDir, DATABASE_URL: clusterUrl.replace(/\/[^/]*$/, `/${name}`) });
  }

  /** A private folder for backups made with an explicit --out. */
  function scratch(): string {
    const dir = mkdtempSync(join(tmpdir(), "docket-backups-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  /** A second Docket instance on a restored database, configured from its DATA_DIR as a server would be. */
  async function serve(target: Instance, env: { AUTH_SECRET?: string } = {}): Promise<Served> {
    const database = openDatabase(target.databaseUrl, { poolSize: 2 });
    const config = {
      ...loadConfig({ DATA_DIR: target.dataDir, BASE_URL: baseUrl, ...env }),
      databaseUrl: target.databaseUrl,
      webRoot: null,
    };
    const mailer = createMailer({
      smtpUrl: null,
      outboxDir: join(target.dataDir, "outbox"),
      from: "Docket <docket@docket.test>",
    });
    const { app } = await buildApp({ config, database, clock: new ManualClock(h.clock.now()), mailer });
    await app.ready();
    return {
      app,
      as: (member) => ({ client: new Client(app, member.client.credentials) }),
      async close() {
        await app.close();
        mailer.close();
        await database.close();
      },
    };
  }

  /** The environment that points the commands at `instance`, and nowhere else. */
  const envOf = (instance: Instance) => ({
    // Vitest sets BASE_URL=/ for Vite; a real shell would not.
    BASE_URL: baseUrl,
    DATA_DIR: instance.dataDir,
    DATABASE_URL: instance.databaseUrl,
    AUTH_SECRET: "",
  });

  const extension = dialect === "sqlite" ? "sqlite" : "dump";

  it("has a realistic organization to back up", () => {
    const plate = before.plates[rita.name] as Plate;
    expect(titlesOf(plate)).toEqual([
      "Prepare the board deck",
      "Write the spec",
      "Plan the offsite",
      "Call the supplier",
      "Pair on the importer",
      "Fill in the survey",
      "Review the budget",
    ]);
    expect(positionsOf(plate)).toEqual([1, 2, 3, 4, null, null, null]);
    expect(before.request.progress).toEqual({ done: 1, dropped: 0, open: 1, total: 2 });
    expect((before.people as { items: unknown[] }).items).toHaveLength(4);
  });

  it("backs up the serving database and restores all of it, sessions included, into a fresh data directory", async () => {
    if (dialect === "sqlite") {
      // Recent writes are still in the write-ahead log: the backup must carry them.
      expect(statSync(`${h.database.url}-wal`).size).toBeGreaterThan(0);
    }
    const summary = await backUp(source, { now: new Date("2031-01-02T03:04:05.678Z") });
    const file = join(h.dataDir, "backups", `docket-2031-01-02T03-04-05-678Z.${extension}`);
    expect(summary).toEqual({
      file,
      bytes: statSync(file).size,
      people: 4,
      tasks: 10,
      authSecretFile: `${file}.auth-secret`,
    });
    expect(readdirSync(dirname(file)).sort()).toEqual([basename(file), `${basename(file)}.auth-secret`]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}.auth-secret`).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${file}.auth-secret`, "utf8").trim()).toBe(harnessSecret);
    await expect(backUp(source, { out: file })).rejects.toThrow(`${file} already exists`);
    // The instance served on, and the backup changed nothing in it.
    expect(await snapshot(h.app, people, request.id)).toEqual(before);

    const target = await freshTarget();
    const restored = await restore(target, file);
    expect(restored).toMatchObject({ people: 4, tasks: 10, authSecret: "restored" });
    expect(readFileSync(join(target.dataDir, "auth-secret"), "utf8").trim()).toBe(harnessSecret);
    expect(statSync(join(target.dataDir, "auth-secret")).mode & 0o777).toBe(0o600);

    const second = await serve(target);
    try {
      // Read with the cookies made before the backup: the sessions came back with the secret.
      expect(await snapshot(second.app, people, request.id)).toEqual(before);
    } finally {
      await second.close();
    }
    // Without the backed-up secret, the same session cookie is a stranger's.
    const unsigned = await serve(target, { AUTH_SECRET: "a-different-secret-0123456789abcdef0123" });
    try {
      expect((await unsigned.as(rita).client.get("/api/v1/me")).status).toBe(401);
    } finally {
      await unsigned.close();
    }
  });

  it("does the same as commands: npm run backup, then npm run restore", async () => {
    const out = join(scratch(), "nightly", `docket.${extension}`);
    const made = await runScript("backup", ["--out", out], envOf(source));
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`${out}\n`);
    expect(made.stdout).toMatch(/: 4 people, 10 tasks\./);
    expect(readFileSync(`${out}.auth-secret`, "utf8").trim()).toBe(harnessSecret);

    const target = await freshTarget();
    const restored = await runScript("restore", [out], envOf(target));
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Restored .*: 4 people, 10 tasks, up to date\./);
    expect(restored.stdout).toContain(`The AUTH_SECRET is back in ${join(target.dataDir, "auth-secret")}`);

    const second = await serve(target);
    try {
      expect(await snapshot(second.app, people, request.id)).toEqual(before);
    } finally {
      await second.close();
    }
  });

  it("refuses to restore over a database that holds data unless --force, changing nothing", async () => {
    const { file } = await backUp(source, { out: join(scratch(), `docket.${extension}`) });

    // Over the serving database itself: refused, and it serves on unchanged.
    await expect(restore(source, file)).rejects.toThrow(
      dialect === "sqlite" ? "a server may be running on this database" : "already holds data",
    );
    expect(await snapshot(h.app, people, request.id)).toEqual(before);

    // Over a stopped instance that has moved on since: refused, until --force.
    const target = await freshTarget();
    await restore(target, file);
    const later = "Only in the restored copy";
    let second = await serve(target);
    try {
      await addTask(second.as(owner), owner.id, { title: later });
    } finally {
      await second.close();
    }

    const refused = await runScript("restore", [file], envOf(target));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/restore failed: .* already holds data: pass --force to replace it\n/);
    second = await serve(target);
    try {
      expect(titlesOf(await plateOf(second.as(owner), owner.id))).toEqual([later]);
    } finally {
      await second.close();
    }

    expect(await restore(target, file, { force: true })).toMatchObject({ people: 4, tasks: 10 });
    second = await serve(target);
    try {
      expect(await snapshot(second.app, people, request.id)).toEqual(before);
    } finally {
      await second.close();
    }
  });

  it("fails clearly on a truncated or foreign backup file, leaving the target as it was", async () => {
    const dir = scratch();
    const { file } = await backUp(source, { out: join(dir, `docket.${extension}`) });
    const truncated = join(dir, `truncated.${extension}`);
    const whole = readFileSync(file);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const foreign = join(dir, "notes.txt");
    writeFileSync(foreign, "Not a backup at all.\n".repeat(100));
    const damaged =
      dialect === "sqlite"
        ? /is not a readable SQLite database|is damaged/
        : /is not a readable pg_dump archive/;

    const target = await freshTarget();
    await expect(restore(target, truncated)).rejects.toThrow(damaged);
    await expect(restore(target, foreign)).rejects.toThrow(
      `${foreign} is neither an SQLite backup nor a pg_dump archive`,
    );
    const failed = await runScript("restore", [truncated], envOf(target));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^restore failed: .+$/m);
    expect(readdirSync(target.dataDir)).toEqual([]);
    if (dialect === "postgres") expect(await tablesOf(target.databaseUrl)).toEqual([]);

    // Even forced over the serving database, a damaged backup is refused before anything changes.
    await expect(restore(source, truncated, { force: true })).rejects.toThrow(damaged);
    expect(await snapshot(h.app, people, request.id)).toEqual(before);
  });

  it("leaves no file behind when a backup fails", async () => {
    const out = join(scratch(), `docket.${extension}`);
    const missing =
      dialect === "sqlite"
        ? join(h.dataDir, "no-such-database.sqlite")
        : h.database.url.replace(/\/[^/]*$/, "/no_such_database");
    await expect(backUp({ ...source, databaseUrl: missing }, { out })).rejects.toThrow(
      dialect === "sqlite" ? `there is no SQLite database at ${missing}` : "cannot connect",
    );
    expect(readdirSync(dirname(out))).toEqual([]);
  });

  it("brings a backup from an older version up to date", async () => {
    const old = await freshTarget();
    const handle = openDatabase(old.databaseUrl, { poolSize: 1 });
    const three = { "001-foundation": foundation, "002-tasks": tasks, "003-requests": requests };
    const migrator = new Migrator({
      db: handle.raw,
      provider: {
        getMigrations: async () =>
          Object.fromEntries(Object.entries(three).map(([name, migration]) => [name, migration(dialect)])),
      },
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await handle.close();
    const { file, authSecretFile } = await backUp(old, { out: join(scratch(), `old.${extension}`) });
    expect(authSecretFile).toBeNull();

    const target = await freshTarget();
    expect(await restore(target, file)).toMatchObject({ people: 0, tasks: 0, authSecret: "none" });
    const restored = openDatabase(target.databaseUrl, { poolSize: 1 });
    try {
      // Every migration the serving (fully migrated) database has, 004 and any later ones included.
      expect(await migrationsOf(restored.db)).toEqual(await migrationsOf(h.ctx.db));
      expect(await migrationsOf(restored.db)).toContain("004-calm");
    } finally {
      await restored.close();
    }
    // What 004 added is there: a new organization gets its urgent-lane limit and its still-needed age.
    const second = await serve(target);
    try {
      const founded = await founder(second.app, "Nora Newcomer");
      const organization = await founded.client.get(`/api/v1/organizations/${founded.organizationId}`);
      expect(organization.status).toBe(200);
      expect(organization.body).toMatchObject({ settings: { urgentPerWeek: 2, staleAfterDays: 14 } });
    } finally {
      await second.close();
    }
  });
});

describe("finding PostgreSQL's programs", () => {
  const root = mkdtempSync(join(tmpdir(), "docket-pg-tools-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const fakeProgram = (path: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, "#!/bin/sh\n");
    chmodSync(path, 0o755);
    return path;
  };

  it("takes the one on PATH first, else the newest version's in the library folder", () => {
    const onPath = fakeProgram(join(root, "bin", "pg_dump"));
    const libDir = join(root, "lib");
    for (const version of ["9", "13", "15"]) fakeProgram(join(libDir, version, "bin", "pg_dump"));
    expect(findPostgresTool("pg_dump", { path: `/nonexistent:${dirname(onPath)}`, libDir })).toBe(onPath);
    expect(findPostgresTool("pg_dump", { path: "/nonexistent", libDir })).toBe(
      join(libDir, "15", "bin", "pg_dump"),
    );
  });

  it("fails with a clear message when there is none", () => {
    expect(() => findPostgresTool("pg_restore", { path: "", libDir: join(root, "nothing") })).toThrow(
      `pg_restore not found on PATH or in ${join(root, "nothing")}/*/bin: install the PostgreSQL client`,
    );
  });
});

interface Served {
  app: FastifyInstance;
  /** `member`, with the session cookie they got before the backup, calling this instance. */
  as(member: Member): { client: Client };
  close(): Promise<void>;
}

interface Snapshot {
  people: unknown;
  organization: unknown;
  me: Record<string, unknown>;
  inbox: Record<string, unknown>;
  plates: Record<string, unknown>;
  histories: Record<string, unknown>;
  request: Request;
  requests: unknown;
}

/**
 * Everything the API shows of the organization: the people, each one's own view of themselves and
 * their inbox (with their own session), every plate in order with positions, every task's history,
 * and the request with its progress.
 */
async function snapshot(app: FastifyInstance, people: Member[], requestId: string): Promise<Snapshot> {
  const read = async (member: Member, path: string) => {
    const answer = await new Client(app, member.client.credentials).get(path);
    expect(answer.status, `${member.name} GET ${path}: ${JSON.stringify(answer.body)}`).toBe(200);
    return answer.body;
  };
  const [owner, manager] = people as [Member & { organizationId?: string }, Member];
  const result: Snapshot = {
    people: await read(owner, "/api/v1/people"),
    organization: await read(owner, "/api/v1/me").then((me) =>
      read(owner, `/api/v1/organizations/${me.organizationId}`),
    ),
    me: {},
    inbox: {},
    plates: {},
    histories: {},
    request: (await read(manager, `/api/v1/requests/${requestId}`)) as unknown as Request,
    requests: await read(manager, "/api/v1/requests"),
  };
  for (const person of people) {
    result.me[person.name] = await read(person, "/api/v1/me");
    result.inbox[person.name] = await read(person, "/api/v1/inbox");
    const plate = (await read(owner, `/api/v1/people/${person.id}/tasks?state=all`)) as unknown as Plate;
    result.plates[person.name] = plate;
    for (const task of plate.items)
      result.histories[task.id] = await read(owner, `/api/v1/tasks/${task.id}/history`);
  }
  return result;
}

/** Runs `npm run <script> -- <args>` in the repository as a separate process. */
function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", script, "--", ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The names of the migrations a database has run, in order. */
async function migrationsOf(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((row) => row.name);
}

/** The tables in a PostgreSQL database's public schema. */
async function tablesOf(url: string): Promise<string[]> {
  return withAdmin(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public'",
    );
    return rows.map((row) => row.name);
  });
}
