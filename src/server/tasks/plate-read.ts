import { type Kysely, sql, type Transaction } from "kysely";
import { precompiled } from "../db/precompiled";
import type { Database } from "../db/schema";
import {
  chainTable,
  headerOf,
  type PlateHeader,
  type PlateHeaderRow,
  type PresentedRow,
  presentedColumns,
  triageOf,
} from "./store";

type Db = Kysely<Database> | Transaction<Database>;

/** A row of a plate's read: a header row (depth 0 or more), or one of its open tasks (depth -1). */
type PlateReadRow = Omit<PlateHeaderRow, "id"> & { person_id: string | null } & {
  [K in keyof PresentedRow]: PresentedRow[K] | null;
} & { rank: string | null };

const taskColumns = sql.join([...presentedColumns, "rank"].map((column) => sql.ref(`t.${column}`)));
const noTask = sql.join([...presentedColumns, "rank"].map(() => sql`null`));

// The header and the open tasks in one statement: one round trip, and both read at the same moment,
// so the plate's version is the version of the tasks answered. The tasks' branch comes first so that
// its columns' types are the statement's (a header row's empty task columns are nulls of those types).
// Rows come in no particular order.
const plateReadQuery = precompiled<{ ownerId: string }, PlateReadRow>(
  (_db, $) => sql<PlateReadRow>`
    with recursive ${chainTable($("ownerId"))}
    select -1 as depth, cast(null as text) as person_id, cast(null as text) as organization_id,
      cast(null as text) as time_zone, cast(null as bigint) as triage, cast(null as integer) as plate_version,
      ${taskColumns}
    from task t where t.owner_id = ${$("ownerId")} and t.rank is not null
    union all
    select 0, o.id, o.organization_id, o.time_zone, ${triageOf("o")}, o.plate_version, ${noTask}
    from person o where o.id = ${$("ownerId")}
    union all
    select depth, id, null, null, null, null, ${noTask} from chain`,
);

/**
 * A plate's header (as `plateHeader` reads it) and its open and in-progress tasks in priority order,
 * read at once. Undefined when there is no such person.
 */
export async function readPlate(
  db: Db,
  ownerId: string,
): Promise<{ header: PlateHeader; open: PresentedRow[] } | undefined> {
  const header: PlateHeaderRow[] = [];
  const open: (PresentedRow & { rank: string })[] = [];
  for (const row of await plateReadQuery.execute(db, { ownerId })) {
    if (Number(row.depth) < 0) open.push(row as unknown as PresentedRow & { rank: string });
    else header.push({ ...row, id: row.person_id as string });
  }
  header.sort((a, b) => Number(a.depth) - Number(b.depth));
  open.sort((a, b) => (a.rank < b.rank ? -1 : 1));
  const read = headerOf(header);
  return read === undefined ? undefined : { header: read, open };
}
