import { sql, type Transaction } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flagValue } from "../src/server/db/dialect";
import type { Database } from "../src/server/db/schema";
import {
  insertTask,
  lockedPlateOwner,
  type NewTask,
  type TaskRecords,
  taskForChange,
  updateTask,
} from "../src/server/tasks/write-store";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases";

const at = "2026-11-23T10:00:00.000Z";

/**
 * The statements of the task write path (tasks/create.ts, tasks/mutation.ts): a write's reads come in
 * one statement each, and a task's row is written with its history and inbox entries.
 */
describe.each(dialects)("the task write path's statements on %s", (dialect) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const { db } = database.handle;
    await db.insertInto("organization").values({ id: "org", name: "Org", created_at: at }).execute();
    const person = (id: string, managerId: string | null, timeZone = "UTC") => ({
      id,
      name: `Person ${id}`,
      email: `${id}@example.test`,
      email_verified: flagValue(dialect, false),
      image: null,
      created_at: at,
      updated_at: at,
      organization_id: "org",
      role: "member" as const,
      manager_id: managerId,
      title: null,
      time_zone: timeZone,
      away_from: null,
      away_until: null,
    });
    // Inserted one by one: each manager exists before their report.
    for (const row of [
      person("boss", null),
      person("mid", "boss"),
      person("lead", "mid"),
      person("ann", "lead", "Asia/Tokyo"),
    ]) {
      await db.insertInto("person").values(row).execute();
    }
  });
  afterAll(() => database.drop());

  const inTransaction = <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
    database.handle.db.transaction().execute(work);

  const newTask = (id: string): NewTask => ({
    id,
    organization_id: "org",
    owner_id: "ann",
    requester_id: "mid",
    request_id: null,
    meeting_id: null,
    goal_id: null,
    title: `Task ${id}`,
    notes: "",
    state: "open",
    rank: id,
    due_date: null,
    due_at: null,
    urgent: flagValue(dialect, false),
    created_at: at,
    updated_at: at,
  });

  const recordsOf = (taskId: string, kind: string, people: readonly string[]): TaskRecords => ({
    history: [{ task_id: taskId, actor_id: "mid", at, kind, from_value: null, to_value: '"1"' }],
    entries: people.map((personId) => ({
      id: `${taskId}-${kind}-${personId}`,
      person_id: personId,
      kind: `task.${kind}`,
      task_id: taskId,
      request_id: null,
      feedback_id: null,
      feedback_request_id: null,
      actor_id: "mid",
      created_at: at,
      at,
      count: 1,
      data: "{}",
      coalesce_key: null,
      dedupe_key: null,
    })),
  });

  const writtenFor = async (taskId: string) => {
    const { db } = database.handle;
    const history = await db
      .selectFrom("task_event")
      .select("kind")
      .where("task_id", "=", taskId)
      .orderBy("id")
      .execute();
    const entries = await db
      .selectFrom("inbox_entry")
      .select(["person_id", "kind"])
      .where("task_id", "=", taskId)
      .orderBy("person_id")
      .orderBy("kind")
      .execute();
    return { history: history.map((row) => row.kind), entries };
  };

  it("reads a plate's owner with the people above them, nearest first, in one statement", async () => {
    const owner = await inTransaction((trx) => lockedPlateOwner(trx, dialect, "ann"));
    expect(owner).toEqual({
      id: "ann",
      organizationId: "org",
      name: "Person ann",
      timeZone: "Asia/Tokyo",
      chain: ["lead", "mid", "boss"],
    });
    expect((await inTransaction((trx) => lockedPlateOwner(trx, dialect, "boss")))?.chain).toEqual([]);
    expect(await inTransaction((trx) => lockedPlateOwner(trx, dialect, "nobody"))).toBeUndefined();
  });

  it("writes a new task with its history and inbox entries, and reads it back with its subject", async () => {
    const inserted = await inTransaction((trx) =>
      insertTask(trx, dialect, newTask("t1"), recordsOf("t1", "created", ["ann", "lead"])),
    );
    expect(inserted).toMatchObject({ id: "t1", owner_id: "ann", title: "Task t1", version: 1, rank: "t1" });
    expect(await writtenFor("t1")).toEqual({
      history: ["created"],
      entries: [
        { person_id: "ann", kind: "task.created" },
        { person_id: "lead", kind: "task.created" },
      ],
    });

    const found = await inTransaction((trx) => taskForChange(trx, dialect, "t1"));
    expect(found?.task).toEqual(inserted);
    expect(found?.subject).toEqual({
      ownerId: "ann",
      organizationId: "org",
      requesterId: "mid",
      chain: ["lead", "mid", "boss"],
    });
    expect(await inTransaction((trx) => taskForChange(trx, dialect, "none"))).toBeUndefined();
  });

  it("updates each set of columns with the next version, with or without records", async () => {
    await inTransaction((trx) => insertTask(trx, dialect, newTask("t2"), { history: [], entries: [] }));
    const completed = await inTransaction((trx) =>
      updateTask(
        trx,
        "t2",
        { state: "done", rank: null, completed_at: at, updated_at: at },
        { dialect, ...recordsOf("t2", "completed", ["ann"]) },
      ),
    );
    expect(completed).toMatchObject({
      state: "done",
      rank: null,
      completed_at: at,
      version: 2,
      title: "Task t2",
    });
    const retitled = await inTransaction((trx) =>
      updateTask(trx, "t2", { title: "Renamed", updated_at: at }),
    );
    expect(retitled).toMatchObject({ state: "done", title: "Renamed", version: 3 });
    expect(await writtenFor("t2")).toEqual({
      history: ["completed"],
      entries: [{ person_id: "ann", kind: "task.completed" }],
    });
  });

  it("rolls the task back with its records when one of them cannot be written", async () => {
    const failing = inTransaction((trx) =>
      insertTask(trx, dialect, newTask("t3"), recordsOf("t3", "created", ["ann", "no-such-person"])),
    );
    await expect(failing).rejects.toThrow();
    const { db } = database.handle;
    expect(await db.selectFrom("task").select("id").where("id", "=", "t3").execute()).toEqual([]);
    expect(await writtenFor("t3")).toEqual({ history: [], entries: [] });
  });
});

