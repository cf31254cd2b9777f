import type { Kysely, Migration } from "kysely";
import { columnTypes, type DialectName, makeAppendOnly } from "../dialect";

/** The audit log of what owners and admins did: roles, reporting lines, invitations, organization rules. */
export function audit(dialect: DialectName): Migration {
  const { instant } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("audit_event")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organization.id"))
        .addColumn("actor_id", "text", (c) => c.notNull().references("person.id"))
        .addColumn("at", instant, (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        // Whom or what it was done to, when a person or an invitation.
        .addColumn("person_id", "text", (c) => c.references("person.id"))
        .addColumn("invitation_id", "text", (c) => c.references("invitation.id"))
        // JSON: what changed, from and to.
        .addColumn("data", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("audit_event_organization")
        .on("audit_event")
        .columns(["organization_id", "at"])
        .execute();
      await makeAppendOnly(db, dialect, "audit_event");
    },
  };
}
