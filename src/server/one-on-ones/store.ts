import {
  type Insertable,
  type Kysely,
  type Selectable,
  type SqlBool,
  sql,
  type Transaction,
  type Updateable,
} from "kysely";
import { newerThan, olderThan } from "../db/pages";
import { precompiled } from "../db/precompiled";
import type { Database, MeetingTable, OneOnOneTable, TalkingPointTable } from "../db/schema";

export type SeriesRow = Selectable<OneOnOneTable>;
export type MeetingRow = Selectable<MeetingTable>;
export type TalkingPointRow = Selectable<TalkingPointTable>;
type Db = Kysely<Database> | Transaction<Database>;

const seriesById = precompiled<{ id: string }, SeriesRow>((db, $) =>
  db.selectFrom("one_on_one").selectAll().where("id", "=", $("id")),
);

export async function findSeries(db: Db, id: string): Promise<SeriesRow | undefined> {
  return seriesById.first(db, { id });
}

/** The series `personId` takes part in: going ones first, then the most recently ended; at most `limit`. */
export async function seriesOf(db: Db, personId: string, limit: number): Promise<SeriesRow[]> {
  return db
    .selectFrom("one_on_one")
    .selectAll()
    .where((eb) => eb.or([eb("first_person_id", "=", personId), eb("second_person_id", "=", personId)]))
    .orderBy((eb) => eb.case().when("ended_at", "is", null).then(0).else(1).end())
    .orderBy("ended_at", "desc")
    .orderBy("created_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** The going series of a pair, if any. */
export async function goingSeriesOfPair(db: Db, pair: [string, string]): Promise<SeriesRow | undefined> {
  return db
    .selectFrom("one_on_one")
    .selectAll()
    .where("first_person_id", "=", pair[0])
    .where("second_person_id", "=", pair[1])
    .where("ended_at", "is", null)
    .executeTakeFirst();
}

export async function insertSeries(db: Db, row: Insertable<OneOnOneTable>): Promise<SeriesRow> {
  return db.insertInto("one_on_one").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateSeries(
  db: Db,
  id: string,
  changes: Updateable<OneOnOneTable>,
): Promise<SeriesRow> {
  return db
    .updateTable("one_on_one")
    .set(changes)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

const olderThanRow = (column: string, row: { at: string; id: string }) =>
  olderThan(column, { before: row.at, beforeId: row.id });

const meetingById = precompiled<{ id: string }, MeetingRow>((db, $) =>
  db.selectFrom("meeting").selectAll().where("id", "=", $("id")),
);

export async function findMeeting(db: Db, id: string): Promise<MeetingRow | undefined> {
  return meetingById.first(db, { id });
}

/**
 * Whether a meeting of `table` was held, compared as an expression rather than on the column: an
 * index on the state (`meeting_state_scheduled`) would otherwise lead SQLite without statistics to
 * walk every series' held meetings, when the series' own (`meeting_series_scheduled`) are few.
 */
const wasHeld = (table: string) => sql<SqlBool>`${sql.ref(`${table}.state`)} || '' = 'held'`;

/** A meeting, its series, and the meeting the series last held before it (`previousHeldAt`). */
export interface MeetingRead {
  series: SeriesRow;
  meeting: MeetingRow;
  /** When the meeting held before it was scheduled. */
  heldBefore: string | undefined;
  /** Which meeting that was: its action items show on this one. */
  heldBeforeId: string | undefined;
}

type WithHeldBefore = MeetingRow & { held_before: string | null; held_before_id: string | null };

const meetingWithHeldBefore = precompiled<{ id: string }, WithHeldBefore>((db, $) =>
  db
    .selectFrom("meeting as m")
    .selectAll("m")
    .select((eb) => {
      const heldBefore = eb
        .selectFrom("meeting as h")
        .whereRef("h.series_id", "=", "m.series_id")
        .where(wasHeld("h"))
        .whereRef("h.scheduled_at", "<", "m.scheduled_at")
        .orderBy("h.scheduled_at", "desc")
        .orderBy("h.id", "desc")
        .limit(sql.lit(1));
      return [
        heldBefore.select("h.scheduled_at").as("held_before"),
        heldBefore.select("h.id").as("held_before_id"),
      ];
    })
    .where("m.id", "=", $("id")),
);

const seriesOfMeeting = precompiled<{ id: string }, SeriesRow>((db, $) =>
  db
    .selectFrom("one_on_one")
    .selectAll()
    .where("id", "=", (eb) => eb.selectFrom("meeting").select("series_id").where("id", "=", $("id"))),
);

/**
 * A meeting with its series and the meeting held before it, in two queries that run at once (each
 * on one table: SQLite answers them faster than one query joining the two).
 */
export async function readMeeting(db: Db, id: string): Promise<MeetingRead | undefined> {
  const [found, series] = await Promise.all([
    meetingWithHeldBefore.first(db, { id }),
    seriesOfMeeting.first(db, { id }),
  ]);
  if (!found || !series) return undefined;
  const { held_before, held_before_id, ...meeting } = found;
  return { series, meeting, heldBefore: held_before ?? undefined, heldBeforeId: held_before_id ?? undefined };
}

/** Every meeting of a series, in scheduled order. */
export async function meetingsOfSeries(db: Db, seriesId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom("meeting")
    .selectAll()
    .where("series_id", "=", seriesId)
    .orderBy("scheduled_at")
    .orderBy("id")
    .execute();
}

/**
 * Upcoming meetings of a series, soonest first, or finished ones, most recent first: at most `limit`,
 * from just after `after` (the last meeting of the page before) when given.
 */
export async function meetingsPage(
  db: Db,
  seriesId: string,
  page: { when: "upcoming" | "past"; limit: number; after?: { at: string; id: string } },
): Promise<MeetingRow[]> {
  const upcoming = page.when === "upcoming";
  let query = db
    .selectFrom("meeting")
    .selectAll()
    .where("series_id", "=", seriesId)
    .where("state", upcoming ? "=" : "!=", "upcoming")
    .orderBy("scheduled_at", upcoming ? "asc" : "desc")
    .orderBy("id", upcoming ? "asc" : "desc")
    .limit(page.limit);
  const after = page.after && (upcoming ? newerThan : olderThanRow)("scheduled_at", page.after);
  if (after) query = query.where(after);
  return query.execute();
}

/** The next upcoming meeting of each of several series. */
export async function nextMeetings(db: Db, seriesIds: readonly string[]): Promise<MeetingRow[]> {
  if (seriesIds.length === 0) return [];
  const rows = await db
    .selectFrom("meeting")
    .selectAll()
    .where("series_id", "in", seriesIds)
    .where("state", "=", "upcoming")
    .orderBy("scheduled_at")
    .orderBy("id")
    .execute();
  const first = new Map<string, MeetingRow>();
  for (const row of rows) if (!first.has(row.series_id)) first.set(row.series_id, row);
  return [...first.values()];
}

/** The last held meeting of the series before `before`, if any. */
const lastHeldBefore = precompiled<
  { seriesId: string; before: string },
  { id: string; scheduled_at: string }
>((db, $) =>
  db
    .selectFrom("meeting")
    .select(["id", "scheduled_at"])
    .where("series_id", "=", $("seriesId"))
    .where(wasHeld("meeting"))
    .where("scheduled_at", "<", $("before"))
    .orderBy("scheduled_at", "desc")
    .orderBy("id", "desc")
    .limit(sql.lit(1)),
);

/** The meeting the series last held before `before` (its id and scheduled time), if any. */
export async function previousHeld(
  db: Db,
  seriesId: string,
  before: string,
): Promise<{ id: string; scheduled_at: string } | undefined> {
  return lastHeldBefore.first(db, { seriesId, before });
}

export async function insertMeeting(db: Db, row: Insertable<MeetingTable>): Promise<MeetingRow> {
  return db.insertInto("meeting").values(row).returningAll().executeTakeFirstOrThrow();
}

/** Writes `changes` and the next version; answers the meeting as it now is. */
export async function updateMeeting(
  db: Db,
  id: string,
  changes: Updateable<MeetingTable>,
): Promise<MeetingRow> {
  return db
    .updateTable("meeting")
    .set((eb) => ({ ...changes, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

const pointsOfMeeting = precompiled<{ meetingId: string }, TalkingPointRow>((db, $) =>
  db.selectFrom("talking_point").selectAll().where("meeting_id", "=", $("meetingId")).orderBy("rank"),
);

/** The talking points shown on a meeting, in their order. */
export async function talkingPointsOf(db: Db, meetingId: string): Promise<TalkingPointRow[]> {
  return pointsOfMeeting.execute(db, { meetingId });
}

/** The talking points shown on any of `meetingIds`, each meeting's in order. */
export async function talkingPointsOfMeetings(
  db: Db,
  meetingIds: readonly string[],
): Promise<TalkingPointRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom("talking_point")
    .selectAll()
    .where("meeting_id", "in", meetingIds)
    .orderBy("meeting_id")
    .orderBy("rank")
    .execute();
}

export async function findTalkingPoint(db: Db, id: string): Promise<TalkingPointRow | undefined> {
  return db.selectFrom("talking_point").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertTalkingPoint(
  db: Db,
  row: Insertable<TalkingPointTable>,
): Promise<TalkingPointRow> {
  return db.insertInto("talking_point").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateTalkingPoint(
  db: Db,
  id: string,
  changes: Updateable<TalkingPointTable>,
): Promise<TalkingPointRow> {
  return db
    .updateTable("talking_point")
    .set(changes)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteTalkingPoint(db: Db, id: string): Promise<void> {
  await db.deleteFrom("talking_point").where("id", "=", id).execute();
}

/** How many one-on-ones `personId` took part in that were held in `[start, end)` (by when they were scheduled). */
export async function heldMeetingsCount(
  db: Db,
  personId: string,
  period: { start: string; end: string },
): Promise<number> {
  const row = await db
    .selectFrom("meeting")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("series_id", "in", (eb) =>
      eb
        .selectFrom("one_on_one")
        .select("id")
        .where((where) =>
          where.or([where("first_person_id", "=", personId), where("second_person_id", "=", personId)]),
        ),
    )
    .where(wasHeld("meeting"))
    .where("scheduled_at", ">=", period.start)
    .where("scheduled_at", "<", period.end)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
