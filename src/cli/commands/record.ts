import type { Command } from "commander";
import { Record } from "../../contract/record";
import { type PersonSpec, parsePerson } from "../args";
import { recordLines } from "../format/record";
import { jsonOption, type Runtime } from "../runtime";

export function registerRecord(program: Command, runtime: Runtime): void {
  program
    .command("record")
    .description("a track record over the last year: the summary and the latest weeks")
    .argument("[person]", "whose record: an id, an e-mail or me (default: me)", parsePerson)
    .addOption(jsonOption())
    .action(async (person: PersonSpec | undefined, options: { json?: boolean }) => {
      const session = runtime.session();
      const spec = person ?? { kind: "me" };
      const id = await session.personId(spec);
      const [record, subject] = await Promise.all([
        session.api.get(`people/${encodeURIComponent(id)}/record`, Record),
        options.json ? null : session.person(spec),
      ]);
      if (options.json || !subject) return runtime.output.json(record.raw);
      const { output } = runtime;
      output.lines(recordLines(record.value, subject.name, output.width, output.paint));
    });
}
