import type { Updateable } from "kysely";
import type { Task, UpdateTask } from "../../contract/tasks";
import type { Actor } from "../../core/access";
import { ruleViolated } from "../../core/errors";
import { stateChange } from "../../core/task-states";
import type { AppContext } from "../context";
import { flagValue } from "../db/dialect";
import type { TaskTable } from "../db/schema";
import { assertGoalChange } from "../goals/task-goal";
import { requestedDue, sameDue, storedDue } from "./due";
import type { Change } from "./history";
import { type MutationInput, type MutationResult, mutateTask } from "./mutation";
import { placing } from "./place";
import { dueOf } from "./present";

/**
 * PATCH of a task. Wording, due date, urgency and dropping are open to the requester as well;
 * starting, completing, reopening and the goal it works towards belong to the owner and their
 * management chain.
 */
export async function updateTask(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateTask,
): Promise<Task> {
  const managing = input.state !== undefined && input.state !== "dropped";
  return mutateTask(
    ctx,
    actor,
    id,
    { action: managing ? "task.manage" : "task.edit", version: input.version },
    (mutation) => changesFor(ctx, actor, mutation, input),
  );
}

async function changesFor(
  ctx: AppContext,
  actor: Actor,
  mutation: MutationInput,
  input: UpdateTask,
): Promise<MutationResult> {
  const { task, ownerZone, trx, now } = mutation;
  const changes: Updateable<TaskTable> = {};
  const history: Change[] = [];
  if (input.title !== undefined && input.title !== task.title) {
    changes.title = input.title;
    history.push({ kind: "retitled", from: task.title, to: input.title });
  }
  if (input.notes !== undefined && input.notes !== task.notes) {
    changes.notes = input.notes;
    history.push({ kind: "notes_changed" });
  }
  if (input.due !== undefined && !sameDue(input.due, dueOf(task))) {
    const due = requestedDue(input.due);
    Object.assign(changes, storedDue(due, await ownerZone()));
    history.push({ kind: "due_changed", from: dueOf(task), to: due });
  }
  if (input.urgent !== undefined && input.urgent !== Boolean(task.urgent)) {
    changes.urgent = flagValue(ctx.dialect, input.urgent);
    history.push({ kind: "urgency_changed", from: Boolean(task.urgent), to: input.urgent });
  }
  if (input.goalId !== undefined && input.goalId !== task.goal_id) {
    await assertGoalChange(trx, actor, mutation.subject, input.goalId);
    changes.goal_id = input.goalId;
    history.push({ kind: "goal_changed", from: task.goal_id, to: input.goalId });
  }
  const change = input.state === undefined ? null : stateChange(task.state, input.state);
  if (input.placement !== undefined && change !== "reopened") {
    throw ruleViolated("A placement goes with reopening a task; to reposition an open task, move it.", [
      { path: "placement", message: "only when reopening" },
    ]);
  }
  if (task.state === "dropped" && input.state === "dropped" && input.dropReason !== task.drop_reason) {
    // Dropped again with another reason: the reason is what changes.
    changes.drop_reason = input.dropReason;
    history.push({ kind: "dropped", from: "dropped", to: input.dropReason ?? null });
  }
  if (change !== null && input.state !== undefined) {
    const from = task.state;
    changes.state = input.state;
    switch (change) {
      case "started":
        changes.started_at = now;
        history.push({ kind: "started", from });
        break;
      case "stopped":
        history.push({ kind: "stopped", from });
        break;
      case "completed":
        Object.assign(changes, { rank: null, completed_at: now, dropped_at: null, drop_reason: null });
        history.push({ kind: "completed", from });
        break;
      case "dropped":
        Object.assign(changes, {
          rank: null,
          dropped_at: now,
          drop_reason: input.dropReason,
          completed_at: null,
        });
        history.push({ kind: "dropped", from, to: input.dropReason ?? null });
        break;
      case "reopened": {
        const { rank, position } = await placing(trx, task.owner_id, input.placement ?? "bottom");
        Object.assign(changes, { rank, completed_at: null, dropped_at: null, drop_reason: null });
        if (input.state === "in_progress") changes.started_at = now;
        history.push({ kind: "reopened", from, to: position });
        break;
      }
    }
  }
  return { changes, history };
}
