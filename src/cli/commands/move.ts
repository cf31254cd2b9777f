import type { Command } from "commander";
import { Task } from "../../contract/tasks";
import { type PlacementFlags, parseId, placementOf } from "../args";
import { usageError } from "../errors";
import { quoted } from "../format/plate";
import { jsonOption, placementOptions, type Runtime } from "../runtime";

export function registerMove(program: Command, runtime: Runtime): void {
  const command = program
    .command("move")
    .description("move a task on its plate: one of --top, --bottom, --before ID, --after ID")
    .argument("<id>", "the task", parseId);
  for (const option of placementOptions()) command.addOption(option);
  command.addOption(jsonOption()).action(async (id: string, options: PlacementFlags & { json?: boolean }) => {
    const placement = placementOf(options);
    if (!placement) throw usageError("say where: --top, --bottom, --before ID or --after ID");
    const session = runtime.session();
    const task = await session.api.post(`tasks/${encodeURIComponent(id)}/move`, Task, { placement });
    if (options.json) return runtime.output.json(task.raw);
    runtime.output.lines([`Moved ${quoted(task.value.title)} to #${task.value.position} (${task.value.id})`]);
  });
}
