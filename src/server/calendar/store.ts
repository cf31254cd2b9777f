import { type Kysely, sql, type Transaction } from "kysely";
import { feedBounds } from "../../core/calendar-feed";
import { precompiled } from "../db/precompiled";
import type { Database, MeetingTable } from "../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

/** Gives the person a feed with this secret's digest, replacing the one they had: its address stops working. */
export async function replaceFeed(
  db: Db,
  feed: { personId: string; secretHash: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto("calendar_feed")
    .values({ person_id: feed.personId, secret_hash: feed.secretHash, created_at: feed.createdAt })
    .onConflict((conflict) =>
      conflict.column("person_id").doUpdateSet({ secret_hash: feed.secretHash, created_at: feed.createdAt }),
    )
    .execute();
}

export async function deleteFeed(db: Db, personId: string): Promise<void> {
  await db.deleteFrom("calendar_feed").where("person_id", "=", personId).execute();
}

export async function findFeed(db: Db, personId: string): Promise<{ createdAt: string } | undefined> {
  return db
    .selectFrom("calendar_feed")
    .select("created_at as createdAt")
    .where("person_id", "=", personId)
    .executeTakeFirst();
}

/** Whose feed a secret opens, found by its digest (a unique index: no comparison of secrets). */
export interface FeedOwner {
  id: string;
  name: string;
  timeZone: string;
}

const ownerBySecret = precompiled<{ secretHash: string }, FeedOwner>((db, $) =>
  db
    .selectFrom("calendar_feed")
    .innerJoin("person", "person.id", "calendar_feed.person_id")
    .select(["person.id as id", "person.name as name", "person.time_zone as timeZone"])
    .where("calendar_feed.secret_hash", "=", $("secretHash")),
);

export async function findFeedOwner(
  db: Kysely<Database>,
  secretHash: string,
): Promise<FeedOwner | undefined> {
  return ownerBySecret.first(db, { secretHash });
}

export interface FeedTaskRow {
  id: string;
  title: string;
  due_date: string | null;
  due_at: string;
  version: number;
  updated_at: string;
}

/** The owner's open and in-progress tasks with a due, the soonest due first, at most `feedBounds.maxTasks`. */
const openTasksWithDue = precompiled<{ ownerId: string }, FeedTaskRow>((db, $) =>
  db
    .selectFrom("task")
    .select(["id", "title", "due_date", "due_at", "version", "updated_at"])
    .$narrowType<{ due_at: string }>()
    .where("owner_id", "=", $("ownerId"))
    // Open and in-progress tasks are the ones with a place on the plate (the index `task_open_due`).
    .where("rank", "is not", null)
    .where("due_at", "is not", null)
    .orderBy("due_at")
    .orderBy("id")
    .limit(sql.lit(feedBounds.maxTasks)),
);

export async function openTasksDue(db: Kysely<Database>, ownerId: string): Promise<FeedTaskRow[]> {
  return openTasksWithDue.execute(db, { ownerId });
}

export type MeetingRowForFeed = Pick<
  MeetingTable,
  "id" | "series_id" | "slot_at" | "scheduled_at" | "state" | "updated_at"
> & { version: number };

/**
 * The meetings of `seriesIds` a feed shows or places the next ones after: every upcoming one, and those
 * held from `from` to `until`; the earliest first, at most `feedBounds.maxMeetings`.
 */
export async function feedMeetings(
  db: Kysely<Database>,
  seriesIds: readonly string[],
  window: { from: string; until: string },
): Promise<MeetingRowForFeed[]> {
  if (seriesIds.length === 0) return [];
  return db
    .selectFrom("meeting")
    .select(["id", "series_id", "slot_at", "scheduled_at", "state", "version", "updated_at"])
    .where("series_id", "in", seriesIds)
    .where((eb) =>
      eb.or([
        eb("state", "=", "upcoming"),
        eb.and([
          eb("state", "=", "held"),
          eb("scheduled_at", ">=", window.from),
          eb("scheduled_at", "<=", window.until),
        ]),
      ]),
    )
    .orderBy("scheduled_at")
    .orderBy("id")
    .limit(feedBounds.maxMeetings)
    .execute();
}

/** The names of people, by id. */
export async function namesOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("person").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
