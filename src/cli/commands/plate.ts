import type { Command } from "commander";
import { Plate } from "../../contract/tasks";
import { type PersonSpec, parsePerson } from "../args";
import { plateLines } from "../format/plate";
import { jsonOption, type Runtime } from "../runtime";

const me: PersonSpec = { kind: "me" };

export function registerPlate(program: Command, runtime: Runtime): void {
  program
    .command("plate")
    .description("a plate in priority order: yours, or PERSON's (an id, an e-mail or me)")
    .argument("[person]", "whose plate (default: me)", parsePerson)
    .addOption(jsonOption())
    .action(async (person: PersonSpec | undefined, options: { json?: boolean }) => {
      const session = runtime.session();
      const spec = person ?? me;
      const id = await session.personId(spec);
      const [plate, owner] = await Promise.all([
        session.api.get(`people/${encodeURIComponent(id)}/tasks`, Plate),
        options.json ? null : session.person(spec),
      ]);
      if (options.json || !owner) return runtime.output.json(plate.raw);
      const { output } = runtime;
      output.lines(plateLines(plate.value, owner, runtime.now(), output.width, output.paint));
    });
}
