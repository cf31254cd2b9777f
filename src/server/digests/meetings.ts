import { type Kysely, sql, type Transaction } from "kysely";
import { type DigestMeeting, sectionShown } from "../../core/digest";
import { type DigestReader, meetingNoticeWindow, meetingsToTell } from "../../core/meeting-notice";
import type { DigestSchedule } from "../../core/schedule-defaults";
import type { Database } from "../db/schema";
import type { PersonRow } from "../people/store";

type Db = Kysely<Database> | Transaction<Database>;

/** A person whose digest is being written, and the slot it is for (null: they have no digests). */
export interface DigestFor {
  person: PersonRow;
  slot: Date | null;
}

/** A meeting coming up, as both its participants' digests would tell it. */
type Coming = Omit<DigestMeeting, "withName"> & { participantIds: [string, string]; names: [string, string] };

/**
 * The one-on-ones each person's digest says are coming (`core/meeting-notice.ts` decides which
 * digest), for a whole batch in one query: the upcoming meetings of going series of the batch's
 * people between the earliest window's start and the latest window's end, each with its first
 * `sectionShown` talking points and how many there are. Private notes are not read.
 */
export async function meetingsComing(
  db: Db,
  digests: readonly DigestFor[],
  now: Date,
): Promise<Map<string, DigestMeeting[]>> {
  const told = new Map<string, DigestMeeting[]>();
  const readers = digests.flatMap(({ person, slot }) => {
    if (slot === null) return [];
    const reader: DigestReader = {
      schedule: JSON.parse(person.digest) as DigestSchedule,
      timeZone: person.time_zone,
    };
    const window = meetingNoticeWindow(reader, slot);
    return window === null ? [] : [{ personId: person.id, reader, slot, window }];
  });
  if (readers.length === 0) return told;
  const from = Math.min(...readers.map(({ window }) => window.from.getTime()));
  const until = Math.max(...readers.map(({ window }) => window.until.getTime()));
  const coming = await comingMeetings(
    db,
    readers.map(({ personId }) => personId),
    new Date(from).toISOString(),
    new Date(until).toISOString(),
  );
  for (const { personId, reader, slot } of readers) {
    const theirs = coming.flatMap((meeting): DigestMeeting[] => {
      const side = meeting.participantIds.indexOf(personId);
      if (side < 0) return [];
      const { participantIds: _ids, names, ...facts } = meeting;
      return [{ ...facts, withName: names[1 - side] as string }];
    });
    const telling = meetingsToTell(reader, slot, now, theirs);
    if (telling.length > 0) told.set(personId, telling);
  }
  return told;
}

/** Upcoming meetings of going series with any of `personIds`, scheduled in `[from, until)`, soonest first. */
async function comingMeetings(
  db: Db,
  personIds: readonly string[],
  from: string,
  until: string,
): Promise<Coming[]> {
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom("one_on_one as s")
        .innerJoin("meeting as m", "m.series_id", "s.id")
        .innerJoin("person as a", "a.id", "s.first_person_id")
        .innerJoin("person as b", "b.id", "s.second_person_id")
        .leftJoin("talking_point as p", "p.meeting_id", "m.id")
        .select([
          "m.id",
          "m.scheduled_at",
          "s.first_person_id",
          "s.second_person_id",
          "a.name as first_name",
          "b.name as second_name",
          "p.text",
        ])
        .select([
          sql<number | string>`row_number() over (partition by m.id order by p.rank, p.id)`.as("place"),
          sql<number | string>`count(p.id) over (partition by m.id)`.as("points"),
        ])
        .where("s.ended_at", "is", null)
        .where((where) =>
          where.or([
            where("s.first_person_id", "in", personIds),
            where("s.second_person_id", "in", personIds),
          ]),
        )
        .where("m.state", "=", "upcoming")
        .where("m.scheduled_at", ">=", from)
        .where("m.scheduled_at", "<", until)
        .as("ranked"),
    )
    .selectAll()
    .where("place", "<=", sectionShown)
    .orderBy("scheduled_at")
    .orderBy("id")
    .orderBy("place")
    .execute();
  const meetings = new Map<string, Coming>();
  for (const row of rows) {
    const meeting = meetings.get(row.id) ?? {
      meetingId: row.id,
      scheduledAt: row.scheduled_at,
      participantIds: [row.first_person_id, row.second_person_id],
      names: [row.first_name, row.second_name],
      points: [],
      pointCount: Number(row.points),
    };
    if (row.text !== null) meeting.points.push(row.text);
    meetings.set(row.id, meeting);
  }
  return [...meetings.values()];
}
