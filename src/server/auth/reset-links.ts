import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";

/*
 * A reset link's token is better-auth's, kept in its `verification` table under the SHA-256 digest of
 * "reset-password:<token>" (better-auth's `storeIdentifier: "hashed"`), so the database holds no usable
 * link. Docket sets when the link expires, by its own clock, and reads it back the same way.
 */

/** The `verification.identifier` better-auth stores for the reset link with `token`. */
export function resetLinkIdentifier(token: string): string {
  return createHash("sha256").update(`reset-password:${token}`).digest("base64url");
}

export async function setResetLinkExpiry(
  db: Kysely<Database>,
  token: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .updateTable("verification")
    .set({ expires_at: expiresAt.toISOString() })
    .where("identifier", "=", resetLinkIdentifier(token))
    .execute();
}

/** When the link with `token` expires, or undefined when there is no such link (used, or never made). */
export async function resetLinkExpiry(db: Kysely<Database>, token: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom("verification")
    .select("expires_at")
    .where("identifier", "=", resetLinkIdentifier(token))
    .executeTakeFirst();
  return row ? new Date(row.expires_at) : undefined;
}

/** Forgets the link with `token`: it was not mailed, so nobody may use it. */
export async function dropResetLink(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("verification").where("identifier", "=", resetLinkIdentifier(token)).execute();
}
