import { type Kysely, type Migration, sql } from "kysely";
import type { DialectName } from "../dialect";

/**
 * Every task column a plate or the team view shows (with `rank`, its position, and `owner_id`, whose
 * plate it is on). Changing any other column of a task leaves the plates as they were.
 */
const shownColumns = [
  "owner_id",
  "rank",
  "requester_id",
  "request_id",
  "meeting_id",
  "goal_id",
  "title",
  "notes",
  "state",
  "due_date",
  "due_at",
  "urgent",
  "created_at",
  "started_at",
  "completed_at",
  "dropped_at",
  "drop_reason",
  "version",
];

/**
 * A version per plate, `person.plate_version`, that the database itself raises in the transaction
 * of every write that changes what the plate shows: a task added to it, changed on it or moved off
 * it, an urgent interruption counted on it, or its owner's zone changed (their week and due
 * instants move). Conditional reads compare it, so no write path can forget to raise it.
 */
export function plateVersions(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("person")
        .addColumn("plate_version", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      if (dialect === "postgres") await postgresTriggers(db);
      else await sqliteTriggers(db);
      // The team view's load: each report's dated open tasks, without reading their rows.
      await sql`create index task_open_due on task (owner_id, due_at)
        where rank is not null and due_at is not null`.execute(db);
    },
  };
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const bump = (owner: string) =>
    sql.raw(`update person set plate_version = plate_version + 1 where id = ${owner};`);
  const columns = sql.raw(shownColumns.join(", "));
  await sql`create trigger task_added_to_plate after insert on task
    begin ${bump("new.owner_id")} end`.execute(db);
  await sql`create trigger task_changed_on_plate after update of ${columns} on task
    begin ${bump("new.owner_id")} end`.execute(db);
  await sql`create trigger task_moved_off_plate after update of owner_id on task
    when old.owner_id is not new.owner_id
    begin ${bump("old.owner_id")} end`.execute(db);
  await sql`create trigger task_removed_from_plate after delete on task
    begin ${bump("old.owner_id")} end`.execute(db);
  await sql`create trigger urgent_counted_on_plate after insert on urgent_use
    begin ${bump("new.owner_id")} end`.execute(db);
  // `update of time_zone` fires only when a statement sets the zone: the bump below sets only the
  // version, so it never fires this trigger again.
  await sql`create trigger plate_zone_changed after update of time_zone on person
    when old.time_zone is not new.time_zone
    begin ${bump("new.id")} end`.execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  const columns = sql.raw(shownColumns.join(", "));
  await sql`create function task_plate_version() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' then
        update person set plate_version = plate_version + 1 where id = old.owner_id;
      end if;
      if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.owner_id is distinct from old.owner_id) then
        update person set plate_version = plate_version + 1 where id = new.owner_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger task_plate_version after insert or delete or update of ${columns} on task
    for each row execute function task_plate_version()`.execute(db);
  await sql`create function urgent_plate_version() returns trigger language plpgsql as $$
    begin
      update person set plate_version = plate_version + 1 where id = new.owner_id;
      return null;
    end $$`.execute(db);
  await sql`create trigger urgent_plate_version after insert on urgent_use
    for each row execute function urgent_plate_version()`.execute(db);
  await sql`create function plate_zone_changed() returns trigger language plpgsql as $$
    begin
      new.plate_version := new.plate_version + 1;
      return new;
    end $$`.execute(db);
  await sql`create trigger plate_zone_changed before update of time_zone on person
    for each row when (old.time_zone is distinct from new.time_zone)
    execute function plate_zone_changed()`.execute(db);
}
