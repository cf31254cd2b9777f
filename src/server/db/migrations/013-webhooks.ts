import { type Kysely, type Migration, sql } from "kysely";
import { columnTypes, type DialectName } from "../dialect";

/**
 * Webhooks: an organization's endpoints, the queue of deliveries (one row per event and endpoint,
 * written in the transaction of the change it tells of) and each delivery's attempts. An endpoint's
 * deliveries and attempts go with it. The signing secret is kept as it is, since it signs every
 * delivery; the database's files are readable by Docket's user alone.
 */
export function webhooks(dialect: DialectName): Migration {
  const { instant, serial } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("webhook_endpoint")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organization.id"))
        .addColumn("url", "text", (c) => c.notNull())
        // The events it takes, one bit each (`webhooks/event-types.ts`).
        .addColumn("event_mask", "integer", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("secret", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("person.id").onDelete("set null"))
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        // The first failure since it last answered 2xx; null while it answers.
        .addColumn("failing_since", instant)
        // Null while it is on: then events are queued for it and sent.
        .addColumn("disabled_at", instant)
        .addColumn("disabled_reason", "text")
        .execute();
      // The one read every change makes: the organization's endpoints that are on.
      await sql`create index webhook_endpoint_enabled on webhook_endpoint (organization_id)
        where disabled_at is null`.execute(db);

      await db.schema
        .createTable("webhook_delivery")
        .addColumn("endpoint_id", "text", (c) =>
          c.notNull().references("webhook_endpoint.id").onDelete("cascade"),
        )
        // The `webhook-id` (`msg_…`) of the event: the same on every attempt.
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        // Attempts since it was queued or last sent again: they set the wait before the next.
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("next_attempt_at", instant, (c) => c.notNull())
        .addColumn("lease_until", instant)
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("delivered_at", instant)
        .addPrimaryKeyConstraint("webhook_delivery_pk", ["endpoint_id", "id"])
        .execute();
      await sql`create index webhook_delivery_due on webhook_delivery (next_attempt_at)
        where status = 'pending'`.execute(db);
      await db.schema
        .createIndex("webhook_delivery_newest")
        .on("webhook_delivery")
        .columns(["endpoint_id", "created_at", "id"])
        .execute();
      // What housekeeping forgets: finished deliveries, oldest first.
      await sql`create index webhook_delivery_finished on webhook_delivery (created_at)
        where status <> 'pending'`.execute(db);

      await db.schema
        .createTable("webhook_attempt")
        .addColumn("id", serial, (c) => c.primaryKey())
        .addColumn("endpoint_id", "text", (c) => c.notNull())
        .addColumn("delivery_id", "text", (c) => c.notNull())
        .addColumn("at", instant, (c) => c.notNull())
        // The HTTP status answered; null when no answer came.
        .addColumn("status", "integer")
        .addColumn("error", "text")
        .addColumn("duration_ms", "integer", (c) => c.notNull())
        .addForeignKeyConstraint(
          "webhook_attempt_delivery",
          ["endpoint_id", "delivery_id"],
          "webhook_delivery",
          ["endpoint_id", "id"],
          (c) => c.onDelete("cascade"),
        )
        .execute();
      await db.schema
        .createIndex("webhook_attempt_delivery")
        .on("webhook_attempt")
        .columns(["endpoint_id", "delivery_id", "id"])
        .execute();
    },
  };
}
