import type { Invitation } from "../../contract/invitations";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import { notFound, ruleViolated } from "../../core/errors";
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
  await ctx.db
    .updateTable("invitation")
    .set({ revoked_at: ctx.clock.now().toISOString() })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .execute();
}
