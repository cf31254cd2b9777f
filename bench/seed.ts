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

/** A manager of eight reports in the seeded tree, given 32 more by `gatherWideTeam`: 40 in all. */
export const wideTeamManager = 101;
export const wideTeamSize = 40;

/**
 * An organization of `size` people under one owner, eight reports per manager (and one manager of
 * 40, see `gatherWideTeam`), each with a plate of `tasksPerPerson` tasks (20 open, the rest done),
 * written in bulk by the database itself.
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
  await gatherWideTeam(db, size);
  await seedTasks(db, dialect, tasksPerPerson, now);
}

/**
 * Gives `wideTeamManager` 32 more direct reports, so a team of 40 can be read, changing as little of
 * the tree as it can: the last eight managers whose eight reports are all individual contributors
 * each hand over their fifth to eighth report. Those 32 manage no one, so nothing moves beneath them;
 * the first four reports of each manager stay (the one-on-ones seed meets the first two and takes
 * feedback from the next two), and the eight managers keep four reports each. It runs before the
 * tasks are written, so each moved person's tasks are requested by their new manager, as everyone's
 * are by their own.
 */
async function gatherWideTeam(db: Kysely<Database>, size: number): Promise<void> {
  const lastManager = Math.floor((size - 2) / 8);
  const lastFullManager = Math.floor((size - 9) / 8);
  const donors = Array.from({ length: 8 }, (_, index) => lastFullManager - 7 + index);
  // The manager has its eight reports, the donors are others, and the people they give manage no one.
  const fits = 8 * wideTeamManager + 8 < size && !donors.includes(wideTeamManager);
  if (!fits || 8 * (donors[0] as number) + 1 <= lastManager) {
    throw new Error(`an organization of ${size} people is too small for a manager of ${wideTeamSize}`);
  }
  const moved = donors.flatMap((donor) => [5, 6, 7, 8].map((place) => personId(8 * donor + place)));
  await db
    .updateTable("person")
    .set({ manager_id: personId(wideTeamManager) })
    .where("id", "in", moved)
    .execute();
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
