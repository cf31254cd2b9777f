import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { Actor } from "../../core/access";
import { precompiled } from "../db/precompiled";
import type { Database, PersonTable } from "../db/schema";

export type PersonRow = Selectable<PersonTable>;
type Db = Kysely<Database> | Transaction<Database>;

const personById = precompiled<{ id: string }, PersonRow>((db, $) =>
  db.selectFrom("person").selectAll().where("id", "=", $("id")),
);

export async function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  return personById.first(db, { id });
}

export async function findPersonByEmail(db: Db, email: string): Promise<PersonRow | undefined> {
  return db
    .selectFrom("person")
    .selectAll()
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findActor(db: Db, id: string): Promise<Actor | undefined> {
  return db
    .selectFrom("person")
    .select(["id", "organization_id as organizationId", "role"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function listPeople(db: Db, organizationId: string): Promise<PersonRow[]> {
  return db
    .selectFrom("person")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .orderBy("name")
    .orderBy("id")
    .execute();
}

/** The ids above `personId` in the reporting lines, nearest first (one recursive query). */
export async function chainAbove(db: Db, personId: string): Promise<string[]> {
  return (await chain.execute(db, { personId })).map((row) => row.id);
}

const chain = precompiled<{ personId: string }, { id: string; depth: number }>(
  (_db, $) => sql<{ id: string; depth: number }>`
    with recursive chain(id, depth) as (
      select manager_id, 1 from person where id = ${$("personId")} and manager_id is not null
      union all
      select p.manager_id, chain.depth + 1 from person p join chain on p.id = chain.id
      where p.manager_id is not null and chain.depth < 1000
    )
    select id, depth from chain order by depth`,
);

export async function countOwners(db: Db, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom("person")
    .select((eb) => eb.fn.countAll<number>().as("owners"))
    .where("organization_id", "=", organizationId)
    .where("role", "=", "owner")
    .executeTakeFirstOrThrow();
  return Number(row.owners);
}
