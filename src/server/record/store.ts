import { type Kysely, sql, type Transaction } from "kysely";
import type { DueHistoryEntry, FinishedTask } from "../../core/record";
import { type DialectName, idListValue, inIdList } from "../db/dialect";
import { precompiled } from "../db/precompiled";
import type { Database } from "../db/schema";
import { dueOf } from "../tasks/present";

type Db = Kysely<Database> | Transaction<Database>;

/** Whose tasks, finished in `[start, end)` (ISO instants). */
type Window = {
  ownerId: string;
  start: string;
  end: string;
};

/** A finished task as it stands, with the version that tells whether it changed since it was judged. */
export interface FinishedTaskRow extends FinishedTask {
  version: number;
}

interface FinishedRow {
  id: string;
  title: string;
  state: "done" | "dropped";
  requester_id: string;
  request_id: string | null;
  goal_id: string | null;
  created_at: string;
  finished_at: string;
  drop_reason: string | null;
  due_date: string | null;
  due_at: string | null;
  version: number;
}

const columns = sql.raw(
  "id, title, state, requester_id, request_id, goal_id, created_at, drop_reason, due_date, due_at, version",
);

/** An owner's tasks that became done or dropped in the window: each branch is a range on an index. */
const finishedTasksQuery = precompiled<Window, FinishedRow>(
  (_db, $) => sql<FinishedRow>`
    select ${columns}, completed_at as finished_at from task
    where owner_id = ${$("ownerId")} and state = 'done' and completed_at >= ${$("start")} and completed_at < ${$("end")}
    union all
    select ${columns}, dropped_at as finished_at from task
    where owner_id = ${$("ownerId")} and state = 'dropped' and dropped_at >= ${$("start")} and dropped_at < ${$("end")}`,
);

export async function finishedTasks(db: Db, window: Window): Promise<FinishedTaskRow[]> {
  return (await finishedTasksQuery.execute(db, window)).map((row) => ({
    id: row.id,
    title: row.title,
    state: row.state,
    requesterId: row.requester_id,
    requestId: row.request_id,
    goalId: row.goal_id,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    dropReason: row.drop_reason,
    due: dueOf(row),
    dueAt: row.due_at,
    version: Number(row.version),
  }));
}

interface HistoryRow {
  task_id: string;
  kind: string;
  from_value: string | null;
  to_value: string | null;
}

/** What judging tasks needs of their history: due changes and finishes, each task's oldest first. */
const dueHistoryQueries = Object.fromEntries(
  (["sqlite", "postgres"] as const).map((dialect) => [
    dialect,
    precompiled<{ ids: unknown }, HistoryRow>(
      (_db, $) => sql<HistoryRow>`
        select task_id, kind, from_value, to_value from task_event
        where ${inIdList(dialect, "task_id", $("ids"))}
          and kind in ('due_changed', 'completed', 'dropped', 'declined')
        order by task_id, id`,
    ),
  ]),
) as Record<DialectName, ReturnType<typeof precompiled<{ ids: unknown }, HistoryRow>>>;

export async function dueHistory(
  db: Db,
  dialect: DialectName,
  taskIds: readonly string[],
): Promise<DueHistoryEntry[]> {
  if (taskIds.length === 0) return [];
  const rows = await dueHistoryQueries[dialect].execute(db, { ids: idListValue(dialect, taskIds) });
  return rows.map((row) => ({ taskId: row.task_id, kind: row.kind, from: row.from_value, to: row.to_value }));
}

const requestsReceivedQuery = precompiled<Window, { received: number | string }>((db, $) =>
  db
    .selectFrom("task")
    .select((eb) => eb.fn.countAll<number>().as("received"))
    .where("owner_id", "=", $("ownerId"))
    .where("created_at", ">=", $("start"))
    .where("created_at", "<", $("end"))
    // Written so that no index of request ids can serve it: the owner's is the one to use, however
    // many tasks of team requests the organization holds.
    .where(sql<boolean>`coalesce(request_id, '') <> ''`),
);

/** How many tasks of team requests reached an owner in the window. */
export async function requestsReceived(db: Db, window: Window): Promise<number> {
  return Number((await requestsReceivedQuery.first(db, window))?.received ?? 0);
}

/** The names of some people, by id: who asked for the work in a packet. */
export async function namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("person").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
