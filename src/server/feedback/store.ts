import { type Insertable, type Kysely, type Selectable, type SqlBool, sql, type Transaction } from "kysely";
import { precompiled } from "../db/precompiled";
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

/**
 * `feedback.read`, as SQL: the reader gave it, received it, or sits above its receiver and it is
 * `with_manager`. Who sits above the receiver is walked up from the receiver, a few rows per
 * feedback, rather than down from the reader, whose whole organization may sit below them.
 */
function readableBy(reader: FeedbackReader) {
  return sql<SqlBool>`(feedback.organization_id = ${reader.organizationId} and (
    feedback.from_id = ${reader.id}
    or feedback.to_id = ${reader.id}
    or (feedback.visibility = 'with_manager' and exists (
      with recursive above(id, depth) as (
        select manager_id, 1 from person where id = feedback.to_id and manager_id is not null
        union all
        select p.manager_id, above.depth + 1 from person p join above on p.id = above.id
        where p.manager_id is not null and above.depth < 1000
      )
      select 1 from above where above.id = ${reader.id}
    ))
  ))`;
}

/** The most feedback `receivedByPair` answers. */
export const pairFeedbackLimit = 50;

/**
 * Feedback either of two people received in `(since, until]` that the reader may read, newest first,
 * at most `pairFeedbackLimit`: precompiled, as it is read with every one-on-one meeting.
 */
const receivedByPairQuery = precompiled<
  {
    readerId: string;
    organizationId: string;
    first: string;
    second: string;
    since: string;
    until: string;
  },
  FeedbackRow
>((db, $) =>
  db
    .selectFrom("feedback")
    .selectAll()
    .where(readableBy({ id: $("readerId"), organizationId: $("organizationId") }))
    .where("feedback.to_id", "in", [$("first"), $("second")])
    .where("feedback.created_at", ">", $("since"))
    .where("feedback.created_at", "<=", $("until"))
    .orderBy("feedback.created_at", "desc")
    .orderBy("feedback.id", "desc")
    // A literal limit: bound as a parameter, SQLite sorts three times slower here.
    .limit(sql.lit(pairFeedbackLimit)),
);

export async function receivedByPair(
  db: Db,
  reader: FeedbackReader,
  [first, second]: readonly [string, string],
  window: { since: string; until: string },
): Promise<FeedbackRow[]> {
  return receivedByPairQuery.execute(db, {
    readerId: reader.id,
    organizationId: reader.organizationId,
    first,
    second,
    ...window,
  });
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
  /** …or by any of these people (at least one)… */
  toIds?: readonly string[];
  /** …or given by this person. */
  fromId?: string;
  /** Only feedback shared with the receiver's chain. */
  withManagerOnly?: boolean;
  /** Given after this instant (exclusive)… */
  since?: string;
  /** …or at or after this one… */
  from?: string;
  /** …and up to this one (inclusive)… */
  until?: string;
  /** …or before this one (exclusive). */
  before?: string;
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
  if (filter.toIds !== undefined) query = query.where("feedback.to_id", "in", filter.toIds);
  if (filter.fromId !== undefined) query = query.where("feedback.from_id", "=", filter.fromId);
  if (filter.withManagerOnly) query = query.where("feedback.visibility", "=", "with_manager");
  if (filter.since !== undefined) query = query.where("feedback.created_at", ">", filter.since);
  if (filter.from !== undefined) query = query.where("feedback.created_at", ">=", filter.from);
  if (filter.until !== undefined) query = query.where("feedback.created_at", "<=", filter.until);
  if (filter.before !== undefined) query = query.where("feedback.created_at", "<", filter.before);
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
