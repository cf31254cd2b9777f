import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, SqliteDialect } from "kysely";
import pg from "pg";
import { makePrivateFile, tightenIfPresent } from "../platform/private-files";
import { type Checkpointer, startCheckpointer, writerCheckpointFrames } from "./checkpointer";
import { type DialectName, dialectOf, InstantsAsStrings, instantsAsStrings } from "./dialect";
import { isPrecompiled, registerReader, registerWriter } from "./precompiled";
import type { Database } from "./schema";
import { withStatementCache } from "./statement-cache";

export interface DatabaseHandle {
  dialect: DialectName;
  /** For Docket's own queries: instants read as ISO strings on both dialects. */
  db: Kysely<Database>;
  /** The same connections without result transforms, for better-auth (it expects Dates on PostgreSQL). */
  raw: Kysely<Database>;
  close(): Promise<void>;
}

const INT8 = 20;

/** Opens the database named by `url`: `postgres://…` or a path to an SQLite file. */
export function openDatabase(url: string, options: { poolSize?: number } = {}): DatabaseHandle {
  const dialect = dialectOf(url);
  if (dialect === "postgres") {
    const pool = postgresPool(url, options.poolSize ?? 10);
    // Precompiled queries run as named prepared statements: PostgreSQL parses and plans each once per
    // connection instead of on every request. Outside transactions through the reader below; inside
    // them through the connections Kysely takes from `preparing(pool)`.
    const names = new Map<string, string>();
    const nameOf = (sql: string): string => {
      let name = names.get(sql);
      if (name === undefined) {
        name = `docket_${names.size + 1}`;
        names.set(sql, name);
      }
      return name;
    };
    const raw = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparing(pool, nameOf) }) });
    const db = raw.withPlugin(new InstantsAsStrings());
    registerReader(db, async (sql, parameters) => {
      const result = await pool.query({ name: nameOf(sql), text: sql, values: parameters as unknown[] });
      return result.rows.map(instantsAsStrings);
    });
    return { dialect, db, raw, close: () => raw.destroy() };
  }
  const file = sqliteFileOf(url);
  makeSqlitePrivate(file);
  const writer = openSqlite(url);
  writer.pragma(`wal_autocheckpoint = ${writerCheckpointFrames}`);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(writer) }),
  });
  // A second connection, for precompiled reads outside transactions: in WAL mode it reads what is
  // committed without waiting for the writer's connection, which Kysely lends to one query at a time.
  const readerConnection = openSqlite(url);
  readerConnection.pragma("query_only = on");
  const reader = withStatementCache(readerConnection);
  registerReader(db, (sql, parameters) =>
    rowsOf(reader.prepare(sql) as unknown as SqliteDatabase.Statement, parameters),
  );
  // Statements of their own (`rowsOf` switches a statement to answer arrays): Kysely's stay as it left them.
  const writing = withStatementCache(writer);
  registerWriter(db, (sql, parameters) => {
    const statement = writing.prepare(sql) as unknown as SqliteDatabase.Statement;
    if (statement.reader) return rowsOf(statement, parameters);
    statement.run(parameters);
    return [];
  });
  const checkpointer: Checkpointer | undefined = inMemory(file) ? undefined : startCheckpointer(file);
  return {
    dialect,
    db,
    raw: db,
    async close() {
      // Its connection closed first: the last one to close copies the log in and removes it.
      await checkpointer?.stop();
      await db.destroy();
      reader.close();
    },
  };
}

/** For each of the reader's statements, switched to answer rows as arrays of values, how to make a row object. */
const rowMakers = new WeakMap<SqliteDatabase.Statement, (values: unknown[]) => Record<string, unknown>>();

/**
 * A function building the object of one row from its values, written once per statement as an
 * object literal of its columns: V8 then gives every row the same shape at once, which costs far
 * less than adding the columns one by one (or than better-sqlite3 building each object itself).
 */
function rowMakerOf(names: readonly string[]): (values: unknown[]) => Record<string, unknown> {
  const fields = names.map((name, index) => `${JSON.stringify(name)}: values[${index}]`);
  return new Function("values", `return { ${fields.join(", ")} };`) as (
    values: unknown[],
  ) => Record<string, unknown>;
}

/** The rows a read answers, as objects keyed by column name: the same as `statement.all()` gives. */
function rowsOf(statement: SqliteDatabase.Statement, parameters: readonly unknown[]): unknown[] {
  let makeRow = rowMakers.get(statement);
  if (makeRow === undefined) {
    makeRow = rowMakerOf(statement.columns().map((column) => column.name));
    statement.raw(true);
    rowMakers.set(statement, makeRow);
  }
  const rows = statement.all(parameters) as unknown[][];
  const objects = new Array<Record<string, unknown>>(rows.length);
  for (let r = 0; r < rows.length; r++) objects[r] = makeRow(rows[r] as unknown[]);
  return objects;
}

/**
 * The pool as Kysely sees it: each connection runs the text of a precompiled query as the named
 * statement `nameOf` gives it, and any other text as it is.
 */
function preparing(pool: pg.Pool, nameOf: (sql: string) => string): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let prepared = clients.get(client);
      if (prepared === undefined) {
        const query = (sql: string | pg.Submittable, parameters: readonly unknown[] = []) => {
          // A cursor (a streamed query) goes as it is.
          if (typeof sql !== "string") return client.query(sql);
          const values = [...parameters];
          return client.query(
            isPrecompiled(sql) ? { name: nameOf(sql), text: sql, values } : { text: sql, values },
          );
        };
        prepared = {
          query: query as unknown as PostgresPoolClient["query"],
          release: () => client.release(),
        };
        clients.set(client, prepared);
      }
      return prepared;
    },
    end: () => pool.end(),
  };
}

function postgresPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === INT8
          ? Number
          : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server closed (a restart, a terminated backend) is dropped by the pool and
  // the next query opens a new one. Without a listener, that error would end the process.
  pool.on("error", () => undefined);
  // A connection lent out (a transaction between two of its queries) that the server closes emits its
  // error on the client itself. The query that uses it next fails instead (answered as 503), and the
  // pool drops it when it comes back; unheard, the error would end the process.
  pool.on("connect", (client) => {
    client.on("error", () => undefined);
  });
  return pool;
}

const sqliteFileOf = (url: string): string => url.replace(/^sqlite:(\/\/)?/, "");

const inMemory = (file: string): boolean => file === ":memory:" || file === "";

/**
 * The database file only its owner can read, created so before SQLite opens it: SQLite gives its
 * write-ahead log and shared-memory index the database file's permissions. Files made wider before
 * are tightened.
 */
function makeSqlitePrivate(file: string): void {
  if (inMemory(file)) return;
  makePrivateFile(file);
  for (const beside of ["-wal", "-shm", "-journal"]) tightenIfPresent(`${file}${beside}`);
}

function openSqlite(url: string): SqliteDatabase.Database {
  const database = new SqliteDatabase(sqliteFileOf(url));
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  return database;
}
