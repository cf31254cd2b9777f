import { z } from "zod";
import { Id, Instant } from "../../contract/common";
import { type HistoryPage, type HistoryQuery, Plate, type PlateQuery, type Task } from "../../contract/tasks";
import { type Actor, authorize } from "../../core/access";
import { notFound } from "../../core/errors";
import { plateLoad } from "../../core/plate-load";
import { unchangedUntil } from "../../core/plate-validity";
import type { AppContext } from "../context";
import { pageOf, readCursor } from "../db/pages";
import { type Revalidated, type Revalidation, shapeOf, tagOf, unchangedTag } from "../http/entity-tags";
import { loadTaskSubject, readableHeader } from "./access";
import { presentHistoryEntry, presentTask } from "./present";
import {
  findTask,
  finishedTasks,
  type PlateHeader,
  type PresentedRow,
  plateHeader,
  plateTasks,
  positionOf,
  type TaskRow,
  taskHistory,
  triageTasks,
} from "./store";

/** Triage, done and dropped tasks read at once unless the caller asks for fewer. */
const defaultPageLimit = 100;

const TriageCursor = z.tuple([Instant, Id]);
const readTriageCursor = (cursor: string) => {
  const [at, id] = readCursor(cursor, TriageCursor);
  return { at, id };
};

const plateShape = shapeOf(z.toJSONSchema(Plate));

/** What a plate's tag is read from: the shape of the answer, the address asked, the plate's version. */
const plateParts = (address: string, version: number) => [plateShape, address, version];

/**
 * A person's plate (open tasks in order, or another state) and its load, for them and their chain.
 * With tags the caller holds, answers "unchanged" after reading only the header when the plate's
 * version is the same and no task has fallen due since (nor the owner's week ended).
 */
export async function getPlate(
  ctx: AppContext,
  actor: Actor,
  ownerId: string,
  query: PlateQuery,
  revalidation: Revalidation,
): Promise<Revalidated<Plate>> {
  const now = ctx.clock.now();
  let known: PlateHeader | undefined;
  if (revalidation.known.length > 0) {
    known = readableHeader(actor, await plateHeader(ctx.db, ownerId));
    const tag = unchangedTag(revalidation.known, now, plateParts(revalidation.address, known.version));
    if (tag !== undefined) return { unchanged: true, tag };
  }
  // The tasks are read beside the header, not after it (one round trip less on PostgreSQL); they are
  // only answered once the header says the caller may see them.
  const [read, open] = await Promise.all([
    known ?? plateHeader(ctx.db, ownerId),
    plateTasks(ctx.db, ownerId),
  ]);
  const header = readableHeader(actor, read);
  const body = await plateBody(ctx, header, open.tasks, query, now);
  // The lower of the two versions read: every part of the answer was read at that version or later,
  // so a plate still at it is the plate answered.
  const version = Math.min(header.version, open.version ?? -1);
  const until = unchangedUntil(now, [
    {
      timeZone: header.owner.timeZone,
      dueAts: [...open.tasks, ...body.items].map((task) => task.due_at ?? null),
    },
  ]);
  return { body: body.plate, tag: tagOf(until, plateParts(revalidation.address, version)) };
}

/** The plate answered for `query`, and the rows its items came from. */
async function plateBody(
  ctx: AppContext,
  header: PlateHeader,
  open: PresentedRow[],
  query: PlateQuery,
  now: Date,
): Promise<{ plate: Plate; items: PresentedRow[] }> {
  const { owner, triage } = header;
  const load = plateLoad(
    open.map((task) => task.due_at),
    triage,
    now,
    owner.timeZone,
  );
  const limit = query.limit ?? defaultPageLimit;
  const { goalId } = query;
  const present = (rows: PresentedRow[]) => rows.map((row) => presentTask(row, null, now));
  // Open tasks keep their positions on the whole plate when only one goal's are answered.
  const openItems = () =>
    open.flatMap((row, index) =>
      goalId === undefined || row.goal_id === goalId ? [presentTask(row, index + 1, now)] : [],
    );
  switch (query.state) {
    case "open":
      return { plate: { items: openItems(), load }, items: [] };
    case "triage": {
      const after = query.cursor === undefined ? undefined : readTriageCursor(query.cursor);
      const rows = await triageTasks(ctx.db, owner.id, { limit: limit + 1, after, goalId });
      const { page, next } = pageOf(rows, limit, (last) => [last.created_at, last.id]);
      return { plate: { items: present(page), load, ...next }, items: page };
    }
    case "done":
    case "dropped":
      return {
        plate: { items: present(await finishedTasks(ctx.db, owner.id, query.state, limit, goalId)), load },
        items: [],
      };
    case "all": {
      const [triage, done, dropped] = await Promise.all([
        triageTasks(ctx.db, owner.id, { limit, goalId }),
        finishedTasks(ctx.db, owner.id, "done", limit, goalId),
        finishedTasks(ctx.db, owner.id, "dropped", limit, goalId),
      ]);
      const finished = [...done, ...dropped]
        .sort((a, b) => finishedAt(b).localeCompare(finishedAt(a)))
        .slice(0, limit);
      return {
        plate: { items: [...openItems(), ...present(triage), ...present(finished)], load },
        items: triage,
      };
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
