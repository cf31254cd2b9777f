import type { Invitation } from "../../contract/invitations";
import type { InvitationRow } from "./store";

export function presentInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    managerId: row.manager_id,
    invitedById: row.invited_by_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}

/** Why a link can no longer be used, or null while it can. */
export function unusableBecause(row: InvitationRow, now: Date): string | null {
  if (row.accepted_at) return "This invitation has already been used. Sign in instead.";
  if (row.revoked_at) return "This invitation was withdrawn. Ask for a new one.";
  if (Date.parse(row.expires_at) <= now.getTime()) return "This invitation has expired. Ask for a new one.";
  return null;
}
