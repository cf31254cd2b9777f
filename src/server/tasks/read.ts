import { z } from "zod";
import { Id, Instant } from "../../contract/common";
import type { HistoryPage, HistoryQuery, Plate, PlateQuery, Task, TeamMember } from "../../contract/tasks";
import { type Actor, authorize } from "../../core/access";
import { notFound } from "../../core/errors";
import { plateLoad } from "../../core/plate-load";
import type { AppContext } from "../context";
import { pageOf, readCursor } from "../db/pages";
import { interruptionsThisWeek } from "../urgent/lane";
import { loadPlate, loadTaskSubject } from "./access";
import { presentHistoryEntry, presentTask } from "./present";
import {
  countTriage,
  directReports,
  findTask,
  finishedTasks,
  openDueAts,
  plateHeader,
  plateTasks,
  positionOf,
  type TaskRow,
  taskHistory,
  topOfPlates,
  triageTasks,
} from "./store";

/** Triage, done and dropped tasks read at once unless the caller asks for fewer. */
const defaultPageLimit = 100;

const TriageCursor = z.tuple([Instant, Id]);
const readTriageCursor = (cursor: string) => {
  const [at, id] = readCursor(cursor, TriageCursor);
  return { at, id };
};

/** A person's plate (open tasks in order, or another state) and its load, for them and their chain. */
export async function getPlate(
  ctx: AppContext,
  actor: Actor,
  ownerId: string,
  query: PlateQuery,
): Promise<Plate> {
  // The tasks are read beside the header, not after it (one round trip less on PostgreSQL); they are
  // only answered once the header says the caller may see them.
  const [header, open] = await Promise.all([plateHeader(ctx.db, ownerId), plateTasks(ctx.db, ownerId)]);
  if (!header) throw notFound("Person");
  const { owner, chain, triage } = header;
  authorize(actor, {
    kind: "plate.read",
    plate: { ownerId: owner.id, organizationId: owner.organizationId, chain },
  });
  const now = ctx.clock.now();
  const load = plateLoad(
    open.map((task) => task.due_at),
    triage,
    now,
    owner.timeZone,
  );
  const limit = query.limit ?? defaultPageLimit;
  const { goalId } = query;
  const present = (rows: TaskRow[]) => rows.map((row) => presentTask(row, null, now));
  // Open tasks keep their positions on the whole plate when only one goal's are answered.
  const openItems = () =>
    open.flatMap((row, index) =>
      goalId === undefined || row.goal_id === goalId ? [presentTask(row, index + 1, now)] : [],
    );
  switch (query.state) {
    case "open":
      return { items: openItems(), load };
    case "triage": {
      const after = query.cursor === undefined ? undefined : readTriageCursor(query.cursor);
      const rows = await triageTasks(ctx.db, owner.id, { limit: limit + 1, after, goalId });
      const { page, next } = pageOf(rows, limit, (last) => [last.created_at, last.id]);
      return { items: present(page), load, ...next };
    }
    case "done":
    case "dropped":
      return { items: present(await finishedTasks(ctx.db, owner.id, query.state, limit, goalId)), load };
    case "all": {
      const [triage, done, dropped] = await Promise.all([
        triageTasks(ctx.db, owner.id, { limit, goalId }),
        finishedTasks(ctx.db, owner.id, "done", limit, goalId),
        finishedTasks(ctx.db, owner.id, "dropped", limit, goalId),
      ]);
      const finished = [...done, ...dropped]
        .sort((a, b) => finishedAt(b).localeCompare(finishedAt(a)))
        .slice(0, limit);
      return { items: [...openItems(), ...present(triage), ...present(finished)], load };
    }
  }
}

const finishedAt = (row: TaskRow) => row.completed_at ?? row.dropped_at ?? "";

export async function getTask(ctx: AppContext, actor: Actor, id: string): Promise<Task> {
  const task = await visibleTask(ctx, actor, id);
  return presentTask(task, await positionOf(ctx.db, task), ctx.clock.now());
}

const HistoryCursor = z.tuple([z.string().regex(/^\d{1,15}$/)]);

/** A task's history, oldest first, a page at a time, for whoever may see the task. */
export async function getTaskHistory(
  ctx: AppContext,
  actor: Actor,
  id: string,
  query: HistoryQuery,
): Promise<HistoryPage> {
  const task = await visibleTask(ctx, actor, id);
  const afterId = query.cursor === undefined ? undefined : Number(readCursor(query.cursor, HistoryCursor)[0]);
  const rows = await taskHistory(ctx.db, task.id, { limit: query.limit + 1, afterId });
  const { page, next } = pageOf(rows, query.limit, (last) => [String(last.id)]);
  return { items: page.map(presentHistoryEntry), ...next };
}

async function visibleTask(ctx: AppContext, actor: Actor, id: string): Promise<TaskRow> {
  const task = await findTask(ctx.db, id);
  if (!task) throw notFound("Task");
  authorize(actor, { kind: "task.read", task: await loadTaskSubject(ctx.db, task) });
  return task;
}

/** A manager's team: each direct report with their load and the top of their plate. */
export async function getTeam(
  ctx: AppContext,
  actor: Actor,
  managerId: string,
  top: number,
): Promise<TeamMember[]> {
  const { owner, plate } = await loadPlate(ctx.db, managerId);
  authorize(actor, { kind: "plate.read", plate });
  const reports = await directReports(ctx.db, owner.id);
  const ids = reports.map((report) => report.id);
  const [dueAts, tops, triage, interruptions] = await Promise.all([
    openDueAts(ctx.db, ids),
    topOfPlates(ctx.db, ids, top),
    countTriage(ctx.db, ids),
    interruptionsThisWeek(ctx, reports),
  ]);
  const now = ctx.clock.now();
  return reports.map((report) => {
    const first = tops.filter((row) => row.owner_id === report.id);
    return {
      personId: report.id,
      name: report.name,
      title: report.title,
      timeZone: report.time_zone,
      load: plateLoad(
        dueAts.filter((row) => row.owner_id === report.id).map((row) => row.due_at),
        triage.get(report.id) ?? 0,
        now,
        report.time_zone,
      ),
      top: first.map((row, index) => presentTask(row, index + 1, now)),
      interruptionsThisWeek: interruptions.get(report.id) ?? 0,
    };
  });
}
