import type { Invitation } from "../../contract/invitations";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import { notFound, ruleViolated } from "../../core/errors";
import { recordAudit } from "../audit/record";
import type { AppContext } from "../context";
import { presentInvitation } from "./present";
import { findInvitation, listInvitations as listInvitationRows } from "./store";

export async function listInvitations(ctx: AppContext, actor: Actor): Promise<Invitation[]> {
  requireOrganization(actor);
  authorize(actor, { kind: "invitation.manage" });
  return (await listInvitationRows(ctx.db, actor.organizationId)).map(presentInvitation);
}

/** Withdraws an invitation so its link stops working. Withdrawing twice is harmless. */
export async function revokeInvitation(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  requireOrganization(actor);
  authorize(actor, { kind: "invitation.manage" });
  const invitation = await findInvitation(ctx.db, actor.organizationId, id);
  if (!invitation) throw notFound("Invitation");
  if (invitation.accepted_at) throw ruleViolated("This invitation has already been accepted.");
  if (invitation.revoked_at) return;
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable("invitation")
      .set({ revoked_at: at })
      .where("id", "=", id)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(revoked.numUpdatedRows) === 0) return;
    await recordAudit(trx, {
      organizationId: actor.organizationId,
      actorId: actor.id,
      at,
      action: "invitation.revoked",
      invitationId: id,
      from: { email: invitation.email },
    });
  });
}
