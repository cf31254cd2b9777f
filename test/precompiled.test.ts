import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompiled } from "../src/server/db/precompiled";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases";

describe.each(dialects)("precompiled queries on %s", (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const at = "2026-11-23T10:00:00.000Z";
    await database.handle.db
      .insertInto("organization")
      .values([
        { id: "org-a", name: "Alpha", created_at: at },
        { id: "org-b", name: "Beta", created_at: at },
        { id: "org-c", name: "Gamma", created_at: at },
      ])
      .execute();
  });
  afterAll(() => database.drop());

  const byNameBetween = precompiled<
    { from: string; to: string },
    { id: string; name: string; created_at: string }
  >((db, $) =>
    db
      .selectFrom("organization")
      .select(["id", "name", "created_at"])
      .where("name", ">=", $("from"))
      .where("name", "<=", $("to"))
      .where("id", "!=", "org-none")
      .orderBy("name"),
  );

  it("runs one compiled query with new parameters each time, keeping the constant ones", async () => {
    const { db } = database.handle;
    expect((await byNameBetween.execute(db, { from: "A", to: "C" })).map((row) => row.id)).toEqual([
      "org-a",
      "org-b",
    ]);
    expect((await byNameBetween.execute(db, { from: "B", to: "Z" })).map((row) => row.id)).toEqual([
      "org-b",
      "org-c",
    ]);
    expect(await byNameBetween.first(db, { from: "X", to: "Z" })).toBeUndefined();
  });

  it("reads instants as ISO strings, inside a transaction too", async () => {
    const row = await database.handle.db
      .transaction()
      .execute((trx) => byNameBetween.first(trx, { from: "Gamma", to: "Gamma" }));
    expect(row).toEqual({ id: "org-c", name: "Gamma", created_at: "2026-11-23T10:00:00.000Z" });
  });

  it("reads what is committed, without waiting for a transaction in progress", async () => {
    const { db } = database.handle;
    const seenDuring = await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("organization")
        .values({ id: "org-d", name: "Delta", created_at: "2026-11-23T10:00:00.000Z" })
        .execute();
      const outside = await byNameBetween.execute(db, { from: "Delta", to: "Delta" });
      const inside = await byNameBetween.execute(trx, { from: "Delta", to: "Delta" });
      return { outside: outside.length, inside: inside.length };
    });
    expect(seenDuring).toEqual({ outside: 0, inside: 1 });
    expect(await byNameBetween.first(db, { from: "Delta", to: "Delta" })).toMatchObject({ id: "org-d" });
  });

  it("fills a parameter used twice in a raw query", async () => {
    const twice = precompiled<{ id: string }, { n: number }>(
      (_db, $) =>
        sql<{ n: number }>`select count(*) as n from organization where id = ${$("id")} or name = ${$("id")}`,
    );
    expect(Number((await twice.first(database.handle.db, { id: "Beta" }))?.n)).toBe(1);
    expect(Number((await twice.first(database.handle.db, { id: "org-a" }))?.n)).toBe(1);
  });
});
