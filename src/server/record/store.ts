import { type Kysely, sql, type Transaction } from "kysely";
import type { DueHistoryEntry, FinishedTask } from "../../core/record";
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

interface FinishedRow {
  id: string;
  title: string;
  state: "done" | "dropped";
  requester_id: string;
  request_id: string | null;
  created_at: string;
  finished_at: string;
  drop_reason: string | null;
  due_date: string | null;
  due_at: string | null;
}

/**
 * The ids of an owner's tasks that became done or dropped in the window, as SQL: each branch is a
 * range on an index of the owner's tasks.
 */
const finishedIn = (
  $: <K extends keyof Window>(name: K) => Window[K],
  columns: ReturnType<typeof sql>,
) => sql`
  select ${columns}, completed_at as finished_at from task
  where owner_id = ${$("ownerId")} and state = 'done' and completed_at >= ${$("start")} and completed_at < ${$("end")}
  union all
  select ${columns}, dropped_at as finished_at from task
  where owner_id = ${$("ownerId")} and state = 'dropped' and dropped_at >= ${$("start")} and dropped_at < ${$("end")}`;

const finishedColumns = sql.raw(
  "id, title, state, requester_id, request_id, created_at, drop_reason, due_date, due_at",
);

const finishedTasksQuery = precompiled<Window, FinishedRow>(
  (_db, $) => sql<FinishedRow>`${finishedIn($, finishedColumns)}`,
);

interface HistoryRow {
  task_id: string;
  kind: string;
  from_value: string | null;
  to_value: string | null;
}

/** What judging those tasks needs from their history: due changes and finishes, each task's oldest first. */
const dueHistoryQuery = precompiled<Window, HistoryRow>(
  (_db, $) => sql<HistoryRow>`
    select e.task_id, e.kind, e.from_value, e.to_value from task_event e
    where e.kind in ('due_changed', 'completed', 'dropped', 'declined')
      and e.task_id in (select id from (${finishedIn($, sql.raw("id"))}) finished)
    order by e.task_id, e.id`,
);

const requestsReceivedQuery = precompiled<Window, { received: number | string }>((db, $) =>
  db
    .selectFrom("task")
    .select((eb) => eb.fn.countAll<number>().as("received"))
    .where("owner_id", "=", $("ownerId"))
    .where("request_id", "is not", null)
    .where("created_at", ">=", $("start"))
    .where("created_at", "<", $("end")),
);

/** Everything a record of one person over one window is made from: three reads, none of them writes. */
export async function recordFacts(
  db: Db,
  window: Window,
): Promise<{ tasks: FinishedTask[]; history: DueHistoryEntry[]; requestsReceived: number }> {
  const [rows, history, received] = await Promise.all([
    finishedTasksQuery.execute(db, window),
    dueHistoryQuery.execute(db, window),
    requestsReceivedQuery.first(db, window),
  ]);
  return {
    tasks: rows.map((row) => ({
      id: row.id,
      title: row.title,
      state: row.state,
      requesterId: row.requester_id,
      requestId: row.request_id,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
      dropReason: row.drop_reason,
      due: dueOf(row),
      dueAt: row.due_at,
    })),
    history: history.map((row) => ({
      taskId: row.task_id,
      kind: row.kind,
      from: row.from_value,
      to: row.to_value,
    })),
    requestsReceived: Number(received?.received ?? 0),
  };
}

/** The names of some people, by id: who asked for the work in a packet. */
export async function namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("person").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
