import { type Actor, authorize, type TaskSubject } from "../../core/access";
import { notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { loadTaskSubject } from "../tasks/access";
import { findTask, type TaskRow } from "../tasks/store";

type Db = AppContext["db"] | Parameters<typeof findTask>[0];

/** A task and its subject, as authorization sees it; undefined when there is no such task. */
export async function taskWithSubject(
  db: Db,
  taskId: string,
): Promise<{ task: TaskRow; subject: TaskSubject } | undefined> {
  const task = await findTask(db, taskId);
  return task && { task, subject: await loadTaskSubject(db, task) };
}

/**
 * A task whose comments are read (`task.read`) or added to (`comment.write`), once the caller may
 * do that (404 otherwise: both are allowed exactly to those who may read the task).
 */
export async function commentedTask(
  db: Db,
  actor: Actor,
  taskId: string,
  kind: "task.read" | "comment.write",
): Promise<{ task: TaskRow; subject: TaskSubject }> {
  const found = await taskWithSubject(db, taskId);
  if (!found) throw notFound("Task");
  authorize(actor, { kind, task: found.subject });
  return found;
}
