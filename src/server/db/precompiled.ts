import type {
  Compilable,
  CompiledQuery,
  Insertable,
  Kysely,
  QueryCreator,
  RawBuilder,
  Transaction,
} from "kysely";
import type { DialectName } from "./dialect";
import type { Database } from "./schema";

type Db = Kysely<Database> | Transaction<Database>;

/** Runs compiled SQL outside Kysely's executor: see `registerReader`. */
export type Reader = (sql: string, parameters: readonly unknown[]) => unknown[] | Promise<unknown[]>;

const readers = new WeakMap<object, Reader>();

/** The SQL of every precompiled query compiled so far: a database may keep each one prepared. */
const compiledTexts = new Set<string>();

/** Whether `sql` is the text of a precompiled query (see `openDatabase`). */
export function isPrecompiled(sql: string): boolean {
  return compiledTexts.has(sql);
}

/**
 * Lets precompiled queries made on `db` (not in a transaction) run through `reader`: on SQLite, a
 * second connection that sees every committed write and never waits for the one Kysely writes with;
 * on PostgreSQL, named prepared statements on the same pool.
 */
export function registerReader(db: Kysely<Database>, reader: Reader): void {
  readers.set(db, reader);
}

/** Per database (known by the adapter its transactions share), how its transactions run compiled SQL. */
const writers = new WeakMap<object, Reader>();

/**
 * Lets precompiled queries in `db`'s transactions run through `writer` instead of Kysely's executor:
 * on SQLite, straight on the one connection Kysely writes with, which a transaction holds until it
 * ends, so that what runs there while it is open runs in it.
 */
export function registerWriter(db: Kysely<Database>, writer: Reader): void {
  writers.set(db.getExecutor().adapter, writer);
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
      compiledTexts.add(query.sql);
    }
    return entry;
  }

  return {
    async execute(db: Db, params: Params): Promise<Row[]> {
      const { query, slots } = compile(db);
      const parameters = slots.map((name, index) => (name === null ? query.parameters[index] : params[name]));
      const runner = db.isTransaction ? writers.get(db.getExecutor().adapter) : readers.get(db);
      if (runner) return (await runner(query.sql, parameters)) as Row[];
      return (await db.executeQuery<Row>({ ...query, parameters })).rows;
    },
    async first(db: Db, params: Params): Promise<Row | undefined> {
      return (await this.execute(db, params))[0];
    },
  };
}

/** The parameter of one value of an insert's rows. */
const slot = (insert: string, row: number, column: string) => `${insert}:${row}:${column}`;

/** Parameters for the markers `valuesOf` puts in an insert of `rows`. */
function valueParams(
  insert: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  into: Record<string, unknown>,
): void {
  rows.forEach((row, index) => {
    for (const column of columns) into[slot(insert, index, column)] = row[column] ?? null;
  });
}

/** The values of `count` rows of `columns`, each a parameter marker. */
function valuesOf(
  insert: string,
  columns: readonly string[],
  count: number,
  $: (name: string) => unknown,
): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, row) =>
    Object.fromEntries(columns.map((column) => [column, $(slot(insert, row, column))])),
  );
}

export interface PrecompiledInsert<T extends keyof Database & string, Row> {
  table: T;
  /** The fields of a row: each is a parameter of the statement. */
  columns: readonly string[];
  /** The statement writing rows whose fields are `values` (parameter markers, one record per row). */
  statement(db: QueryCreator<Database>, values: Record<string, unknown>[]): Compilable<unknown>;
  execute(trx: Transaction<Database>, rows: readonly Row[]): Promise<void>;
}

/**
 * An insert of rows with the given columns into `table`, in a transaction: compiled once for each
 * number of rows it is run with (a change writes one or a few).
 */
export function precompiledInsert<T extends keyof Database & string, Row extends Insertable<Database[T]>>(
  table: T,
  columns: readonly (keyof Row & string)[],
): PrecompiledInsert<T, Row> {
  return insertOf(table, columns, (db, values) => db.insertInto(table).values(values as never));
}

/**
 * An insert into `table` whose rows a query makes (`insert … select`), from the fields of each row
 * given: `statement` builds it from their parameter markers. It runs, and goes along another
 * statement (`precompiledWith`), like `precompiledInsert`.
 */
