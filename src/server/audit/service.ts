import type { AuditAction, AuditEvent } from "../../contract/audit";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import type { AppContext } from "../context";
import { olderThan, type PageStart } from "../db/pages";

/** The organization's audit log, newest first (owners and admins). */
export async function readAudit(
  ctx: AppContext,
  actor: Actor,
  page: PageStart & { limit: number },
): Promise<AuditEvent[]> {
  requireOrganization(actor);
  authorize(actor, { kind: "audit.read" });
  let query = ctx.db
    .selectFrom("audit_event")
    .selectAll()
    .where("organization_id", "=", actor.organizationId)
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit);
  const after = olderThan("at", page);
  if (after) query = query.where(after);
  const rows = await query.execute();
  return rows.map((row) => {
    const data = JSON.parse(row.data) as { from?: AuditEvent["from"]; to?: AuditEvent["to"] };
    return {
      id: row.id,
      action: row.action as AuditAction,
      actorId: row.actor_id,
      at: row.at,
      ...(row.person_id ? { personId: row.person_id } : {}),
      ...(row.invitation_id ? { invitationId: row.invitation_id } : {}),
      ...(data.from !== undefined ? { from: data.from } : {}),
      ...(data.to !== undefined ? { to: data.to } : {}),
    };
  });
}
