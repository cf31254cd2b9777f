/** The task write path's statements: a task and its records written, and what a write reads under the plate's lock. */
import { type Insertable, sql, type Transaction, type Updateable } from "kysely";
import type { TaskSubject } from "../../core/access";
import type { Ranked } from "../../core/ranks";
import { type DialectName, jsonListOf, listFrom } from "../db/dialect";
import { precompiled, precompiledInsert, precompiledWith } from "../db/precompiled";
import type { Database, TaskEventTable, TaskTable } from "../db/schema";
import { inboxEntryInsert, type NewInboxEntry } from "../inbox/store";
import { type TaskEventRow, taskEventDeliveries } from "../webhooks/enqueue";

import { chainTable, type TaskRow } from "./store";

export type NewTaskEvent = Insertable<TaskEventTable>;

const historyInsert = precompiledInsert<"task_event", NewTaskEvent>("task_event", [
  "task_id",
  "actor_id",
  "at",
  "kind",
  "from_value",
  "to_value",
]);

/** What a task write leaves behind besides the task's row: its history, new inbox entries, its webhook event. */
export interface TaskRecords {
  history: readonly NewTaskEvent[];
  entries: readonly NewInboxEntry[];
  /** Its webhook event (`webhooks/enqueue.ts`): a delivery for each endpoint that takes it. */
  webhooks?: readonly TaskEventRow[];
}

/** The records go with the task's statement (see `precompiledWith`): one statement on PostgreSQL. */
const recordInserts = [historyInsert, inboxEntryInsert, taskEventDeliveries];

const recorded = (dialect: DialectName, records: TaskRecords) => ({
  dialect,
  rows: [records.history, records.entries, records.webhooks ?? []],
});

/** What a new task is written with; the other columns start empty. */
export type NewTask = Required<
  Pick<
    Insertable<TaskTable>,
    | "id"
    | "organization_id"
    | "owner_id"
    | "requester_id"
    | "request_id"
    | "meeting_id"
    | "goal_id"
    | "title"
    | "notes"
    | "state"
    | "rank"
    | "due_date"
    | "due_at"
    | "urgent"
    | "created_at"
    | "updated_at"
  >
>;

const taskInsert = precompiledWith<NewTask, TaskRow>(
  (db, $) =>
    db
      .insertInto("task")
      .values({
        id: $("id"),
        organization_id: $("organization_id"),
        owner_id: $("owner_id"),
        requester_id: $("requester_id"),
        request_id: $("request_id"),
        meeting_id: $("meeting_id"),
        goal_id: $("goal_id"),
        title: $("title"),
        notes: $("notes"),
        state: $("state"),
        rank: $("rank"),
        due_date: $("due_date"),
        due_at: $("due_at"),
        urgent: $("urgent"),
        created_at: $("created_at"),
        updated_at: $("updated_at"),
      })
      .returningAll(),
  recordInserts,
);

/** Writes a new task with its records. */
export async function insertTask(
  trx: Transaction<Database>,
  dialect: DialectName,
  row: NewTask,
  records: TaskRecords,
): Promise<TaskRow> {
  return firstOf(await taskInsert.execute(trx, row, recorded(dialect, records)));
}

type TaskChanges = Omit<Updateable<TaskTable>, "id" | "version">;

/** The update of one set of columns (and the version), compiled once per set. */
const taskUpdates = new Map<
  string,
  ReturnType<typeof precompiledWith<TaskChanges & { id: string }, TaskRow>>
>();

function taskUpdateOf(columns: readonly (keyof TaskChanges & string)[]) {
  const key = columns.join(",");
  let update = taskUpdates.get(key);
  if (!update) {
    update = precompiledWith<TaskChanges & { id: string }, TaskRow>(
      (db, $) =>
        db
          .updateTable("task")
          .set((eb) => ({
            ...Object.fromEntries(columns.map((column) => [column, $(column)])),
            version: eb("version", "+", 1),
          }))
          .where("id", "=", $("id"))
          .returningAll(),
      recordInserts,
    );
    taskUpdates.set(key, update);
  }
  return update;
}

/** Writes `changes` and the next version, with the change's records when given; answers the row as it now is. */
export async function updateTask(
  trx: Transaction<Database>,
  id: string,
  changes: TaskChanges,
  records?: { dialect: DialectName } & TaskRecords,
): Promise<TaskRow> {
  const columns = (Object.keys(changes) as (keyof TaskChanges & string)[])
    .filter((column) => changes[column] !== undefined)
    .sort();
  const along = records === undefined ? undefined : recorded(records.dialect, records);
  return firstOf(await taskUpdateOf(columns).execute(trx, { ...changes, id }, along));
}

function firstOf(rows: readonly TaskRow[]): TaskRow {
  const [row] = rows;
  if (row === undefined) throw new Error("The task was not written");
  return row;
}

export async function appendHistory(
  trx: Transaction<Database>,
  entries: readonly NewTaskEvent[],
): Promise<void> {
  await historyInsert.execute(trx, entries);
}

