import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { lockPlate } from "../src/server/db/dialect";
import { updateTask } from "../src/server/tasks/write-store";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import { addTask, type Task } from "./support/tasks";

/**
 * On PostgreSQL a change to a task waits for its plate's lock while another write to that plate
 * finishes. It must then work from the task as that write left it, never from what it read before
 * the lock was granted. SQLite's single writer never interleaves them.
 */
describe("a task change waiting for its plate's lock on postgres", () => {
  const h = useHarness("postgres");
  let boss: Member & { organizationId: string };

  beforeAll(async () => {
    h.clock.set("2027-04-05T09:00:00.000Z");
    boss = await founder(h.app, "Bianca Boss");
  });

  /** Whether some connection waits for a lock. */
  async function aChangeWaits(): Promise<boolean> {
    const { rows } = await sql<{ waiting: number }>`
      select count(*)::int as waiting from pg_stat_activity
      where wait_event_type = 'Lock' and datname = current_database()`.execute(h.ctx.db);
    return (rows[0]?.waiting ?? 0) > 0;
  }

  it("answers from the task as the write it waited for left it", async () => {
    const manny = await invite(h.app, boss, "Manny Manager", { managerId: boss.id });
    const sam = await invite(h.app, boss, "Sam Self", { managerId: manny.id });
    const task = await addTask(manny, sam.id, { title: "Pipeline" });
    expect(task.version).toBe(1);

    // Another write holds the plate: it renames the task (version 2) and commits only later.
    let finishWriting!: () => void;
    const writing = new Promise<void>((resolve) => {
      finishWriting = resolve;
    });
    let plateLocked!: () => void;
    const locked = new Promise<void>((resolve) => {
      plateLocked = resolve;
    });
    const writer = h.ctx.db.transaction().execute(async (trx) => {
      await lockPlate(trx, "postgres", sam.id);
      await updateTask(trx, task.id, { title: "Pipeline, renamed", updated_at: h.clock.now().toISOString() });
      plateLocked();
      await writing;
    });
    await locked;

    // Completed by someone who knows version 2: it waits for the plate, then completes version 2.
    const completing = manny.client.patch<Task>(`/api/v1/tasks/${task.id}`, { version: 2, state: "done" });
    while (!(await aChangeWaits())) await new Promise((resolve) => setImmediate(resolve));
    finishWriting();
    await writer;
    const completed = await completing;

    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body).toMatchObject({ title: "Pipeline, renamed", state: "done", version: 3 });
  });
});
