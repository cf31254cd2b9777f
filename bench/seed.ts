import type { Kysely } from "kysely";
import type { Database } from "../src/server/db/schema";

const zones = [
  "Europe/Paris",
  "America/New_York",
  "Asia/Tokyo",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "UTC",
];

/**
 * An organization of `size` people under one owner, eight reports per manager, written in bulk.
 * Returns the organization id and the owner's id.
 */
export async function seedOrganization(
  db: Kysely<Database>,
  size: number,
): Promise<{ organizationId: string; ownerId: string }> {
  const now = new Date().toISOString();
  const organizationId = "bench-org";
  await db
    .insertInto("organization")
    .values({ id: organizationId, name: "Bench Corp", created_at: now })
    .execute();
  const idOf = (index: number) => `bench-person-${index}`;
  const batch = 500;
  for (let start = 0; start < size; start += batch) {
    const rows = [];
    for (let index = start; index < Math.min(size, start + batch); index++) {
      rows.push({
        id: idOf(index),
        name: `Person ${index}`,
        email: `person${index}@bench.example`,
        email_verified: 0,
        image: null,
        created_at: now,
        updated_at: now,
        organization_id: organizationId,
        role: index === 0 ? ("owner" as const) : ("member" as const),
        manager_id: index === 0 ? null : idOf(Math.floor((index - 1) / 8)),
        title: null,
        time_zone: zones[index % zones.length] ?? "UTC",
        away_from: null,
        away_until: null,
      });
    }
    await db.insertInto("person").values(rows).execute();
  }
  return { organizationId, ownerId: idOf(0) };
}
