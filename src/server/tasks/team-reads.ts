import { type Kysely, sql, type Transaction } from "kysely";
import { type DialectName, jsonListOf } from "../db/dialect";
import { precompiled } from "../db/precompiled";
import type { Database } from "../db/schema";
import { type PresentedRow, presentedColumns } from "./store";

type Db = Kysely<Database> | Transaction<Database>;

/** A direct report as the team view names them, with their plate's version. */
export interface ReportRow {
  id: string;
  name: string;
  title: string | null;
  time_zone: string;
  plate_version: number;
}

/** A report with what their load is counted from, without reading their tasks' rows. */
export interface ReportLoadRow extends ReportRow {
  open: number | string;
  triage: number | string;
  /** The due instants of their dated open tasks (a `jsonListOf` list). */
  due_ats: unknown;
  /** The weeks of the urgent interruptions they received lately, one per interruption (a `jsonListOf` list). */
  urgent_weeks: unknown;
}

/** One of the first tasks of a report's plate, or a report whose plate is empty (task columns null). */
export type TopRow = { report_id: string; plate_version: number; rank: string | null } & {
  [K in keyof PresentedRow]: PresentedRow[K] | null;
};

const byName = sql`order by p.name, p.id`;

const reportsQuery = precompiled<{ managerId: string }, ReportRow>(
  (_db, $) => sql<ReportRow>`
    select p.id, p.name, p.title, p.time_zone, p.plate_version
    from person p where p.manager_id = ${$("managerId")}
    ${byName}`,
);

/** A manager's direct reports by name, with their plates' versions: what revalidating a team view reads. */
export async function reportsOf(db: Db, managerId: string): Promise<ReportRow[]> {
  return reportsQuery.execute(db, { managerId });
}

function loadsQueryOf(dialect: DialectName) {
  return precompiled<{ managerId: string; since: string }, ReportLoadRow>(
    (_db, $) => sql<ReportLoadRow>`
      select p.id, p.name, p.title, p.time_zone, p.plate_version,
        (select count(*) from task t where t.owner_id = p.id and t.rank is not null) as open,
        (select count(*) from task t where t.owner_id = p.id and t.state = 'triage') as triage,
        (select ${jsonListOf(dialect, sql`t.due_at`)} from task t
          where t.owner_id = p.id and t.rank is not null and t.due_at is not null) as due_ats,
        (select ${jsonListOf(dialect, sql`u.week`)} from urgent_use u
          where u.owner_id = p.id and u.week >= ${$("since")}) as urgent_weeks
      from person p where p.manager_id = ${$("managerId")}
      ${byName}`,
  );
}

const loadsQueries = { sqlite: loadsQueryOf("sqlite"), postgres: loadsQueryOf("postgres") };

/**
 * A manager's direct reports by name, each with their plate's version, open and triage counts, the
 * due instants of their dated open tasks, and the weeks of the urgent interruptions they received
 * since `since`: one row per report, read from indexes only.
 */
export async function reportLoads(
  db: Db,
  dialect: DialectName,
  managerId: string,
  since: string,
): Promise<ReportLoadRow[]> {
  return loadsQueries[dialect].execute(db, { managerId, since });
}

/** Above every key of a plate: keys are base-62 digits, compared byte by byte. */
const aboveEveryKey = "~";

// Each report's tasks up to the `skip + 1`-th of their plate: a task is among the first when its key
// is at most that task's key (every key when the plate is shorter). A report with none comes as one
// row of nulls, so that every report's version is read by this statement too. Rows come in no
// particular order (sorting them here would cost more than sorting a few in JavaScript).
const topsQuery = precompiled<{ managerId: string; skip: number }, TopRow>(
  (_db, $) => sql<TopRow>`
    select p.id as report_id, p.plate_version, t.rank,
      ${sql.join(presentedColumns.map((column) => sql.ref(`t.${column}`)))}
    from person p left join task t on t.owner_id = p.id and t.rank is not null
      and t.rank <= coalesce(
        (select x.rank from task x where x.owner_id = p.id and x.rank is not null
          order by x.rank limit 1 offset ${$("skip")}),
        ${aboveEveryKey})
    where p.manager_id = ${$("managerId")}`,
);

/** The first `count` (at least 1) tasks of each direct report's plate, in no particular order. */
export async function topsOfReports(db: Db, managerId: string, count: number): Promise<TopRow[]> {
  return topsQuery.execute(db, { managerId, skip: count - 1 });
}
