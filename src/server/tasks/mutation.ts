import type { Transaction, Updateable } from "kysely";
import type { Task } from "../../contract/tasks";
import { type Action, type Actor, authorize, type TaskSubject } from "../../core/access";
import { AppError, notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { lockPlateOfTask } from "../db/dialect";
import type { Database, TaskTable } from "../db/schema";
import { deliverMail } from "../mail/outbound";
import { findPerson } from "../people/store";
import type { Change } from "./history";
import { publishTaskChange } from "./live";
import { presentTask } from "./present";
import { followUps, recordsOf } from "./record";
import { positionOf, type TaskRow } from "./store";
import { taskForChange, updateTask } from "./write-store";

export interface MutationInput {
  trx: Transaction<Database>;
  task: TaskRow;
  /** The owner's zone, read only when a change needs it (a date due). */
  ownerZone: () => Promise<string>;
  subject: TaskSubject;
  now: string;
}

export interface MutationResult {
  changes: Updateable<TaskTable>;
  history: Change[];
}

/**
 * The one way a task changes: under the lock of its owner's plate, read, authorized, checked
 * against `version` (409 with the current task when stale), changed in one row, recorded in the
 * history, then announced to everyone who can see it. A change with nothing in it writes nothing.
 */
export async function mutateTask(
  ctx: AppContext,
  actor: Actor,
  taskId: string,
  options: { action: Exclude<Action["kind"], `${string}.${"create" | "read"}`>; version?: number },
  work: (input: MutationInput) => Promise<MutationResult>,
): Promise<Task> {
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    await lockPlateOfTask(trx, ctx.dialect, taskId);
    const found = await taskForChange(trx, ctx.dialect, taskId);
    if (!found) throw notFound("Task");
    const { task, subject } = found;
    authorize(actor, { kind: options.action, task: subject } as Action);
    if (options.version !== undefined && options.version !== task.version) {
      throw new AppError(
        "version_conflict",
        "This task was changed by someone else: here is how it is now.",
        {
          current: presentTask(task, await positionOf(trx, task), now),
        },
      );
    }
    const ownerZone = async () => (await findPerson(trx, task.owner_id))?.time_zone ?? "UTC";
    const { changes, history } = await work({ trx, task, ownerZone, subject, now: now.toISOString() });
    if (history.length === 0) {
      return {
        task,
        subject,
        changed: false,
        position: await positionOf(trx, task),
        mailIds: [] as string[],
      };
    }
    const at = now.toISOString();
    const written = { ...changes, updated_at: at };
    const leftAs = { ...task, ...written, version: task.version + 1 };
    const records = await recordsOf(trx, leftAs, actor.id, at, history);
    const updated = await updateTask(trx, task.id, written, { dialect: ctx.dialect, ...records });
    const mailIds = await followUps(ctx, trx, updated, actor.id, at, history);
    return { task: updated, subject, changed: true, position: await positionOf(trx, updated), mailIds };
  });
  if (outcome.changed) await publishTaskChange(ctx, outcome.task, outcome.subject);
  if (outcome.mailIds.length > 0) await deliverMail(ctx, { ids: outcome.mailIds });
  return presentTask(outcome.task, outcome.position, now);
}
