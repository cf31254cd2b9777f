/**
 * Importing a CSV file of tasks onto a plate: every task the file holds goes to the bottom of the
 * plate in file order, through the one add path, in one transaction: all of them or none.
 */
import type { ImportedTask, TasksImport } from "../../contract/tasks-import";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import { AppError } from "../../core/errors";
import { rankFor } from "../../core/ranks";
import type { AppContext } from "../context";
import { newId } from "../platform/ids";
import { loadPlate } from "./access";
import { type AddedTask, addToPlate } from "./create";
import { type ReadTask, readTasksFile } from "./csv-reading";
import { publishTaskChange } from "./live";

/**
 * Imports `file` onto `ownerId`'s plate as `actor` (the owner or someone above them), or, on a dry
 * run, answers what it would add and skip without writing anything. A file with any bad row is a
 * 422 naming its rows, dry run or not.
 */
export async function importTasks(
  ctx: AppContext,
  actor: Actor,
  ownerId: string,
  file: Buffer,
  dryRun: boolean,
): Promise<TasksImport> {
  requireOrganization(actor);
  const { plate } = await loadPlate(ctx.db, ownerId);
  authorize(actor, { kind: "task.import", plate });
  const read = readTasksFile(file);
  if (dryRun)
    return {
      dryRun,
      source: read.source,
      added: read.tasks.map((task) => imported(task)),
      skipped: read.skipped,
    };
  const at = ctx.clock.now().toISOString();
  const batchId = newId();
  const added = await ctx.db.transaction().execute(async (trx) => {
    const done: AddedTask[] = [];
    for (const task of read.tasks) {
      const before = done.at(-1);
      // Each goes just below the one added before it: the plate is read once, for the first.
      const place = before === undefined ? undefined : below(before);
      const input = { title: task.title, notes: task.notes, due: task.due, placement: "bottom" as const };
      done.push(await addToPlate(ctx, trx, actor, ownerId, input, { requestId: null, at, place, batchId }));
    }
    return done;
  });
  // Views re-read the whole plate on any change to it: one announcement tells them of every task.
  const last = added.at(-1);
  if (last !== undefined) await publishTaskChange(ctx, last.task, last.subject);
  return {
    dryRun,
    source: read.source,
    added: read.tasks.map((task, index) => imported(task, added[index]?.task.id)),
    skipped: read.skipped,
  };
}

/** The place just below a task added to the plate. */
function below({ task, position }: AddedTask): { rank: string; position: number } {
  if (task.rank === null || position === null)
    throw new AppError("internal", "An imported task was not placed.");
  return { rank: rankFor("bottom", [{ id: task.id, rank: task.rank }]), position: position + 1 };
}

function imported(task: ReadTask, taskId?: string): ImportedTask {
  return {
    row: task.row,
    title: task.title,
    due: task.due,
    ...(task.notes === "" ? {} : { notes: task.notes }),
    ...(taskId === undefined ? {} : { taskId }),
  };
}
