import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database, InvitationTable } from "../db/schema";

export type InvitationRow = Selectable<InvitationTable>;
type Db = Kysely<Database> | Transaction<Database>;

export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom("invitation")
    .innerJoin("organization", "organization.id", "invitation.organization_id")
    .innerJoin("person as inviter", "inviter.id", "invitation.invited_by_id")
    .selectAll("invitation")
    .select(["organization.name as organization_name", "inviter.name as inviter_name"])
    .where("invitation.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export async function findInvitation(db: Db, organizationId: string, id: string) {
  return db
    .selectFrom("invitation")
    .selectAll()
    .where("id", "=", id)
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
}

export async function listInvitations(db: Db, organizationId: string) {
  return db
    .selectFrom("invitation")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .orderBy("created_at", "desc")
    .execute();
}

/** Revokes every still-open invitation of `email` to the organization: only the newest link works. */
export async function revokeOpenInvitations(db: Db, organizationId: string, email: string, at: string) {
  await db
    .updateTable("invitation")
    .set({ revoked_at: at })
    .where("organization_id", "=", organizationId)
    .where("email", "=", email)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
}

/** Marks the invitation used by `personId`, if it still can be; true when this call claimed it. */
export async function claimInvitation(db: Db, id: string, personId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("invitation")
    .set({ accepted_at: at, accepted_by_id: personId })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** When `inviterId`'s invitations since `since` were made, newest first: at most `limit` of them. */
export async function invitationTimesBy(db: Db, inviterId: string, since: string, limit: number) {
  const rows = await db
    .selectFrom("invitation")
    .select("created_at")
    .where("invited_by_id", "=", inviterId)
    .where("created_at", ">", since)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => new Date(row.created_at));
}