interface OwnerRow {
  id: string;
  organization_id: string | null;
  name: string;
  time_zone: string;
  chain: unknown;
}

/**
 * The owner with the people above them (nearest first, a `jsonListOf` list): one row. On PostgreSQL
 * it takes the plate's lock too (see `lockPlate`): the owner's row is then read as the lock leaves
 * it, the people above as they were when the statement began.
 */
function ownerQueryOf(dialect: DialectName) {
  return precompiled<{ ownerId: string }, OwnerRow>(
    (_db, $) => sql<OwnerRow>`
      with recursive ${chainTable($("ownerId"))},
        above(ids) as (select ${jsonListOf(dialect, sql`id`, sql`depth`)} from chain)
      select o.id, o.organization_id, o.name, o.time_zone, above.ids as chain
      from person o cross join above where o.id = ${$("ownerId")}
      ${dialect === "postgres" ? sql`for no key update of o` : sql``}`,
  );
}

const ownerQueries = { sqlite: ownerQueryOf("sqlite"), postgres: ownerQueryOf("postgres") };

/**
 * What adding to a plate needs of its owner, in one statement that also locks the plate: who they
 * are, their zone and the people above them, nearest first. Undefined when there is no such person.
 */
export async function lockedPlateOwner(trx: Transaction<Database>, dialect: DialectName, ownerId: string) {
  const owner = await ownerQueries[dialect].first(trx, { ownerId });
  if (owner === undefined) return undefined;
  return {
    id: owner.id,
    organizationId: owner.organization_id,
    name: owner.name,
    timeZone: owner.time_zone,
    chain: listFrom(owner.chain) as string[],
  };
}

/** Every column of a task: one missing here fails to compile. */
const everyTaskColumn: Record<keyof TaskTable, true> = {
  id: true,
  organization_id: true,
  owner_id: true,
  requester_id: true,
  request_id: true,
  meeting_id: true,
  goal_id: true,
  title: true,
  notes: true,
  state: true,
  rank: true,
  due_date: true,
  due_at: true,
  urgent: true,
  created_at: true,
  updated_at: true,
  started_at: true,
  completed_at: true,
  dropped_at: true,
  drop_reason: true,
  version: true,
};
const taskColumns = Object.keys(everyTaskColumn) as (keyof TaskTable)[];

type TaskForChangeRow = TaskRow & { chain: unknown; pair_first: string | null; pair_second: string | null };

/**
 * The task, the people above its owner (nearest first, a `jsonListOf` list) and the two people of
 * the meeting it was added from, if any: one row.
 */
function taskForChangeQueryOf(dialect: DialectName) {
  return precompiled<{ taskId: string }, TaskForChangeRow>((_db, $) => {
    const pair = (column: string) => sql`(select s.${sql.ref(column)} from meeting m
      join one_on_one s on s.id = m.series_id where m.id = t.meeting_id)`;
    return sql<TaskForChangeRow>`
      with recursive ${chainTable(sql`(select owner_id from task where id = ${$("taskId")})`)},
        above(ids) as (select ${jsonListOf(dialect, sql`id`, sql`depth`)} from chain)
      select ${sql.join(taskColumns.map((column) => sql.ref(`t.${column}`)))}, above.ids as chain,
        ${pair("first_person_id")} as pair_first, ${pair("second_person_id")} as pair_second
      from task t cross join above where t.id = ${$("taskId")}`;
  });
}

const taskForChangeQueries = {
  sqlite: taskForChangeQueryOf("sqlite"),
  postgres: taskForChangeQueryOf("postgres"),
};

/**
 * What changing a task starts from, in one statement: the task, and the task as authorization sees
 * it (its plate, its requester, the owner's management chain, the pair of the one-on-one it was
 * added from). Undefined when there is no such task.
 */
export async function taskForChange(
  trx: Transaction<Database>,
  dialect: DialectName,
  taskId: string,
): Promise<{ task: TaskRow; subject: TaskSubject } | undefined> {
  const row = await taskForChangeQueries[dialect].first(trx, { taskId });
  if (row === undefined) return undefined;
  const { chain, pair_first, pair_second, ...task } = row;
  const subject: TaskSubject = {
    ownerId: task.owner_id,
    organizationId: task.organization_id,
    requesterId: task.requester_id,
    chain: listFrom(chain) as string[],
  };
  if (task.meeting_id !== null) subject.meetingParticipantIds = [pair_first, pair_second].filter(isId);
  return { task, subject };
}

const isId = (id: string | null): id is string => id !== null;

const firstRanked = precompiled<{ ownerId: string }, Ranked>((db, $) =>
  db
    .selectFrom("task")
    .select(["id", "rank"])
    .where("owner_id", "=", $("ownerId"))
    .where("rank", "is not", null)
    .orderBy("rank")
    .limit(sql.lit(1)),
);

/** The task at the top of a plate: all that placing another above it needs. */
export async function topOfPlate(trx: Transaction<Database>, ownerId: string): Promise<Ranked | undefined> {
  return firstRanked.first(trx, { ownerId });
}
