import { type Insertable, type Kysely, type Selectable, type SqlBool, sql, type Transaction } from "kysely";
import type { Database, FeedbackTable } from "../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

export type FeedbackRow = Selectable<FeedbackTable>;

/**
 * The only reads of feedback (no other server file names its table). Every read names its reader
 * and answers only what they may read (`feedback.read` in core/access.ts), in the query itself: its
 * giver and receiver read it; the receiver's management chain reads it when it is `with_manager`.
 * So a page of 20 is 20 readable items, and nothing private can be read past this module.
 */
export interface FeedbackReader {
  id: string;
  organizationId: string;
}

/** `feedback.read`, as SQL: the reader gave it, received it, or sits above its receiver and it is `with_manager`. */
function readableBy(reader: FeedbackReader) {
  return sql<SqlBool>`(feedback.organization_id = ${reader.organizationId} and (
    feedback.from_id = ${reader.id}
    or feedback.to_id = ${reader.id}
    or (feedback.visibility = 'with_manager' and feedback.to_id in (
      with recursive below(id, depth) as (
        select id, 1 from person where manager_id = ${reader.id}
        union all
        select p.id, below.depth + 1 from person p join below on p.manager_id = below.id
        where below.depth < 1000
      )
      select id from below
    ))
  ))`;
}

/** Writes feedback; the database refuses to change or delete it afterwards. */
export async function insertFeedback(db: Db, row: Insertable<FeedbackTable>): Promise<void> {
  await db.insertInto("feedback").values(row).execute();
}

/** One feedback, when the reader may read it. */
export async function readableFeedback(
  db: Db,
  reader: FeedbackReader,
  id: string,
): Promise<FeedbackRow | undefined> {
  return db
    .selectFrom("feedback")
    .selectAll()
    .where("feedback.id", "=", id)
    .where(readableBy(reader))
    .executeTakeFirst();
}

export interface FeedbackFilter {
  /** Received by this person… */
  toId?: string;
  /** …or given by this person. */
  fromId?: string;
  /** Only feedback shared with the receiver's chain. */
  withManagerOnly?: boolean;
  /** Given after this instant (exclusive)… */
  since?: string;
  /** …and up to this one (inclusive). */
  until?: string;
  /** The next page: older than this row (its `createdAt` and `id`). */
  after?: { at: string; id: string };
  limit: number;
}

/** Feedback the reader may read, newest first, as filtered. */
export async function readableFeedbackPage(
  db: Db,
  reader: FeedbackReader,
  filter: FeedbackFilter,
): Promise<FeedbackRow[]> {
  let query = db
    .selectFrom("feedback")
    .selectAll()
    .where(readableBy(reader))
    .orderBy("feedback.created_at", "desc")
    .orderBy("feedback.id", "desc")
    .limit(filter.limit);
  if (filter.toId !== undefined) query = query.where("feedback.to_id", "=", filter.toId);
  if (filter.fromId !== undefined) query = query.where("feedback.from_id", "=", filter.fromId);
  if (filter.withManagerOnly) query = query.where("feedback.visibility", "=", "with_manager");
  if (filter.since !== undefined) query = query.where("feedback.created_at", ">", filter.since);
  if (filter.until !== undefined) query = query.where("feedback.created_at", "<=", filter.until);
  const { after } = filter;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb("feedback.created_at", "<", after.at),
        eb.and([eb("feedback.created_at", "=", after.at), eb("feedback.id", "<", after.id)]),
      ]),
    );
  }
  return query.execute();
}
