import { type Command, Option } from "commander";
import { Task } from "../../contract/tasks";
import { type PersonSpec, type PlacementFlags, parseDate, parsePerson, placementOf } from "../args";
import { describeDue } from "../format/dates";
import { quoted } from "../format/plate";
import { jsonOption, placementOptions, type Runtime } from "../runtime";

interface AddOptions extends PlacementFlags {
  for?: PersonSpec;
  due?: string;
  json?: boolean;
}

export function registerAdd(program: Command, runtime: Runtime): void {
  const command = program
    .command("add")
    .description("add a task to your plate, or to PERSON's with --for")
    .argument("<title>", "what is to be done")
    .option("--for <person>", "whose plate: an id, an e-mail or me (default: me)", parsePerson)
    .addOption(new Option("--due <date>", "due by the end of this day, YYYY-MM-DD").argParser(parseDate));
  for (const option of placementOptions()) command.addOption(option);
  command.addOption(jsonOption()).action(async (title: string, options: AddOptions) => {
    const session = runtime.session();
    const spec = options.for ?? { kind: "me" };
    // For a person, the owner's name and zone are read first: once the task is added, nothing may fail.
    const owner = options.json ? null : await session.person(spec);
    const id = owner?.id ?? (await session.personId(spec));
    const placement = placementOf(options);
    const body = {
      title,
      ...(options.due ? { due: { date: options.due } } : {}),
      ...(placement ? { placement } : {}),
    };
    const task = await session.api.post(`people/${encodeURIComponent(id)}/tasks`, Task, body);
    if (options.json || !owner) return runtime.output.json(task.raw);
    const { name, timeZone } = owner;
    const added = task.value;
    const due = describeDue(added, runtime.now(), timeZone);
    const line =
      added.state === "triage"
        ? `Asked ${name} for ${quoted(added.title)}: it waits in their triage`
        : `Added ${quoted(added.title)} to ${spec.kind === "me" ? "your" : `${name}'s`} plate at #${added.position}`;
    const when = !due ? "" : added.overdue ? `, ${due}` : `, due ${due}`;
    runtime.output.lines([`${line}${when} (${added.id})`]);
  });
}
