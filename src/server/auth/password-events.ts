import { recordAudit } from "../audit/record";
import { flagValue } from "../db/dialect";
import type { RecoveryDeps } from "./recovery-links";

/**
 * After a password was reset through a mailed link (better-auth has ended every session by then).
 * The link proves the address is the person's: an address never verified before is verified now,
 * and the personal access tokens made before then go, since whoever made them had not shown the
 * address was theirs. In an organization, the reset goes into its audit log.
 */
export async function afterPasswordReset(deps: RecoveryDeps, personId: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom("person")
      .select(["organization_id", "email_verified"])
      .where("id", "=", personId)
      .executeTakeFirst();
    if (!person) return;
    let tokensRevoked = 0;
    if (!person.email_verified) {
      const revoked = await trx.deleteFrom("api_token").where("person_id", "=", personId).executeTakeFirst();
      tokensRevoked = Number(revoked.numDeletedRows);
      await trx
        .updateTable("person")
        .set({ email_verified: flagValue(deps.dialect, true), updated_at: at })
        .where("id", "=", personId)
        .execute();
    }
    if (person.organization_id) {
      await recordAudit(trx, {
        organizationId: person.organization_id,
        actorId: personId,
        at,
        action: "person.password_reset",
        personId,
        ...(tokensRevoked > 0 ? { to: { tokensRevoked } } : {}),
      });
    }
  });
}

/** After a person changed their own password (their other sessions ended with it): the audit log. */
export async function afterPasswordChange(deps: RecoveryDeps, personId: string): Promise<void> {
  const person = await deps.db
    .selectFrom("person")
    .select("organization_id")
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person?.organization_id) return;
  await recordAudit(deps.db, {
    organizationId: person.organization_id,
    actorId: personId,
    at: deps.clock.now().toISOString(),
    action: "person.password_changed",
    personId,
  });
}
