import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "./statement-cache";

describe("withStatementCache", () => {
  it("prepares each SQL text once and reuses the statement", () => {
    const cached = withStatementCache(new Database(":memory:"));
    const first = cached.prepare("select 1 as one");
    expect(cached.prepare("select 1 as one")).toBe(first);
    expect(first.all([])).toEqual([{ one: 1 }]);
    cached.close();
  });

  it("forgets the least recently used statement beyond its capacity", () => {
    const cached = withStatementCache(new Database(":memory:"), 2);
    const a = cached.prepare("select 'a'");
    const b = cached.prepare("select 'b'");
    expect(cached.prepare("select 'a'")).toBe(a); // a is now the most recent
    cached.prepare("select 'c'"); // evicts b
    expect(cached.prepare("select 'a'")).toBe(a);
    expect(cached.prepare("select 'b'")).not.toBe(b);
    cached.close();
  });

  it("keeps working after the schema changes under a cached statement", () => {
    const cached = withStatementCache(new Database(":memory:"));
    cached.prepare("create table t (x integer)").run([]);
    cached.prepare("insert into t (x) values (?)").run([1]);
    const select = cached.prepare("select * from t");
    expect(select.all([])).toEqual([{ x: 1 }]);
    cached.prepare("alter table t add column y text").run([]);
    expect(cached.prepare("select * from t").all([])).toEqual([{ x: 1, y: null }]);
    cached.close();
  });
});
