import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompiled } from "../src/server/db/precompiled";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases";

/**
 * Precompiled reads outside a transaction go through the dialect's own reader; inside one, through
 * Kysely. Both must answer the same rows: same keys in the same order, same values and types.
 */
describe.each(dialects)("rows of precompiled reads on %s", (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await database.handle.db
      .insertInto("organization")
      .values([
        { id: "org-a", name: "Alpha", created_at: "2026-11-23T10:00:00.000Z" },
        { id: "org-b", name: "Beta", created_at: "2026-11-24T10:00:00.000Z" },
      ])
      .execute();
  });
  afterAll(() => database.drop());

  const organizations = precompiled<{ from: string }, Record<string, unknown>>((db, $) =>
    db
      .selectFrom("organization")
      .select((eb) => [
        "name",
        "id",
        "created_at as createdAt",
        sql<null>`null`.as("nothing"),
        sql<number>`1 + 2`.as("three"),
        eb.fn.countAll<number>().over().as("count"),
      ])
      .where("name", ">=", $("from"))
      .orderBy("name"),
  );

  async function throughBoth(from: string) {
    const { db } = database.handle;
    const outside = await organizations.execute(db, { from });
    const inside = await db.transaction().execute((trx) => organizations.execute(trx, { from }));
    return { outside, inside };
  }

  it("answers the same rows through the reader as through Kysely, keys in select order", async () => {
    const { outside, inside } = await throughBoth("A");
    expect(outside).toEqual(inside);
    expect(outside.map((row) => Object.keys(row))).toEqual(inside.map((row) => Object.keys(row)));
    expect(outside[0]).toEqual({
      name: "Alpha",
      id: "org-a",
      createdAt: "2026-11-23T10:00:00.000Z",
      nothing: null,
      three: 3,
      count: 2,
    });
    expect(Object.keys(outside[0] as object)).toEqual([
      "name",
      "id",
      "createdAt",
      "nothing",
      "three",
      "count",
    ]);
  });

  it("answers each row as its own object, and no rows as an empty list, every time", async () => {
    const first = await organizations.execute(database.handle.db, { from: "A" });
    const again = await organizations.execute(database.handle.db, { from: "A" });
    expect(again).toEqual(first);
    expect(again[0]).not.toBe(first[0]);
    expect(await throughBoth("Z")).toEqual({ outside: [], inside: [] });
  });
});
