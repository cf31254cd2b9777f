import type { Task } from "../../contract/tasks";
import type { Actor } from "../../core/access";
import type { AppContext } from "../context";
import { mutateTask } from "./mutation";

/**
 * Answers "still needed?" with yes: the task stays where it is, and the answer is recorded, which
 * counts as touching it (it is not asked about again until it has sat untouched once more).
 */
export async function keepTask(ctx: AppContext, actor: Actor, id: string, version: number): Promise<Task> {
  return mutateTask(ctx, actor, id, { action: "task.edit", version }, async () => ({
    changes: {},
    history: [{ kind: "kept" }],
  }));
}
