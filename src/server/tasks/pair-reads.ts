import { type Kysely, sql, type Transaction } from "kysely";
import { precompiled } from "../db/precompiled";
import type { Database } from "../db/schema";
import {
  headerOf,
  type PlateHeader,
  type PlateHeaderRow,
  type PresentedRow,
  presentedColumns,
} from "./store";

/**
 * The reads of two plates at once that a one-on-one's agenda makes: both people's headers, their open
 * work falling due, what each finished in a window, and the action items of meetings, each in as
 * few statements as SQLite and PostgreSQL answer fastest, all precompiled.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** The most tasks of each kind a one-on-one's agenda lists (`finishedBetween`). */
export const finishedBetweenLimit = 50;

const finishedBetweenQueries = {
  done: precompiled<{ ownerId: string; since: string; until: string }, PresentedRow>((db, $) =>
    db
      .selectFrom("task")
      .select(presentedColumns)
      .where("owner_id", "=", $("ownerId"))
      .where("state", "=", "done")
      .where("completed_at", ">", $("since"))
      .where("completed_at", "<=", $("until"))
      .orderBy("completed_at", "desc")
      .orderBy("id", "desc")
      .limit(finishedBetweenLimit),
  ),
  dropped: precompiled<{ ownerId: string; since: string; until: string }, PresentedRow>((db, $) =>
    db
      .selectFrom("task")
      .select(presentedColumns)
      .where("owner_id", "=", $("ownerId"))
      .where("state", "=", "dropped")
      .where("dropped_at", ">", $("since"))
      .where("dropped_at", "<=", $("until"))
      .orderBy("dropped_at", "desc")
      .orderBy("id", "desc")
      .limit(finishedBetweenLimit),
  ),
};

/** A plate's tasks done (or dropped) in `(since, until]`, most recent first, at most `finishedBetweenLimit`. */
export async function finishedBetween(
  db: Db,
  ownerId: string,
  state: "done" | "dropped",
  window: { since: string; until: string },
): Promise<PresentedRow[]> {
  return finishedBetweenQueries[state].execute(db, { ownerId, ...window });
}

const presentedList = (table: string) =>
  sql.join(presentedColumns.map((column) => sql.ref(`${table}.${column}`)));

/**
 * The 1-based position of task `t` on its owner's plate, as `positionOf` counts it (null when not
 * on it). A count, which both dialects answer as a number.
 */
const positionOnPlate = sql<number | null>`case when t.rank is null then null
  else (select count(*) from task a where a.owner_id = t.owner_id and a.rank < t.rank) + 1 end`;

/** An open or in-progress task with its position on its owner's plate. */
export type PlacedRow = PresentedRow & { position: number };

/** The two people of a one-on-one, whose plates its agenda reads together. */
type Pair = { first: string; second: string };

const dueOnPlatesQuery = precompiled<Pair & { dueBy: string }, PlacedRow>(
  (_db, $) => sql<PlacedRow>`
    select ${presentedList("t")}, ${positionOnPlate} as position
    from task t
    where t.owner_id in (${$("first")}, ${$("second")}) and t.rank is not null
      and t.due_at is not null and t.due_at <= ${$("dueBy")}
    order by t.owner_id, t.rank`,
);

/**
 * The open and in-progress tasks of two plates due at or before `dueBy`, plate by plate in priority
 * order, each with its position on its plate: what a one-on-one's agenda needs of the open work,
 * without reading the rest, in one query.
 */
export async function dueOnPlatesOfPair(
  db: Db,
  [first, second]: readonly [string, string],
  dueBy: string,
): Promise<PlacedRow[]> {
  return dueOnPlatesQuery.execute(db, { first, second, dueBy });
}

/** The most action items a meeting lists. */
export const actionItemsLimit = 200;

type OfMeetingRow = PresentedRow & { position: number | null };

const ofMeetings = precompiled<{ first: string; second: string }, OfMeetingRow>(
  (_db, $) => sql<OfMeetingRow>`
    select ${presentedList("t")}, ${positionOnPlate} as position
    from task t where t.meeting_id in (${$("first")}, ${$("second")})
    order by t.created_at, t.id limit ${sql.lit(actionItemsLimit)}`,
);

/**
 * The tasks added from either of two meetings (their action items; name one meeting twice for its
 * own), oldest first, each with its position on its owner's plate (null when not on it), in one query.
 */
export async function tasksOfMeetings(
  db: Db,
  [first, second]: readonly [string, string],
): Promise<OfMeetingRow[]> {
  return ofMeetings.execute(db, { first, second });
}

/**
 * `plateHeaderQuery` of two owners in one query, each owner's rows in the same order. Each owner is
 * named in a branch of its own: SQLite answers that faster than one `in` list.
 */
const pairHeaderQuery = precompiled<Pair, PlateHeaderRow & { owner_id: string }>((_db, $) => {
  const owner = (name: keyof Pair) => sql`
    select o.id as owner_id, 0 as depth, o.id, o.organization_id, o.time_zone,
      (select count(*) from task t where t.owner_id = o.id and t.state = 'triage') as triage
    from person o where o.id = ${$(name)}`;
  const start = (name: keyof Pair) =>
    sql`select id, manager_id, 1 from person where id = ${$(name)} and manager_id is not null`;
  return sql<PlateHeaderRow & { owner_id: string }>`
    with recursive chain(owner_id, id, depth) as (
      ${start("first")}
      union all
      ${start("second")}
      union all
      select chain.owner_id, p.manager_id, chain.depth + 1 from person p join chain on p.id = chain.id
      where p.manager_id is not null and chain.depth < 1000
    )
    ${owner("first")}
    union all
    ${owner("second")}
    union all
    select owner_id, depth, id, null, null, null from chain
    order by owner_id, depth`;
});

/** `plateHeader` of two people in one query, by owner id (absent when there is no such person). */
export async function plateHeadersOfPair(
  db: Db,
  [first, second]: readonly [string, string],
): Promise<Map<string, PlateHeader>> {
  const rows = await pairHeaderQuery.execute(db, { first, second });
  const headers = new Map<string, PlateHeader>();
  for (const ownerId of [first, second]) {
    const header = headerOf(rows.filter((row) => row.owner_id === ownerId));
    if (header) headers.set(ownerId, header);
  }
  return headers;
}
