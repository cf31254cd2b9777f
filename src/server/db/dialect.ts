/**
 * Everything that differs between SQLite and PostgreSQL lives here and nowhere else: column types,
 * how results come back, and how a connection is opened.
 */

import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  Transaction,
  UnknownRow,
} from "kysely";
import { type ColumnDataType, type Kysely, type RawBuilder, sql } from "kysely";
import { precompiled } from "./precompiled";
import type { Database } from "./schema";

export type DialectName = "sqlite" | "postgres";

/**
 * Column types for migrations: what an instant, a flag, a byte-ordered key and a counter are.
 * SQLite compares text byte by byte already; PostgreSQL needs the "C" collation for that.
 */
export function columnTypes(dialect: DialectName): {
  instant: ColumnDataType;
  flag: ColumnDataType;
  byteOrderedText: RawBuilder<unknown>;
  /** An integer key the database counts up by itself (make it the primary key). */
  serial: ColumnDataType;
} {
  return dialect === "postgres"
    ? { instant: "timestamptz", flag: "boolean", byteOrderedText: sql`text collate "C"`, serial: "bigserial" }
    : { instant: "text", flag: "integer", byteOrderedText: sql`text`, serial: "integer" };
}

/**
 * Makes `table` append-only: every UPDATE or DELETE of its rows fails in the database itself.
 */
export async function makeAppendOnly(
  db: Kysely<unknown>,
  dialect: DialectName,
  table: string,
): Promise<void> {
  const message = sql.lit(`${table} is append-only`);
  if (dialect === "postgres") {
    const fn = sql.raw(`${table}_append_only`);
    await sql`create function ${fn}() returns trigger language plpgsql as $$
      begin raise exception ${message}; end $$`.execute(db);
    await sql`create trigger ${fn} before update or delete on ${sql.table(table)}
      for each row execute function ${fn}()`.execute(db);
    return;
  }
  for (const operation of ["update", "delete"]) {
    const trigger = sql.raw(`${table}_no_${operation}`);
    await sql`create trigger ${trigger} before ${sql.raw(operation)} on ${sql.table(table)}
      begin select raise(abort, ${message}); end`.execute(db);
  }
}

/** The literal to use as a column default for `false`. */
export function falseLiteral(dialect: DialectName): string {
  return dialect === "postgres" ? "false" : "0";
}

/**
 * PostgreSQL answers `timestamptz` as `Date`; Docket works with ISO strings everywhere. This plugin
 * turns every Date in a result row into its ISO form, so stores read the same on both dialects.
 */
export class InstantsAsStrings implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const row of args.result.rows) instantsAsStrings(row);
    return args.result;
  }
}

/** Turns every Date of a result row into its ISO string, in place. */
export function instantsAsStrings(row: Record<string, unknown>): Record<string, unknown> {
  for (const key in row) {
    const value = row[key];
    if (value instanceof Date) row[key] = value.toISOString();
  }
  return row;
}

export function dialectOf(databaseUrl: string): DialectName {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgres" : "sqlite";
}

/**
 * Within a transaction, waits for (and then holds until commit) the row lock of one organization, so
 * that changes which must see the whole organization's reporting lines happen one at a time.
 * SQLite needs nothing: one process, and its single connection runs one transaction at a time.
 */
export async function lockOrganization(
  trx: Transaction<Database>,
  dialect: DialectName,
  id: string,
): Promise<void> {
  if (dialect !== "postgres") return;
  await trx.selectFrom("organization").select("id").where("id", "=", id).forNoKeyUpdate().execute();
}

/**
 * Within a transaction, waits for (and then holds until commit) the lock of one person's plate, so
 * that two writes to one plate never compute their places from the same picture of it. Answers
 * whether it had to wait for a lock: if so, what was read before may have changed since.
 * SQLite needs nothing: its single connection runs one transaction at a time.
 *
 * This lock and `lockOrganization`'s are `FOR NO KEY UPDATE`: they still exclude each other, but not the `FOR KEY SHARE`
 * lock that every insert of a row pointing at that person or organization takes. With
 * `FOR UPDATE`, two people adding to each other's plates at once would deadlock.
 */
export async function lockPlate(
  trx: Transaction<Database>,
  dialect: DialectName,
  ownerId: string,
): Promise<boolean> {
  if (dialect !== "postgres") return false;
  await trx.selectFrom("person").select("id").where("id", "=", ownerId).forNoKeyUpdate().execute();
  return true;
}

const plateOfTask = precompiled<{ taskId: string }, { id: string }>((db, $) =>
  db
    .selectFrom("person")
    .select("id")
    .where("id", "=", (eb) => eb.selectFrom("task").select("owner_id").where("id", "=", $("taskId")))
    .forNoKeyUpdate(),
);

/** `lockPlate` for the plate a task is on (a task never changes plates), found in the same statement. */
export async function lockPlateOfTask(
  trx: Transaction<Database>,
  dialect: DialectName,
  taskId: string,
): Promise<void> {
  if (dialect === "postgres") await plateOfTask.execute(trx, { taskId });
}

