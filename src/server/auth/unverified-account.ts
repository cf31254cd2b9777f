import type { Transaction } from "kysely";
import type { ExistingAccount } from "../../core/account-recovery";
import { type DialectName, flagValue } from "../db/dialect";
import type { Database } from "../db/schema";

/** What account recovery's rules need to know of a person's account. */
export function existingAccount(person: {
  email_verified: boolean | number;
  organization_id: string | null;
}): ExistingAccount {
  return { emailVerified: Boolean(person.email_verified), inOrganization: person.organization_id !== null };
}

/**
 * Within the transaction that gives the address to its proven owner, removes the account that held it
 * unverified: its sessions, password and tokens go with it (the database cascades), its pending
 * links are called off, and nothing of it passes to the new account. Answers false, removing
 * nothing, when the account has meanwhile been verified or joined an organization.
 */
export async function removeUnverifiedAccount(
  trx: Transaction<Database>,
  dialect: DialectName,
  personId: string,
): Promise<boolean> {
  await trx
    .updateTable("outbound_mail")
    .set({ status: "canceled", lease_until: null })
    .where("person_id", "=", personId)
    .where("status", "=", "pending")
    .execute();
  // The queue keeps what was sent, no longer tied to anyone.
  await trx.updateTable("outbound_mail").set({ person_id: null }).where("person_id", "=", personId).execute();
  // Its reset links, if any (better-auth keeps the account's id as their value).
  await trx.deleteFrom("verification").where("value", "=", personId).execute();
  const removed = await trx
    .deleteFrom("person")
    .where("id", "=", personId)
    .where("email_verified", "=", flagValue(dialect, false))
    .where("organization_id", "is", null)
    .executeTakeFirst();
  return Number(removed.numDeletedRows) === 1;
}
