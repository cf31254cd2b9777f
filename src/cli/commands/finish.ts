import type { Command } from "commander";
import { Task, type TaskState } from "../../contract/tasks";
import { parseId } from "../args";
import { failure, ServerProblem } from "../errors";
import { quoted } from "../format/plate";
import { jsonOption, type Runtime } from "../runtime";
import type { Session } from "../session";

const stateWords: Record<TaskState, string> = {
  triage: "in triage",
  open: "open",
  in_progress: "in progress",
  done: "done",
  dropped: "dropped",
};

/** A 409 in one line: who won, what the task is now, what to do. */
export function conflictLine(command: "done" | "drop", current: unknown, title: string): string {
  const now = Task.safeParse(current);
  const state = now.success ? `; it is now ${stateWords[now.data.state]}` : "";
  const name = now.success ? now.data.title : title;
  return `${quoted(name)} was changed by someone else while this ran${state}: look at it, then run docket ${command} again if it still applies`;
}

/** Reads the task for its current version, then changes its state with that version. */
async function finish(
  session: Session,
  command: "done" | "drop",
  id: string,
  change: { state: "done" } | { state: "dropped"; dropReason: string },
) {
  const path = `tasks/${encodeURIComponent(id)}`;
  const task = (await session.api.get(path, Task)).value;
  try {
    return await session.api.patch(path, Task, { version: task.version, ...change });
  } catch (error) {
    if (error instanceof ServerProblem && error.status === 409)
      throw failure(conflictLine(command, error.current, task.title));
    throw error;
  }
}

export function registerFinish(program: Command, runtime: Runtime): void {
  program
    .command("done")
    .description("mark a task done")
    .argument("<id>", "the task", parseId)
    .addOption(jsonOption())
    .action(async (id: string, options: { json?: boolean }) => {
      const task = await finish(runtime.session(), "done", id, { state: "done" });
      if (options.json) return runtime.output.json(task.raw);
      runtime.output.lines([`Done: ${quoted(task.value.title)} (${task.value.id})`]);
    });
  program
    .command("drop")
    .description("drop a task, saying why")
    .argument("<id>", "the task", parseId)
    .requiredOption("--reason <text>", "why it is no longer to be done")
    .addOption(jsonOption())
    .action(async (id: string, options: { reason: string; json?: boolean }) => {
      const task = await finish(runtime.session(), "drop", id, {
        state: "dropped",
        dropReason: options.reason,
      });
      if (options.json) return runtime.output.json(task.raw);
      runtime.output.lines([`Dropped ${quoted(task.value.title)}: ${options.reason} (${task.value.id})`]);
    });
}
