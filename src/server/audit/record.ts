import type { Kysely, Transaction } from "kysely";
import type { AuditAction } from "../../contract/audit";
import type { Database } from "../db/schema";
import { newId } from "../platform/ids";

type Db = Kysely<Database> | Transaction<Database>;

/** Records what an owner or admin did, in the transaction that did it: both happen, or neither. */
export async function recordAudit(
  db: Db,
  event: {
    organizationId: string;
    actorId: string;
    at: string;
    action: AuditAction;
    personId?: string | null;
    invitationId?: string | null;
    from?: unknown;
    to?: unknown;
  },
): Promise<void> {
  await db
    .insertInto("audit_event")
    .values({
      id: newId(),
      organization_id: event.organizationId,
      actor_id: event.actorId,
      at: event.at,
      action: event.action,
      person_id: event.personId ?? null,
      invitation_id: event.invitationId ?? null,
      data: JSON.stringify({ from: event.from, to: event.to }),
    })
    .execute();
}
