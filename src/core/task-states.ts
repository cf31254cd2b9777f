/**
 * The life of a task: `triage` (asked, not yet taken) → `open` → `in_progress` → `done`, or `dropped`
 * with a reason at any point. Finished work can be reopened. Dropping is a normal outcome.
 */
import { ruleViolated } from "./errors";

export type TaskState = "triage" | "open" | "in_progress" | "done" | "dropped";

/** What a change of state is called in a task's history. */
export type StateChange = "started" | "stopped" | "completed" | "dropped" | "reopened";

/** Open and in-progress tasks are on the plate and have a position; the others do not. */
export function isOnPlate(state: TaskState): boolean {
  return state === "open" || state === "in_progress";
}

export function isFinished(state: TaskState): boolean {
  return state === "done" || state === "dropped";
}

/**
 * The history kind of going from `from` to `to`, or null when nothing changes. A triage task only
 * leaves triage by being accepted, declined or dropped (a 422 otherwise).
 */
export function stateChange(from: TaskState, to: Exclude<TaskState, "triage">): StateChange | null {
  if (from === to) return null;
  if (to === "dropped") return "dropped";
  if (from === "triage") {
    throw ruleViolated("This task is waiting in triage: accept it onto the plate first, or decline it.", [
      { path: "state", message: "accept or decline a triage task first" },
    ]);
  }
  if (to === "done") return "completed";
  if (isFinished(from)) return "reopened";
  return to === "in_progress" ? "started" : "stopped";
}
