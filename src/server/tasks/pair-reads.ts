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
 * The reads of two plates at once that a one-on-one's page makes, precompiled: both people's headers
 * (which decide whose plate the reader may see), then every task the page shows in one statement.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** The most tasks of each kind a one-on-one's agenda lists. */
export const finishedBetweenLimit = 50;

/** The most action items a meeting lists. */
export const actionItemsLimit = 200;

const presentedList = (table: string) =>
  sql.join(presentedColumns.map((column) => sql.ref(`${table}.${column}`)));

/**
 * The 1-based position of task `t` on its owner's plate, as `positionOf` counts it (null when not
 * on it). A count, which both dialects answer as a number.
 */
const positionOnPlate = sql<number | null>`case when t.rank is null then null
  else (select count(*) from task a where a.owner_id = t.owner_id and a.rank < t.rank) + 1 end`;

/** A task with its position on its owner's plate (null when not on it). */
export type PlacedRow = PresentedRow & { position: number | null };

/** What one meeting's page shows of tasks (`meetingTasks`). */
export interface MeetingTasks {
  /** Per plate read: done and dropped in the window, most recent first, each at most `finishedBetweenLimit`. */
  finished: Map<string, { done: PresentedRow[]; dropped: PresentedRow[] }>;
  /** The open work of the plates read due at or before `dueBy`, plate by plate in priority order. */
  due: PlacedRow[];
  /** The tasks added from the two meetings named (their action items), oldest first. */
  actionItems: PlacedRow[];
}

type MeetingTasksParams = {
  first: string | null;
  second: string | null;
  since: string;
  until: string;
  dueBy: string | null;
  meeting: string;
  heldBefore: string;
};

/** Which part of `MeetingTasks` a row of the query belongs to. */
const branch = {
  firstDone: 1,
  secondDone: 2,
  firstDropped: 3,
  secondDropped: 4,
  due: 5,
  actionItem: 6,
} as const;
type MeetingTaskRow = PlacedRow & { branch: number };

/**
 * Every task a meeting's page shows, in one statement of six branches: each plate's done and dropped
 * tasks in the window, the plates' open work due by then, and the meetings' action items. One
 * statement costs far less than six on both dialects; each branch keeps its own index and limit.
 * An owner given as null reads nothing, so a plate the reader may not see is never read.
 */
const meetingTasksQuery = precompiled<MeetingTasksParams, MeetingTaskRow>((_db, $) => {
  const finished = (tag: number, owner: "first" | "second", state: "done" | "dropped") => {
    const at = sql.ref(state === "done" ? "t.completed_at" : "t.dropped_at");
    return sql`select * from (
      select ${sql.lit(tag)} as branch, ${presentedList("t")}, cast(null as integer) as position
      from task t where t.owner_id = ${$(owner)} and t.state = ${state}
        and ${at} > ${$("since")} and ${at} <= ${$("until")}
      order by ${at} desc, t.id desc limit ${sql.lit(finishedBetweenLimit)}) as ${sql.raw(`b${tag}`)}`;
  };
  return sql<MeetingTaskRow>`
    ${finished(branch.firstDone, "first", "done")}
    union all ${finished(branch.secondDone, "second", "done")}
    union all ${finished(branch.firstDropped, "first", "dropped")}
    union all ${finished(branch.secondDropped, "second", "dropped")}
    union all select ${sql.lit(branch.due)}, ${presentedList("t")}, ${positionOnPlate}
      from task t where t.owner_id in (${$("first")}, ${$("second")}) and t.rank is not null
        and t.due_at is not null and t.due_at <= ${$("dueBy")}
    union all select * from (
      select ${sql.lit(branch.actionItem)} as branch, ${presentedList("t")}, ${positionOnPlate}
      from task t where t.meeting_id in (${$("heldBefore")}, ${$("meeting")})
      order by t.created_at, t.id limit ${sql.lit(actionItemsLimit)}) as ${sql.raw(`b${branch.actionItem}`)}`;
});

/** Orders rows by string keys in turn, each ascending or descending. */
const byKeys =
  <T>(...keys: [(row: T) => string | number | null, "asc" | "desc"][]) =>
  (a: T, b: T): number => {
    for (const [key, direction] of keys) {
      const [x, y] = [key(a) ?? "", key(b) ?? ""];
      if (x !== y) return (x < y ? -1 : 1) * (direction === "asc" ? 1 : -1);
    }
    return 0;
  };
const mostRecentlyDone = byKeys<PlacedRow>([(row) => row.completed_at, "desc"], [(row) => row.id, "desc"]);
const mostRecentlyDropped = byKeys<PlacedRow>([(row) => row.dropped_at, "desc"], [(row) => row.id, "desc"]);
const inPlateOrder = byKeys<PlacedRow>([(row) => row.owner_id, "asc"], [(row) => row.position, "asc"]);
const oldestFirst = byKeys<PlacedRow>([(row) => row.created_at, "asc"], [(row) => row.id, "asc"]);

/**
 * The tasks a meeting's page shows (`MeetingTasks`): for each of `owners` (the plates the reader may
 * see, at most two), what finished in `window` and, unless `dueBy` is null, the open work due by
 * then; and the action items of the meeting and of the one held before it (name the meeting twice
 * when none was). Each part comes in its own order, whatever order the branches arrive in.
 */
export async function meetingTasks(
  db: Db,
  request: {
    owners: readonly string[];
    window: { since: string; until: string };
    dueBy: string | null;
    meetings: readonly [string, string];
  },
): Promise<MeetingTasks> {
  const [first = null, second = null] = request.owners;
  const [heldBefore, meeting] = request.meetings;
  const rows = await meetingTasksQuery.execute(db, {
    first,
    second,
    ...request.window,
    dueBy: request.dueBy,
    meeting,
    heldBefore,
  });
  // Rows keep their `branch` column: presenting a task reads only the task's own fields.
  const parts: PlacedRow[][] = [[], [], [], [], [], [], []];
  for (const row of rows) parts[row.branch]?.push(row);
  const part = (tag: number) => parts[tag] as PlacedRow[];
  const finished = new Map<string, { done: PresentedRow[]; dropped: PresentedRow[] }>();
  if (first !== null) {
    finished.set(first, {
      done: part(branch.firstDone).sort(mostRecentlyDone),
      dropped: part(branch.firstDropped).sort(mostRecentlyDropped),
    });
  }
  if (second !== null) {
    finished.set(second, {
      done: part(branch.secondDone).sort(mostRecentlyDone),
      dropped: part(branch.secondDropped).sort(mostRecentlyDropped),
    });
  }
  return {
    finished,
    due: part(branch.due).sort(inPlateOrder),
    actionItems: part(branch.actionItem).sort(oldestFirst),
  };
}

/** The two people of a one-on-one, whose plates its agenda reads together. */
type Pair = { first: string; second: string };

/**
 * `plateHeaderQuery` of two owners in one query, each owner's rows in the same order. Each owner is
 * named in a branch of its own: SQLite answers that faster than one `in` list.
 */
const pairHeaderQuery = precompiled<Pair, PlateHeaderRow & { owner_id: string }>((_db, $) => {
  const owner = (name: keyof Pair) => sql`
    select o.id as owner_id, 0 as depth, o.id, o.organization_id, o.time_zone,
      (select count(*) from task t where t.owner_id = o.id and t.state = 'triage') as triage,
      o.plate_version
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
    select owner_id, depth, id, null, null, null, null from chain
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
