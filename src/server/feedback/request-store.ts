import type { Insertable, Kysely, Selectable, Transaction } from "kysely";
import type { Database, FeedbackAskTable, FeedbackRequestTable } from "../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

export type FeedbackRequestRow = Selectable<FeedbackRequestTable>;
export type FeedbackAskRow = Selectable<FeedbackAskTable>;

/** Writes a feedback request and one ask for each person asked. */
export async function insertFeedbackRequest(
  db: Db,
  row: Insertable<FeedbackRequestTable>,
  askedIds: readonly string[],
): Promise<void> {
  await db.insertInto("feedback_request").values(row).execute();
  await db
    .insertInto("feedback_ask")
    .values(askedIds.map((personId) => ({ request_id: row.id, person_id: personId })))
    .execute();
}

/** A feedback request of the organization. */
export async function findFeedbackRequest(
  db: Db,
  organizationId: string,
  id: string,
): Promise<FeedbackRequestRow | undefined> {
  return db
    .selectFrom("feedback_request")
    .selectAll()
    .where("id", "=", id)
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
}

/** The people each of these requests asks, by request and person. */
export async function asksOf(db: Db, requestIds: readonly string[]): Promise<FeedbackAskRow[]> {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom("feedback_ask")
    .selectAll()
    .where("request_id", "in", requestIds)
    .orderBy("request_id")
    .orderBy("person_id")
    .execute();
}

/**
 * Marks one person's ask answered with `feedbackId`, unless it was answered already: false then. An
 * answer arriving at the same moment on another connection waits for this one's row lock, then
 * finds it answered.
 */
export async function markAnswered(
  db: Db,
  ask: { requestId: string; personId: string },
  feedbackId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable("feedback_ask")
    .set({ answered_at: at, feedback_id: feedbackId })
    .where("request_id", "=", ask.requestId)
    .where("person_id", "=", ask.personId)
    .where("answered_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** When `askerId` sent their feedback requests since `since`: the latest `limit`. */
export async function requestTimesBy(db: Db, askerId: string, since: string, limit: number): Promise<Date[]> {
  const rows = await db
    .selectFrom("feedback_request")
    .select("created_at")
    .where("asked_by", "=", askerId)
    .where("created_at", ">", since)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => new Date(row.created_at));
}

/**
 * A page of the feedback requests `personId` sent, or was asked in, newest first: older than
 * `after` when given.
 */
export async function feedbackRequestsPage(
  db: Db,
  personId: string,
  page: { direction: "received" | "sent"; after?: { at: string; id: string }; limit: number },
): Promise<FeedbackRequestRow[]> {
  // Received: from the person's asks (indexed by person), each to its request.
  let query =
    page.direction === "sent"
      ? db.selectFrom("feedback_request").where("feedback_request.asked_by", "=", personId)
      : db
          .selectFrom("feedback_ask")
          .innerJoin("feedback_request", "feedback_request.id", "feedback_ask.request_id")
          .where("feedback_ask.person_id", "=", personId);
  query = query
    .orderBy("feedback_request.created_at", "desc")
    .orderBy("feedback_request.id", "desc")
    .limit(page.limit);
  const { after } = page;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb("feedback_request.created_at", "<", after.at),
        eb.and([eb("feedback_request.created_at", "=", after.at), eb("feedback_request.id", "<", after.id)]),
      ]),
    );
  }
  return query.selectAll("feedback_request").execute();
}
