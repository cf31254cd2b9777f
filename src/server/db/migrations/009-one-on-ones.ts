import { type Kysely, type Migration, sql } from "kysely";
import { columnTypes, type DialectName, falseLiteral } from "../dialect";

/**
 * One-on-ones: a series between two people with its cadence, its meetings, the talking points of
 * the pair (each shown on one meeting at a time), each participant's private note per meeting, and
 * the meeting a task was added from.
 */
export function oneOnOnes(dialect: DialectName): Migration {
  const { instant, flag, byteOrderedText } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("one_on_one")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organization.id"))
        // The pair, in id order, so that a pair is spelled one way.
        .addColumn("first_person_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("second_person_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("organizer_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("every_weeks", "integer", (c) => c.notNull().check(sql`every_weeks between 1 and 4`))
        .addColumn("weekday", "integer", (c) => c.notNull().check(sql`weekday between 1 and 7`))
        .addColumn("local_time", "text", (c) => c.notNull())
        .addColumn("minutes", "integer", (c) => c.notNull().check(sql`minutes between 15 and 120`))
        .addColumn("time_zone", "text", (c) => c.notNull())
        // The local date of the first meeting under the current cadence.
        .addColumn("anchor_date", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("ended_at", instant)
        .addCheckConstraint("one_on_one_pair_ordered", sql`first_person_id < second_person_id`)
        .execute();
      // One going series per pair.
      await sql`create unique index one_on_one_pair on one_on_one (first_person_id, second_person_id) where ended_at is null`.execute(
        db,
      );
      await db.schema.createIndex("one_on_one_second").on("one_on_one").column("second_person_id").execute();

      await db.schema
        .createTable("meeting")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("series_id", "text", (c) => c.notNull().references("one_on_one.id"))
        // The cadence's time for it: one meeting per slot, even when two instances create it at once.
        .addColumn("slot_at", instant, (c) => c.notNull())
        .addColumn("scheduled_at", instant, (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull().check(sql`state in ('upcoming', 'held', 'skipped')`))
        .addColumn("shared_notes", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("finished_at", instant)
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createIndex("meeting_slot")
        .on("meeting")
        .columns(["series_id", "slot_at"])
        .unique()
        .execute();
      await db.schema
        .createIndex("meeting_series_scheduled")
        .on("meeting")
        .columns(["series_id", "scheduled_at"])
        .execute();
      await db.schema
        .createIndex("meeting_state_scheduled")
        .on("meeting")
        .columns(["state", "scheduled_at"])
        .execute();

      await db.schema
        .createTable("talking_point")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("series_id", "text", (c) => c.notNull().references("one_on_one.id"))
        .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
        .addColumn("author_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("discussed", flag, (c) => c.notNull().defaultTo(sql.raw(falseLiteral(dialect))))
        .addColumn("carried_from", "text", (c) => c.references("meeting.id"))
        .addColumn("times_carried", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("rank", byteOrderedText, (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .execute();
      await sql`create unique index talking_point_order on talking_point (meeting_id, rank)`.execute(db);

      // Read by its author alone: the store answers a note only for (meeting, author).
      await db.schema
        .createTable("private_note")
        .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
        .addColumn("author_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("private_note_key", ["meeting_id", "author_id"])
        .execute();

      await db.schema.alterTable("task").addColumn("meeting_id", "text").execute();
      await db.schema.createIndex("task_meeting").on("task").column("meeting_id").execute();
      // What was dropped lately on a plate, for the one-on-one agenda.
      await db.schema
        .createIndex("task_owner_dropped")
        .on("task")
        .columns(["owner_id", "state", "dropped_at"])
        .execute();
    },
  };
}
