import { type Command, Option } from "commander";
import { Request } from "../../contract/requests";
import { type PersonSpec, parseDate, parsePeople } from "../args";
import { fitTable } from "../format/columns";
import { quoted } from "../format/plate";
import { jsonOption, type Runtime } from "../runtime";

export function registerRequest(program: Command, runtime: Runtime): void {
  program
    .command("request")
    .description("ask several people for the same thing: each gets a task of their own")
    .argument("<title>", "what is asked")
    .requiredOption("--to <people>", "comma-separated ids, e-mails or me", parsePeople)
    .addOption(new Option("--due <date>", "due by the end of this day, YYYY-MM-DD").argParser(parseDate))
    .addOption(jsonOption())
    .action(async (title: string, options: { to: PersonSpec[]; due?: string; json?: boolean }) => {
      const session = runtime.session();
      const ids = await Promise.all(options.to.map((spec) => session.personId(spec)));
      const body = {
        title,
        assigneeIds: [...new Set(ids)],
        ...(options.due ? { due: { date: options.due } } : {}),
      };
      const request = await session.api.post("requests", Request, body);
      if (options.json) return runtime.output.json(request.raw);
      const nameOf = await session.namer();
      const { assignees } = request.value;
      const rows = assignees.map((assignee) => [
        { text: nameOf(assignee.personId) },
        { text: assignee.state === "triage" ? "waits in their triage" : "on their plate" },
        { text: assignee.taskId, style: ["dim"] as const },
      ]);
      const { output } = runtime;
      output.lines([
        `Asked ${assignees.length} ${assignees.length === 1 ? "person" : "people"} for ${quoted(request.value.title)} (request ${request.value.id})`,
        ...fitTable(rows, [{ flex: true }, {}, { spill: true }], output.width - 2, output.paint).map(
          (line) => `  ${line}`,
        ),
      ]);
    });
}
