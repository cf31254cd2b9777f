import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writerCheckpointFrames } from "./checkpointer";
import { type DatabaseHandle, openDatabase } from "./connect";

describe("the checkpointer of an SQLite database", () => {
  let dir: string;
  let file: string;
  let handle: DatabaseHandle;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "docket-checkpointer-"));
    file = join(dir, "docket.sqlite");
    handle = openDatabase(file);
    await sql`create table filler (body blob not null)`.execute(handle.db);
  });

  afterEach(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("copies committed writes into the database file while the writer goes on, and the log then starts over", async () => {
    const blobs = 8;
    const pages = (blobs * 256 * 1024) / 4096;
    // Far fewer pages than make the writing connection copy them itself.
    expect(pages).toBeLessThan(writerCheckpointFrames / 10);
    const before = statSync(file).size;
    for (let i = 0; i < blobs; i++) {
      await sql`insert into filler (body) values (randomblob(${256 * 1024}))`.execute(handle.db);
    }
    await expect
      .poll(() => statSync(file).size, { timeout: 4_000, interval: 20 })
      .toBeGreaterThanOrEqual(before + pages * 4096);

    // Once all of the log is in the database file, a write starts the log over instead of growing it.
    let writes = 0;
    await expect
      .poll(
        async () => {
          const log = statSync(`${file}-wal`).size;
          await sql`insert into filler (body) values (randomblob(4096))`.execute(handle.db);
          writes++;
          return statSync(`${file}-wal`).size === log;
        },
        { timeout: 4_000, interval: 20 },
      )
      .toBe(true);
    const [row] = (await sql<{ n: number }>`select count(*) as n from filler`.execute(handle.db)).rows;
    expect(row?.n).toBe(blobs + writes);
  });

  it("ends with the database: closed, nothing holds the file and its log is copied in and removed", async () => {
    const before = statSync(file).size;
    await sql`insert into filler (body) values (randomblob(${256 * 1024}))`.execute(handle.db);
    // At work: the checkpointer holds the file too.
    await expect
      .poll(() => statSync(file).size, { timeout: 4_000, interval: 20 })
      .toBeGreaterThan(before + 256 * 1024);
    await handle.close();
    expect(openFiles()).not.toContain(file);
    expect(existsSync(`${file}-wal`)).toBe(false);
    handle = openDatabase(file);
    const [row] = (await sql<{ n: number }>`select count(*) as n from filler`.execute(handle.db)).rows;
    expect(row?.n).toBe(1);
  });
});

/** The files this process holds open (Linux). */
function openFiles(): string[] {
  return readdirSync("/proc/self/fd").flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return [];
    }
  });
}