/** Within a transaction, holds one request until commit: its cancel and added people happen one at a time. */
export async function lockRequest(
  trx: Transaction<Database>,
  dialect: DialectName,
  id: string,
): Promise<void> {
  if (dialect !== "postgres") return;
  await trx.selectFrom("request").select("id").where("id", "=", id).forNoKeyUpdate().execute();
}

/**
 * Within a transaction, waits for (and then holds until commit) the turn of one request's
 * finishing writes: two people finishing its last two open tasks at once each see the other's, so
 * exactly one of them finds the request complete. On PostgreSQL an advisory lock, not the request's
 * row: a cancel holds that row while it waits for the plates these writes hold. SQLite needs nothing.
 */
export async function lockRequestFinishing(
  trx: Transaction<Database>,
  dialect: DialectName,
  id: string,
): Promise<void> {
  if (dialect !== "postgres") return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`request-finishing:${id}`}, 0))`.execute(trx);
}

/** Within a transaction, holds one one-on-one series until commit: its meetings and points change one writer at a time. */
export async function lockSeries(
  trx: Transaction<Database>,
  dialect: DialectName,
  id: string,
): Promise<void> {
  if (dialect !== "postgres") return;
  await trx.selectFrom("one_on_one").select("id").where("id", "=", id).forNoKeyUpdate().execute();
}

/**
 * `column` is one of a list of ids bound as one parameter (spelled by `idListValue`), so that one
 * prepared statement serves any number of ids: SQLite reads a JSON array, PostgreSQL a `text[]`.
 */
export function inIdList(dialect: DialectName, column: string, parameter: unknown): RawBuilder<boolean> {
  return dialect === "postgres"
    ? sql<boolean>`${sql.ref(column)} = any(${parameter}::text[])`
    : sql<boolean>`${sql.ref(column)} in (select value from json_each(${parameter}))`;
}

export function idListValue(dialect: DialectName, ids: readonly string[]): unknown {
  return dialect === "postgres" ? ids : JSON.stringify(ids);
}

/** How a boolean is written: PostgreSQL has booleans, SQLite stores 0 and 1. */
export function flagValue(dialect: DialectName, value: boolean): boolean | number {
  if (dialect === "postgres") return value;
  return value ? 1 : 0;
}

/** True when `error` is a unique-constraint violation, in either dialect's words. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/**
 * Rows a worker takes for itself: on PostgreSQL, rows another instance's worker holds are passed
 * over (`FOR UPDATE SKIP LOCKED`); SQLite's single writer takes them one statement at a time anyway.
 */
export function skippingLocked<Q extends { forUpdate(): Q; skipLocked(): Q }>(
  query: Q,
  dialect: DialectName,
): Q {
  return dialect === "postgres" ? query.forUpdate().skipLocked() : query;
}

/**
 * Whether one statement can change rows and read what it changed (`with changed as (update …
 * returning …) select … from changed`): PostgreSQL can, so rows committed by others meanwhile are
 * neither changed unread nor read unchanged. SQLite cannot and need not: its single connection runs
 * one transaction at a time, so rows read and then changed in one transaction are the same rows.
 */
export function updatesInWith(dialect: DialectName): boolean {
  return dialect === "postgres";
}

/** PostgreSQL SQLSTATEs that mean "the database is not there right now", not "this query is wrong". */
const unavailableStates = new Set([
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
/** Socket errors of a connection to the database server. */
const unavailableSocketCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);

/**
 * True when `error` says the database cannot be reached or is restarting (PostgreSQL shutting down or
 * starting up, a connection lost or refused, a pool that cannot connect in time; SQLite busy past
 * its timeout): the request may succeed if tried again shortly.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (unavailableStates.has(code) || unavailableSocketCodes.has(code)))
    return true;
  if (code === "SQLITE_BUSY" || code === "SQLITE_BUSY_SNAPSHOT") return true;
  if (typeof message !== "string") return false;
  return (
    message.startsWith("Connection terminated") ||
    message.includes("Client has encountered a connection error") ||
    message.includes("timeout exceeded when trying to connect") ||
    message.includes("Client was closed and is not queryable")
  );
}

/**
 * The values of `expression` over a subquery's rows as one JSON array (read back with `listFrom`),
 * in the order of `orderBy` when given.
 */
export function jsonListOf(
  dialect: DialectName,
  expression: RawBuilder<unknown>,
  orderBy?: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const order = orderBy === undefined ? sql`` : sql` order by ${orderBy}`;
  return dialect === "postgres"
    ? sql`json_agg(${expression}${order})`
    : sql`json_group_array(${expression}${order})`;
}

/** A list made by `jsonListOf`: SQLite answers JSON text, PostgreSQL parsed JSON (null over no rows). */
export function listFrom(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return typeof value === "string" ? (JSON.parse(value) as unknown[]) : (value as unknown[]);
}
