import { type Kysely, type Migration, sql } from "kysely";
import { defaultDigest, defaultTimeZone, defaultWorkingHours } from "../../../core/schedule-defaults";
import { columnTypes, type DialectName, falseLiteral } from "../dialect";

/** Accounts (better-auth's tables, in snake_case), organizations, people, invitations, tokens. */
export function foundation(dialect: DialectName): Migration {
  const { instant, flag } = columnTypes(dialect);
  const text = (value: string) => sql.lit(value);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("organization")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("person")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("email_verified", flag, (c) => c.notNull().defaultTo(sql.raw(falseLiteral(dialect))))
        .addColumn("image", "text")
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("organization_id", "text", (c) => c.references("organization.id"))
        .addColumn("role", "text", (c) => c.check(sql`role in ('owner', 'admin', 'member')`))
        .addColumn("manager_id", "text", (c) => c.references("person.id").onDelete("set null"))
        .addColumn("title", "text")
        .addColumn("time_zone", "text", (c) => c.notNull().defaultTo(text(defaultTimeZone)))
        .addColumn("working_hours", "text", (c) =>
          c.notNull().defaultTo(text(JSON.stringify(defaultWorkingHours))),
        )
        .addColumn("digest", "text", (c) => c.notNull().defaultTo(text(JSON.stringify(defaultDigest))))
        .addColumn("away_from", "text")
        .addColumn("away_until", "text")
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex("person_organization").on("person").columns(["organization_id"]).execute();
      await db.schema.createIndex("person_manager").on("person").columns(["manager_id"]).execute();

      await db.schema
        .createTable("session")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("token", "text", (c) => c.notNull().unique())
        .addColumn("person_id", "text", (c) => c.notNull().references("person.id").onDelete("cascade"))
        .addColumn("expires_at", instant, (c) => c.notNull())
        .addColumn("ip_address", "text")
        .addColumn("user_agent", "text")
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("session_person").on("session").columns(["person_id"]).execute();

      await db.schema
        .createTable("account")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("account_id", "text", (c) => c.notNull())
        .addColumn("provider_id", "text", (c) => c.notNull())
        .addColumn("person_id", "text", (c) => c.notNull().references("person.id").onDelete("cascade"))
        .addColumn("access_token", "text")
        .addColumn("refresh_token", "text")
        .addColumn("id_token", "text")
        .addColumn("access_token_expires_at", instant)
        .addColumn("refresh_token_expires_at", instant)
        .addColumn("scope", "text")
        .addColumn("password", "text")
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("account_person").on("account").columns(["person_id"]).execute();

      await db.schema
        .createTable("verification")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("identifier", "text", (c) => c.notNull())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("expires_at", instant, (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("verification_identifier")
        .on("verification")
        .columns(["identifier"])
        .execute();

      await db.schema
        .createTable("invitation")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organization.id"))
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('owner', 'admin', 'member')`))
        .addColumn("manager_id", "text", (c) => c.references("person.id").onDelete("set null"))
        .addColumn("invited_by_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("expires_at", instant, (c) => c.notNull())
        .addColumn("accepted_at", instant)
        .addColumn("accepted_by_id", "text", (c) => c.references("person.id"))
        .addColumn("revoked_at", instant)
        .execute();
      await db.schema
        .createIndex("invitation_organization")
        .on("invitation")
        .columns(["organization_id"])
        .execute();

      await db.schema
        .createTable("api_token")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("person_id", "text", (c) => c.notNull().references("person.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("last_used_at", instant)
        .execute();
      await db.schema.createIndex("api_token_person").on("api_token").columns(["person_id"]).execute();

      await db.schema
        .createTable("sign_in_failure")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("at", instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("sign_in_failure_key_at")
        .on("sign_in_failure")
        .columns(["key", "at"])
        .execute();
    },
  };
}
