import type { AppContext } from "../context";
import { type Audience, audienceOf } from "./access";
import type { TaskRow } from "./store";

/**
 * Tells open live views that a task changed. The change is already committed: a failure to announce
 * it is logged, never turned into a failed request.
 */
export async function publishTaskChange(
  ctx: AppContext,
  task: Pick<TaskRow, "id" | "owner_id" | "updated_at">,
  subject: Audience,
): Promise<void> {
  try {
    await ctx.events.publish({
      kind: "task.changed",
      taskId: task.id,
      ownerId: task.owner_id,
      at: task.updated_at,
      audience: audienceOf(subject),
    });
  } catch (error) {
    ctx.log.warn({ err: error, taskId: task.id }, "live events: could not announce a task change");
  }
}
