import { OutboxKind, type OutboxList } from "../../contract/outbox";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import type { AppContext } from "../context";
import { olderThan, type PageStart } from "../db/pages";

/** The organization's outgoing mail, newest first: what was sent, what waits, what keeps failing. */
export async function readOutbox(
  ctx: AppContext,
  actor: Actor,
  page: PageStart & { limit: number },
): Promise<OutboxList> {
  requireOrganization(actor);
  authorize(actor, { kind: "outbox.read" });
  let query = ctx.db
    .selectFrom("outbound_mail")
    .selectAll()
    .where("organization_id", "=", actor.organizationId)
    .where("kind", "in", [...OutboxKind.options])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit);
  const after = olderThan("created_at", page);
  if (after) query = query.where(after);
  const rows = await query.execute();
  return {
    delivery: ctx.config.smtpUrl ? "smtp" : "files",
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind as OutboxKind,
      to: row.to_address,
      personId: row.person_id,
      subject: row.subject,
      text: withoutActionLinks(row.text),
      html: withoutActionLinks(row.html),
      createdAt: row.created_at,
      status: row.status,
      attempts: Number(row.attempts),
      nextAttemptAt: row.status === "pending" ? row.next_attempt_at : null,
      lastError: row.last_error,
      sentAt: row.sent_at,
    })),
  };
}

/**
 * The one-click links in a digest act as its recipient, and an invitation's link makes whoever
 * follows it the person invited (with the role the inviter gave): someone reading the outbox must not
 * be able to use them, so their tokens are left out.
 */
export function withoutActionLinks(body: string): string {
  return body
    .replace(/\/still-needed\/[A-Za-z0-9_\-.]+/g, "/still-needed/(link for the recipient only)")
    .replace(/\/invite\/[A-Za-z0-9_\-.]+/g, "/invite/(link for the person invited only)");
}
