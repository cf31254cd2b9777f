import type { Kysely, Transaction } from "kysely";
import type { AwayPeriod } from "../../core/schedule";
import type { Database } from "../db/schema";
import type { PersonRow } from "../people/store";

type Db = Kysely<Database> | Transaction<Database>;

export function awayPeriodOf(person: Pick<PersonRow, "away_from" | "away_until">): AwayPeriod | null {
  return person.away_from && person.away_until ? { from: person.away_from, until: person.away_until } : null;
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
