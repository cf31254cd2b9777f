import { generateKeyBetween } from "fractional-indexing";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DialectName } from "../src/server/db/dialect";
import type { Database } from "../src/server/db/schema";

const zones = [
  "Europe/Paris",
  "America/New_York",
  "Asia/Tokyo",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "UTC",
];

export const organizationId = "bench-org";
export const personId = (index: number) => `bench-person-${index}`;
export const taskId = (person: number, index: number) => `${personId(person)}-t${index}`;
/** The time zone of the person at `index`. */
export const zoneOf = (index: number): string => zones[index % zones.length] ?? "UTC";

/** Each plate: this many open tasks (the first three in progress), then done ones up to `tasksPerPerson`. */
export const openPerPlate = 20;
export const inProgressPerPlate = 3;

/**
 * An organization of `size` people under one owner, eight reports per manager, each with a plate
 * of `tasksPerPerson` tasks (20 open, the rest done), written in bulk by the database itself.
 */
export async function seedOrganization(
  db: Kysely<Database>,
  dialect: DialectName,
  size: number,
  tasksPerPerson: number,
): Promise<void> {
  const now = "2026-11-01T09:00:00.000Z";
  await db
    .insertInto("organization")
    .values({ id: organizationId, name: "Bench Corp", created_at: now })
    .execute();
  const batch = 1_000;
  for (let start = 0; start < size; start += batch) {
    const rows = [];
    for (let index = start; index < Math.min(size, start + batch); index++) {
      rows.push({
        id: personId(index),
        name: `Person ${index}`,
        email: `person${index}@bench.example`,
        email_verified: dialect === "postgres" ? false : 0,
        image: null,
        created_at: now,
        updated_at: now,
        organization_id: organizationId,
        role: index === 0 ? ("owner" as const) : ("member" as const),
        manager_id: index === 0 ? null : personId(Math.floor((index - 1) / 8)),
        title: null,
        time_zone: zoneOf(index),
        away_from: null,
        away_until: null,
      });
    }
    await db.insertInto("person").values(rows).execute();
  }
  await seedTasks(db, dialect, tasksPerPerson, now);
}

async function seedTasks(db: Kysely<Database>, dialect: DialectName, perPerson: number, now: string) {
  const instant = (value: string): RawBuilder<unknown> =>
    dialect === "postgres" ? sql`cast(${value} as timestamptz)` : sql`${value}`;
  const ranks: string[] = [];
  for (let index = 0; index < openPerPlate; index++)
    ranks.push(generateKeyBetween(ranks.at(-1) ?? null, null));
  const rankRows = sql.join(ranks.map((rank, index) => sql`(${sql.lit(index)}, ${sql.lit(rank)})`));
  const falseValue = dialect === "postgres" ? sql`false` : sql`0`;
  await sql`
    with recursive n(i) as (select 0 union all select i + 1 from n where i < ${sql.lit(perPerson - 1)}),
    ranks(i, rank) as (values ${rankRows})
    insert into task (id, organization_id, owner_id, requester_id, request_id, title, notes, state, rank,
      due_date, due_at, urgent, created_at, updated_at, started_at, completed_at, version)
    select p.id || '-t' || n.i, p.organization_id, p.id, coalesce(p.manager_id, p.id), null,
      'Task ' || n.i || ' of ' || p.name, '',
      case when n.i < ${sql.lit(inProgressPerPlate)} then 'in_progress'
           when n.i < ${sql.lit(openPerPlate)} then 'open' else 'done' end,
      ranks.rank,
      null,
      case when n.i % 4 = 0 then ${instant("2026-12-01T17:00:00.000Z")} else null end,
      ${falseValue},
      ${instant(now)}, ${instant(now)},
      case when n.i < ${sql.lit(inProgressPerPlate)} then ${instant(now)} else null end,
      case when n.i >= ${sql.lit(openPerPlate)} then ${instant(now)} else null end,
      1
    from person p cross join n left join ranks on ranks.i = n.i
    where p.organization_id = ${organizationId}`.execute(db);
  await sql`analyze`.execute(db);
}
