import type { Compilable, CompiledQuery, Kysely, RawBuilder, Transaction } from "kysely";
import type { Database } from "./schema";

type Db = Kysely<Database> | Transaction<Database>;

/** Runs compiled SQL outside Kysely's executor: see `registerReader`. */
export type Reader = (sql: string, parameters: readonly unknown[]) => unknown[] | Promise<unknown[]>;

const readers = new WeakMap<object, Reader>();

/**
 * Lets precompiled queries made on `db` (not in a transaction) run through `reader`: on SQLite, a
 * second connection that sees every committed write and never waits for the one Kysely writes with;
 * on PostgreSQL, named prepared statements on the same pool.
 */
export function registerReader(db: Kysely<Database>, reader: Reader): void {
  readers.set(db, reader);
}

/** A stand-in for a parameter while the query is compiled; replaced by the real value on each run. */
const marker = "\u0000docket-parameter:";

/**
 * A Kysely query built and compiled once per dialect, then run with new parameters. Building and
 * compiling a query costs more than running a small one on SQLite (about 20 µs against 2 µs), so
 * the reads on every request's path are written this way. Each parameter named through `$` must
 * reach the query as a bound value (a comparison or an `in` list item), not as SQL text.
 */
export function precompiled<Params extends Record<string, unknown>, Row>(
  build: (
    db: Db,
    $: <K extends keyof Params & string>(name: K) => Params[K],
  ) => Compilable<Row> | RawBuilder<Row>,
) {
  const compiled = new WeakMap<object, { query: CompiledQuery<Row>; slots: (string | null)[] }>();

  function compile(db: Db) {
    const key = db.getExecutor().adapter;
    let entry = compiled.get(key);
    if (!entry) {
      // A query builder compiles on its own; a raw `sql` template needs to be told the dialect.
      const query = (build(db, ((name: string) => `${marker}${name}`) as never) as RawBuilder<Row>).compile(
        db,
      );
      const slots = query.parameters.map((value) =>
        typeof value === "string" && value.startsWith(marker) ? value.slice(marker.length) : null,
      );
      entry = { query, slots };
      compiled.set(key, entry);
    }
    return entry;
  }

  return {
    async execute(db: Db, params: Params): Promise<Row[]> {
      const { query, slots } = compile(db);
      const parameters = slots.map((name, index) => (name === null ? query.parameters[index] : params[name]));
      const reader = db.isTransaction ? undefined : readers.get(db);
      if (reader) return (await reader(query.sql, parameters)) as Row[];
      return (await db.executeQuery<Row>({ ...query, parameters })).rows;
    },
    async first(db: Db, params: Params): Promise<Row | undefined> {
      return (await this.execute(db, params))[0];
    },
  };
}
