import { type Kysely, type Migration, sql } from "kysely";
import { columnTypes, type DialectName } from "../dialect";

/**
 * Calm by default: each person's inbox, the digests claimed per person and slot, the outgoing mail
 * queue, urgent interruptions as counted, and the organization's limits.
 */
export function calm(dialect: DialectName): Migration {
  const { instant } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("organization")
        .addColumn("urgent_per_week", "integer", (c) => c.notNull().defaultTo(2))
        .execute();
      await db.schema
        .alterTable("organization")
        .addColumn("stale_after_days", "integer", (c) => c.notNull().defaultTo(14))
        .execute();
      // The person's next digest slot; null until the scheduler first looks at them.
      await db.schema.alterTable("person").addColumn("next_digest_at", instant).execute();
      await db.schema.createIndex("person_next_digest").on("person").column("next_digest_at").execute();

      await db.schema
        .createTable("outbound_mail")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.references("organization.id"))
        .addColumn("person_id", "text", (c) => c.references("person.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("task_id", "text")
        .addColumn("to_address", "text", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("html", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending', 'sent', 'canceled')`))
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        // Not before this instant: an urgent mail waits for the start of its owner's working hours.
        .addColumn("next_attempt_at", instant, (c) => c.notNull())
        // Held by one sender until then; a sender that died mid-send loses it when it runs out.
        .addColumn("lease_until", instant)
        .addColumn("last_error", "text")
        .addColumn("sent_at", instant)
        .execute();
      await db.schema
        .createIndex("outbound_mail_due")
        .on("outbound_mail")
        .columns(["status", "next_attempt_at"])
        .execute();
      await db.schema
        .createIndex("outbound_mail_organization")
        .on("outbound_mail")
        .columns(["organization_id", "created_at"])
        .execute();

      await db.schema
        .createTable("digest")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("slot_at", instant, (c) => c.notNull())
        // sent: a mail was queued; empty: nothing to say; away: the person was away at the slot.
        .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('sent', 'empty', 'away')`))
        .addColumn("mail_id", "text", (c) => c.references("outbound_mail.id"))
        .addColumn("created_at", instant, (c) => c.notNull())
        .execute();
      // The claim: one digest per person and slot, whichever instance gets there first.
      await db.schema
        .createIndex("digest_slot")
        .unique()
        .on("digest")
        .columns(["person_id", "slot_at"])
        .execute();

      await db.schema
        .createTable("inbox_entry")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("task_id", "text", (c) => c.references("task.id"))
        .addColumn("request_id", "text", (c) => c.references("request.id"))
        .addColumn("actor_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("at", instant, (c) => c.notNull())
        // How many changes this entry stands for: related changes coalesce into one entry.
        .addColumn("count", "integer", (c) => c.notNull().defaultTo(1))
        // JSON: what the sentence about it needs (title, positions, dues, reasons).
        .addColumn("data", "text", (c) => c.notNull())
        // Later changes with the same key join this entry while it is unread and not yet in a digest.
        .addColumn("coalesce_key", "text")
        // Entries made by a sweep (due soon, overdue, still needed?) exist once per key.
        .addColumn("dedupe_key", "text")
        .addColumn("read_at", instant)
        .addColumn("digest_id", "text", (c) => c.references("digest.id"))
        .execute();
      await db.schema
        .createIndex("inbox_entry_person")
        .on("inbox_entry")
        .columns(["person_id", "at"])
        .execute();
      // What no digest has carried yet, per person; with the key, also the open entry a change joins.
      await sql`create index inbox_entry_undigested on inbox_entry (person_id, coalesce_key)
        where digest_id is null`.execute(db);
      await sql`create unique index inbox_entry_dedupe on inbox_entry (person_id, dedupe_key)
        where dedupe_key is not null`.execute(db);

      await db.schema
        .createTable("urgent_use")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organization.id"))
        .addColumn("requester_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("owner_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("task_id", "text", (c) => c.notNull().references("task.id"))
        // The Monday (YYYY-MM-DD) of the owner's ISO week when it was used: the limit is per week.
        .addColumn("week", "text", (c) => c.notNull())
        .addColumn("at", instant, (c) => c.notNull())
        .addColumn("mail_id", "text", (c) => c.references("outbound_mail.id"))
        .execute();
      await db.schema
        .createIndex("urgent_use_pair")
        .on("urgent_use")
        .columns(["owner_id", "week", "requester_id"])
        .execute();

      // The due sweep looks a day either side of now every minute. The still-needed sweep reads the
      // whole table every 15 minutes instead of keeping an index that every task write would move.
      await sql`create index task_due on task (due_at) where due_at is not null`.execute(db);
    },
  };
}