describe("the task write path's statements on postgres, each a round trip", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
  });
  afterAll(() => database.drop());

  /** The statements this transaction's connection has prepared, by their text. */
  const preparedIn = async (trx: Transaction<Database>) =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx)).rows.map(
      (row) => row.statement,
    );

  it("runs precompiled queries as named prepared statements, in a transaction too", async () => {
    const prepared = await database.handle.db.transaction().execute(async (trx) => {
      await taskForChange(trx, "postgres", "none");
      await lockedPlateOwner(trx, "postgres", "nobody");
      return preparedIn(trx);
    });
    expect(prepared.some((text) => text.includes("above.ids as chain") && text.includes("from task t"))).toBe(
      true,
    );
    expect(prepared.some((text) => text.includes("for no key update of o"))).toBe(true);
  });

  it("writes a task's row, history and inbox entries in one statement", async () => {
    const { db } = database.handle;
    await db.insertInto("organization").values({ id: "org", name: "Org", created_at: at }).execute();
    await db
      .insertInto("person")
      .values({
        id: "ann",
        name: "Ann",
        email: "ann@example.test",
        email_verified: false,
        image: null,
        created_at: at,
        updated_at: at,
        organization_id: "org",
        role: "member",
        manager_id: null,
        title: null,
        away_from: null,
        away_until: null,
      })
      .execute();
    const prepared = await db.transaction().execute(async (trx) => {
      await insertTask(
        trx,
        "postgres",
        { ...aTask("t1"), urgent: false },
        {
          history: [{ task_id: "t1", actor_id: "ann", at, kind: "created", from_value: null, to_value: "1" }],
          entries: [],
        },
      );
      return preparedIn(trx);
    });
    const writes = prepared.filter((text) => /insert into "(task|task_event)"/.test(text));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^with "along_0" as \(insert into "task_event" .*\) insert into "task" /s);
  });
});

describe("the task write path's statements on sqlite, each run on the writing connection", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    const { db } = database.handle;
    await db.insertInto("organization").values({ id: "org", name: "Org", created_at: at }).execute();
    await db
      .insertInto("person")
      .values({
        id: "ann",
        name: "Ann",
        email: "ann@example.test",
        email_verified: 0,
        image: null,
        created_at: at,
        updated_at: at,
        organization_id: "org",
        role: "member",
        manager_id: null,
        title: null,
        away_from: null,
        away_until: null,
      })
      .execute();
  });
  afterAll(() => database.drop());

  it("runs a transaction's precompiled statements on its connection, not Kysely's executor: in it, undone with it", async () => {
    // What Kysely's executor answers passes through its plugins' `transformResult`.
    let throughKysely = 0;
    const counted = database.handle.db.withPlugin({
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        throughKysely++;
        return args.result;
      },
    });
    const undone = counted.transaction().execute(async (trx) => {
      await insertTask(trx, "sqlite", aTask("t1"), {
        history: [{ task_id: "t1", actor_id: "ann", at, kind: "created", from_value: null, to_value: "1" }],
        entries: [],
      });
      const seen = await taskForChange(trx, "sqlite", "t1");
      throw new Error(`seen ${seen?.task.id}, ${throughKysely} through Kysely`);
    });
    await expect(undone).rejects.toThrow("seen t1, 0 through Kysely");
    expect(await database.handle.db.selectFrom("task").select("id").execute()).toEqual([]);
    expect(await database.handle.db.selectFrom("task_event").select("id").execute()).toEqual([]);
  });
});

function aTask(id: string): NewTask {
  return {
    id,
    organization_id: "org",
    owner_id: "ann",
    requester_id: "ann",
    request_id: null,
    meeting_id: null,
    goal_id: null,
    title: "Task",
    notes: "",
    state: "open",
    rank: "a0",
    due_date: null,
    due_at: null,
    urgent: 0,
    created_at: at,
    updated_at: at,
  };
}
