import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { z } from "zod";
import { AppError } from "../../core/errors";

/** Where the next page of a list ordered newest first (by an instant, then by id) starts. */
export interface PageStart {
  /** The last row's instant… */
  before?: string;
  /** …and its id, so rows of one instant are never skipped between pages. */
  beforeId?: string;
}

/**
 * The rows after `page` in a newest-first list ordered by `column` then `id`: older than `before`,
 * or as old with a smaller id. Null when the list starts at the newest.
 */
export function olderThan(column: string, page: PageStart): RawBuilder<SqlBool> | null {
  const { before, beforeId } = page;
  if (before === undefined) return null;
  const at = sql.ref(column);
  return beforeId === undefined
    ? sql<SqlBool>`${at} < ${before}`
    : sql<SqlBool>`(${at} < ${before} or (${at} = ${before} and id < ${beforeId}))`;
}

/**
 * The rows after `after` in a list ordered oldest first by `column` then `id`: newer than its
 * instant, or as new with a larger id.
 */
export function newerThan(column: string, after: { at: string; id: string }): RawBuilder<SqlBool> {
  const at = sql.ref(column);
  return sql<SqlBool>`(${at} > ${after.at} or (${at} = ${after.at} and id > ${after.id}))`;
}

/**
 * Where the next page of a list starts, as clients pass it back (`?cursor=`): the last row's sort
 * keys, opaque to them. `readCursor` gives the keys back, checked against `keys`, or answers 400.
 */
function pageCursor(keys: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(keys)).toString("base64url");
}

/**
 * A page of at most `limit` from `rows`, read one longer to learn whether more follow: the page,
 * and `{nextCursor}` (made from its last row's sort keys) when they do, else nothing to add.
 */
export function pageOf<R>(
  rows: readonly R[],
  limit: number,
  keysOf: (last: R) => readonly (string | number)[],
): { page: R[]; next: { nextCursor?: string } } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    next: rows.length > limit && last !== undefined ? { nextCursor: pageCursor(keysOf(last)) } : {},
  };
}

export function readCursor<T>(cursor: string, keys: z.ZodType<T>): T {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    // Not even JSON: refused below like any other stranger.
  }
  const checked = keys.safeParse(parsed);
  if (checked.success) return checked.data;
  throw new AppError("validation_failed", "cursor: not a cursor this list gave", {
    errors: [{ path: "cursor", message: "not a cursor this list gave" }],
  });
}
