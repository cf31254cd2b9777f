import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import { addTask, changeTask } from "./support/tasks";

/**
 * On PostgreSQL a task write and a reader (or a digest) can reach the same open inbox entry from two
 * connections at once. The write must not join its news to an entry that was read or carried away
 * meanwhile: the news would be lost. SQLite's single writer never interleaves them.
 */
describe("coalescing into an inbox entry on postgres", () => {
  const h = useHarness("postgres");
  let boss: Member & { organizationId: string };

  beforeAll(async () => {
    h.clock.set("2027-04-05T09:00:00.000Z");
    boss = await founder(h.app, "Bianca Boss");
  });

  /** Whether some connection waits for a row lock while updating an inbox entry. */
  async function aWriteWaitsOnTheEntry(): Promise<boolean> {
    const { rows } = await sql<{ waiting: number }>`
      select count(*)::int as waiting from pg_stat_activity
      where wait_event_type = 'Lock' and query ilike 'update "inbox_entry"%'`.execute(h.ctx.db);
    return (rows[0]?.waiting ?? 0) > 0;
  }

  it("gives a change its own entry when the one it would join was read while it was being written", async () => {
    const manny = await invite(h.app, boss, "Manny Manager", { managerId: boss.id });
    const sam = await invite(h.app, boss, "Sam Self", { managerId: manny.id });
    let task = await addTask(manny, sam.id, { title: "Pipeline", due: { date: "2027-05-10" } });
    expect((await sam.client.post("/api/v1/inbox/read", { all: true })).status).toBe(204);
    task = await changeTask(manny, task, { due: { date: "2027-05-12" } });
    const open = await h.ctx.db
      .selectFrom("inbox_entry")
      .select("id")
      .where("person_id", "=", sam.id)
      .where("kind", "=", "task.redated")
      .where("read_at", "is", null)
      .executeTakeFirstOrThrow();

    // Sam reads the entry in a transaction that holds its row until the next change is under way.
    let finishReading!: () => void;
    const reading = new Promise<void>((resolve) => {
      finishReading = resolve;
    });
    let entryLocked!: () => void;
    const locked = new Promise<void>((resolve) => {
      entryLocked = resolve;
    });
    const reader = h.ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("inbox_entry")
        .set({ read_at: h.clock.now().toISOString() })
        .where("id", "=", open.id)
        .execute();
      entryLocked();
      await reading;
    });
    await locked;

    h.clock.advance(60_000);
    const change = changeTask(manny, task, { due: { date: "2027-05-20" } });
    while (!(await aWriteWaitsOnTheEntry())) await new Promise((resolve) => setImmediate(resolve));
    finishReading();
    await reader;
    await change;

    const unread = await h.ctx.db
      .selectFrom("inbox_entry")
      .select(["id", "count", "data"])
      .where("person_id", "=", sam.id)
      .where("kind", "=", "task.redated")
      .where("read_at", "is", null)
      .execute();
    expect(unread).toHaveLength(1);
    expect(unread[0]?.id).not.toBe(open.id);
    expect(unread[0]?.count).toBe(1);
    expect(JSON.parse(unread[0]?.data ?? "{}")).toMatchObject({ to: { date: "2027-05-20" } });
  });
});
