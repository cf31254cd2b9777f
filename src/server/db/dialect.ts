/**
 * Everything that differs between SQLite and PostgreSQL lives here and nowhere else: column types,
 * how results come back, and how a connection is opened.
 */
import type {
  ColumnDataType,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  Transaction,
  UnknownRow,
} from "kysely";
import type { Database } from "./schema";

export type DialectName = "sqlite" | "postgres";

/** Column types for migrations: what an instant or a flag is in each dialect. */
export function columnTypes(dialect: DialectName): { instant: ColumnDataType; flag: ColumnDataType } {
  return dialect === "postgres"
    ? { instant: "timestamptz", flag: "boolean" }
    : { instant: "text", flag: "integer" };
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
    const { result } = args;
    for (const row of result.rows) {
      for (const key in row) {
        const value = row[key];
        if (value instanceof Date) row[key] = value.toISOString();
      }
    }
    return result;
  }
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
  await trx.selectFrom("organization").select("id").where("id", "=", id).forUpdate().execute();
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
