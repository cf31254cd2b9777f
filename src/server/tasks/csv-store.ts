import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

export interface Contact {
  name: string;
  email: string;
  timeZone: string;
}

/** The names, addresses and zones of some people, by id: the owner and requesters a plate's CSV names. */
export async function contactsOf(db: Db, ids: readonly string[]): Promise<Map<string, Contact>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom("person")
    .select(["id", "name", "email", "time_zone"])
    .where("id", "in", unique)
    .execute();
  return new Map(rows.map((row) => [row.id, { name: row.name, email: row.email, timeZone: row.time_zone }]));
}
