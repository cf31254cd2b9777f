import { type RawBuilder, type SqlBool, sql } from "kysely";

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
