import type { HistoryEntry, Plate, PlateQuery, Task, TeamMember } from "../../contract/tasks";
import { type Actor, authorize } from "../../core/access";
import { notFound } from "../../core/errors";
import { plateLoad } from "../../core/plate-load";
import type { AppContext } from "../context";
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

const defaultFinishedLimit = 100;

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
  const limit = query.limit ?? defaultFinishedLimit;
  const present = (rows: TaskRow[]) => rows.map((row) => presentTask(row, null, now));
  const openItems = () => open.map((row, index) => presentTask(row, index + 1, now));
  switch (query.state) {
    case "open":
      return { items: openItems(), load };
    case "triage":
      return { items: present(await triageTasks(ctx.db, owner.id)), load };
    case "done":
    case "dropped":
      return { items: present(await finishedTasks(ctx.db, owner.id, query.state, limit)), load };
    case "all": {
      const [triage, done, dropped] = await Promise.all([
        triageTasks(ctx.db, owner.id),
        finishedTasks(ctx.db, owner.id, "done", limit),
        finishedTasks(ctx.db, owner.id, "dropped", limit),
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

export async function getTaskHistory(ctx: AppContext, actor: Actor, id: string): Promise<HistoryEntry[]> {
  const task = await visibleTask(ctx, actor, id);
  return (await taskHistory(ctx.db, task.id)).map(presentHistoryEntry);
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
