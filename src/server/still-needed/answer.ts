import type { AppContext } from "../context";
import { findActor } from "../people/store";
import { keepTask } from "../tasks/keep";
import { findTask, type TaskRow } from "../tasks/store";
import { updateTask } from "../tasks/update";
import { type StillNeededClaim, verifyStillNeeded } from "./links";

export const dropReason = "No longer needed";

export type LinkState =
  | { status: "invalid" }
  | { status: "spent"; task: TaskRow }
  | { status: "ready"; task: TaskRow; claim: StillNeededClaim };

/** What a "still needed?" link can do now: nothing (bad or expired), nothing anymore (the task changed), or its action. */
export async function inspectLink(ctx: AppContext, token: string): Promise<LinkState> {
  const claim = verifyStillNeeded(ctx.config.authSecret, token, ctx.clock.now());
  if (!claim) return { status: "invalid" };
  const task = await findTask(ctx.db, claim.taskId);
  if (!task) return { status: "invalid" };
  const open = task.state === "open" || task.state === "in_progress";
  if (task.version !== claim.version || !open) return { status: "spent", task };
  return { status: "ready", task, claim };
}

/**
 * Does the link's one action as the person it was made for, through the same write path as the API:
 * their access is checked again, and the task's version must still be the one the link was made at.
 */
export async function answerLink(ctx: AppContext, claim: StillNeededClaim): Promise<void> {
  const actor = await findActor(ctx.db, claim.personId);
  if (!actor) throw new Error("still needed: the person of a valid link no longer exists");
  if (claim.action === "keep") {
    await keepTask(ctx, actor, claim.taskId, claim.version);
  } else {
    await updateTask(ctx, actor, claim.taskId, { state: "dropped", dropReason, version: claim.version });
  }
}