export function precompiledInsertFrom<T extends keyof Database & string, Row extends Record<string, unknown>>(
  table: T,
  fields: readonly (keyof Row & string)[],
  statement: PrecompiledInsert<T, Row>["statement"],
): PrecompiledInsert<T, Row> {
  return insertOf(table, fields, statement);
}

function insertOf<T extends keyof Database & string, Row>(
  table: T,
  columns: readonly string[],
  statement: PrecompiledInsert<T, Row>["statement"],
): PrecompiledInsert<T, Row> {
  type Params = Record<string, unknown>;
  const byCount = new Map<number, ReturnType<typeof precompiled<Params, never>>>();

  function statementFor(count: number) {
    let compiled = byCount.get(count);
    if (!compiled) {
      compiled = precompiled<Params, never>(
        (db, $) => statement(db, valuesOf(table, columns, count, $)) as Compilable<never>,
      );
      byCount.set(count, compiled);
    }
    return compiled;
  }

  return {
    table,
    columns,
    statement,
    async execute(trx: Transaction<Database>, rows: readonly Row[]): Promise<void> {
      if (rows.length === 0) return;
      const params: Params = {};
      valueParams(table, columns, rows as readonly Record<string, unknown>[], params);
      await statementFor(rows.length).execute(trx, params);
    },
  };
}

/** An insert into any table, as `precompiledWith` runs it (its rows checked where they are made). */
type AlongInsert = PrecompiledInsert<keyof Database & string, unknown>;

/**
 * A statement together with inserts that go with it (rows it leaves behind in other tables). On
 * PostgreSQL, where each statement is a round trip, they are one statement: the inserts are written
 * as data-modifying `WITH` queries of the first, compiled once for each count of rows. On SQLite
 * they run one after another, the first one first. The inserts' rows may point at rows the first
 * statement writes: PostgreSQL checks foreign keys once the whole statement is done.
 */
export function precompiledWith<Params extends Record<string, unknown>, Row>(
  build: (
    db: QueryCreator<Database>,
    $: <K extends keyof Params & string>(name: K) => Params[K],
  ) => Compilable<Row>,
  inserts: readonly AlongInsert[],
) {
  const alone = precompiled<Params, Row>(build);
  const along = (index: number) => `along_${index}`;
  type Together = ReturnType<typeof precompiled<Record<string, unknown>, Row>>;
  const together = new Map<string, Together>();

  function togetherFor(counts: readonly number[]): Together {
    const key = counts.join(",");
    let statement = together.get(key);
    if (!statement) {
      statement = precompiled<Record<string, unknown>, Row>((db, $) => {
        let creator: QueryCreator<Database> = db;
        inserts.forEach((insert, index) => {
          const count = counts[index] ?? 0;
          if (count === 0) return;
          creator = creator.with(
            along(index),
            (q) => insert.statement(q, valuesOf(along(index), insert.columns, count, $)) as never,
          ) as unknown as QueryCreator<Database>;
        });
        return build(creator, $ as never);
      });
      together.set(key, statement);
    }
    return statement;
  }

  return {
    /** Runs the statement with `params`, and each insert with its `rows` (in the order of `inserts`). */
    async execute(
      trx: Transaction<Database>,
      params: Params,
      inserted: { dialect: DialectName; rows: readonly (readonly unknown[])[] } = {
        dialect: "sqlite",
        rows: [],
      },
    ): Promise<Row[]> {
      const { dialect, rows } = inserted;
      if (dialect !== "postgres" || rows.every((some) => some.length === 0)) {
        const result = await alone.execute(trx, params);
        for (const [index, insert] of inserts.entries()) await insert.execute(trx, rows[index] ?? []);
        return result;
      }
      const all: Record<string, unknown> = { ...params };
      inserts.forEach((insert, index) => {
        valueParams(along(index), insert.columns, (rows[index] ?? []) as Record<string, unknown>[], all);
      });
      return togetherFor(inserts.map((_, index) => rows[index]?.length ?? 0)).execute(trx, all);
    },
  };
}
