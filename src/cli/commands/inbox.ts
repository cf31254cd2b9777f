import type { Command } from "commander";
import { InboxList } from "../../contract/inbox";
import { inboxLines } from "../format/inbox";
import { jsonOption, type Runtime } from "../runtime";

export function registerInbox(program: Command, runtime: Runtime): void {
  program
    .command("inbox")
    .description("what changed on your plate and on what you asked for, newest first")
    .addOption(jsonOption())
    .action(async (options: { json?: boolean }) => {
      const session = runtime.session();
      if (options.json) return runtime.output.json((await session.api.get("inbox", InboxList)).raw);
      const [inbox, me, nameOf] = await Promise.all([
        session.api.get("inbox", InboxList),
        session.me(),
        session.namer(),
      ]);
      const { output } = runtime;
      output.lines(inboxLines(inbox.value, nameOf, me.timeZone, runtime.now(), output.width, output.paint));
    });
}
