import type { Kysely, Transaction } from "kysely";
import type { AwayPeriod } from "../../core/schedule";
import type { Database } from "../db/schema";
import type { PersonRow } from "../people/store";

type Db = Kysely<Database> | Transaction<Database>;

export function awayPeriodOf(person: Pick<PersonRow, "away_from" | "away_until">): AwayPeriod | null {
  return person.away_from && person.away_until ? { from: person.away_from, until: person.away_until } : null;
}

/** True when the person's latest digest slot before `slot` passed while they were away. */
export async function previousDigestWasAway(db: Db, personId: string, slot: string): Promise<boolean> {
  const previous = await db
    .selectFrom("digest")
    .select("status")
    .where("person_id", "=", personId)
    .where("slot_at", "<", slot)
    .orderBy("slot_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return previous?.status === "away";
}

/** People whose next digest slot has come (or was never worked out), soonest first. */
export async function peopleDueForDigest(db: Db, now: string, limit: number, skip: readonly string[]) {
  let query = db
    .selectFrom("person")
    .selectAll()
    .where("organization_id", "is not", null)
    .where((eb) => eb.or([eb("next_digest_at", "is", null), eb("next_digest_at", "<=", now)]))
    .orderBy("next_digest_at")
    .limit(limit);
  if (skip.length > 0) query = query.where("id", "not in", skip);
  return query.execute();
}

/** Moves the person's next slot on, unless someone else already did (a schedule change, another instance). */
export async function setNextDigestAt(
  db: Db,
  personId: string,
  seen: string | null,
  next: string,
): Promise<void> {
  await db
    .updateTable("person")
    .set({ next_digest_at: next })
    .where("id", "=", personId)
    .where("next_digest_at", seen === null ? "is" : "=", seen)
    .execute();
}
