import type { ChildProcess } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { backUp } from "../src/server/backup/backup";
import { instanceOf } from "../src/server/backup/instance";
import { loadConfig } from "../src/server/config";
import { openDatabase } from "../src/server/db/connect";
import { migrateToLatest } from "../src/server/db/migrate";
import { createMailer } from "../src/server/mail/mailer";
import { uniqueEmail } from "./support/factories";
import { baseUrl } from "./support/harness";
import { freePort, startDocket, stopDocket } from "./support/processes";
import { call, signUpOwner } from "./support/remote";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A new folder to put a DATA_DIR in (the DATA_DIR itself is not made yet). */
function parentFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "docket-data-dir-"));
  folders.push(folder);
  return folder;
}

/** Every folder and file under `root` (itself included), with its permission bits. */
function modesUnder(root: string): Record<string, string> {
  const modes: Record<string, string> = {};
  const visit = (path: string) => {
    const stats = lstatSync(path);
    modes[relative(root, path) || "."] =
      `${stats.isDirectory() ? "folder" : "file"} ${(stats.mode & 0o777).toString(8)}`;
    if (stats.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  visit(root);
  return modes;
}

/** Asserts that everything under `root` is its owner's alone, and returns what is there. */
function expectAllPrivate(root: string): string[] {
  const modes = modesUnder(root);
  const wide = Object.entries(modes).filter(([, mode]) => mode !== "folder 700" && mode !== "file 600");
  expect(wide, JSON.stringify(modes, null, 2)).toEqual([]);
  return Object.keys(modes);
}

/** The database, its write-ahead log and index, the kept secret, a message in the outbox, a backup. */
async function useEverything(dataDir: string): Promise<void> {
  const config = loadConfig({ DATA_DIR: dataDir, BASE_URL: baseUrl });
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.raw, database.dialect);
    const mailer = createMailer({
      smtpUrl: null,
      outboxDir: join(dataDir, "outbox"),
      from: "docket@docket.test",
    });
    await mailer.send({
      id: "invitation-mail",
      to: "someone@example.com",
      subject: "You are invited",
      text: `${baseUrl}/invite/a-live-link`,
      html: "",
    });
    mailer.close();
    await backUp(instanceOf({ DATA_DIR: dataDir, BASE_URL: baseUrl, AUTH_SECRET: "" }));
  } finally {
    // The write-ahead log is kept until the last connection closes: look while it is open.
    expectAllPrivate(dataDir);
    await database.close();
  }
}

describe("DATA_DIR is its owner's alone", () => {
  it("creates the folder 0700 and every file in it 0600: database, log, index, secret, mail, backups", async () => {
    const dataDir = join(parentFolder(), "data");
    await useEverything(dataDir);
    const kept = expectAllPrivate(dataDir);
    expect(kept).toEqual(
      expect.arrayContaining([
        ".",
        "auth-secret",
        "docket.sqlite",
        "outbox",
        "outbox/invitation-mail.eml",
        "backups",
        expect.stringMatching(/^backups\/docket-.*\.sqlite$/),
        expect.stringMatching(/^backups\/docket-.*\.sqlite\.auth-secret$/),
      ]),
    );
  });

  it("keeps the database's write-ahead log and index private while the database is open", async () => {
    const dataDir = join(parentFolder(), "data");
    const config = loadConfig({ DATA_DIR: dataDir, BASE_URL: baseUrl });
    const database = openDatabase(config.databaseUrl);
    try {
      await migrateToLatest(database.raw, database.dialect);
      expect(existsSync(join(dataDir, "docket.sqlite-wal"))).toBe(true);
      expect(existsSync(join(dataDir, "docket.sqlite-shm"))).toBe(true);
      expectAllPrivate(dataDir);
    } finally {
      await database.close();
    }
  });

  it("tightens a DATA_DIR an older version (or a person) made readable by others", async () => {
    const dataDir = join(parentFolder(), "data");
    mkdirSync(join(dataDir, "outbox"), { recursive: true });
    mkdirSync(join(dataDir, "backups"));
    writeFileSync(join(dataDir, "auth-secret"), "kept-secret-0123456789abcdef-0123456789\n");
    writeFileSync(
      join(dataDir, "outbox", "old.eml"),
      "Subject: old\n\nhttp://docket.test/invite/old-live-link\n",
    );
    writeFileSync(join(dataDir, "backups", "docket-old.sqlite"), "");
    const old = new SqliteDatabase(join(dataDir, "docket.sqlite"));
    old.pragma("journal_mode = WAL");
    old.exec("create table leftover (x)");
    for (const path of [
      "",
      "outbox",
      "backups",
      "auth-secret",
      "outbox/old.eml",
      "backups/docket-old.sqlite",
    ])
      chmodSync(join(dataDir, path), path.includes(".") || path === "auth-secret" ? 0o644 : 0o755);
    for (const file of ["docket.sqlite", "docket.sqlite-wal", "docket.sqlite-shm"])
      chmodSync(join(dataDir, file), 0o644);
    expect(Object.values(modesUnder(dataDir))).toContain("file 644");

    const config = loadConfig({ DATA_DIR: dataDir, BASE_URL: baseUrl });
    const database = openDatabase(config.databaseUrl);
    try {
      expectAllPrivate(dataDir);
    } finally {
      await database.close();
      old.close();
    }
  });

  it("refuses a shared folder such as /tmp as DATA_DIR", () => {
    const shared = parentFolder();
    chmodSync(shared, 0o1777);
    expect(() => loadConfig({ DATA_DIR: shared, BASE_URL: baseUrl })).toThrow(/shared folder/);
  });

  describe("the real server", () => {
    let child: ChildProcess | undefined;
    afterAll(async () => {
      if (child) await stopDocket(child);
    });

    it("creates everything it keeps private, mail with live links included", async () => {
      const dataDir = join(parentFolder(), "data");
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      child = await startDocket(
        {
          PORT: String(port),
          HOST: "127.0.0.1",
          DATA_DIR: dataDir,
          DATABASE_URL: "",
          BASE_URL: url,
          AUTH_SECRET: "",
          WEB_ROOT: "none",
          LOG_LEVEL: "error",
        },
        url,
      );
      const owner = await signUpOwner(url, { name: "Olivia Owner", organization: "Private Co" });
      const invited = await call(url, "POST", "/api/v1/invitations", {
        headers: { origin: url, cookie: owner.cookie },
        body: { email: uniqueEmail() },
      });
      expect(invited.status).toBe(201);
      // The mail job sends it on its own schedule: wait for the message to be written, at most 30 s.
      const outbox = join(dataDir, "outbox");
      const deadline = Date.now() + 30_000;
      while (!(existsSync(outbox) && readdirSync(outbox).some((name) => name.endsWith(".eml")))) {
        expect(Date.now(), "the invitation was not written to the outbox").toBeLessThan(deadline);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }

      const kept = expectAllPrivate(dataDir);
      expect(kept).toEqual(
        expect.arrayContaining(["auth-secret", "docket.sqlite", "docket.sqlite-wal", "docket.sqlite-shm"]),
      );
      await stopDocket(child);
      child = undefined;
      expectAllPrivate(dataDir);
    }, 90_000);
  });
});
