import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { registerAdd } from "./commands/add";
import { registerFinish } from "./commands/finish";
import { registerInbox } from "./commands/inbox";
import { registerLogin } from "./commands/login";
import { registerMove } from "./commands/move";
import { registerPlate } from "./commands/plate";
import { registerRecord } from "./commands/record";
import { registerRequest } from "./commands/request";
import { CliFailure, exitStatus, oneLine } from "./errors";
import { terminalOutput } from "./output";
import type { Runtime } from "./runtime";
import { Session } from "./session";

const examples = `
Examples:
  docket login --url https://docket.example.com --token dkt_…
  docket plate                        your plate, in order
  docket add "Write the review" --due 2030-05-02 --top
  docket move 3f6c… --after 9a1e…
  docket done 3f6c…
  docket drop 3f6c… --reason "Not needed after all"
  docket request "Fill in the survey" --to ada@example.com,bo@example.com
  docket record ada@example.com --json

DOCKET_URL and DOCKET_TOKEN, when set, are used instead of what login kept.
Exit status: 0 done, 1 the server refused or cannot be reached, 2 a usage error.`;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return String(manifest.version);
}

/** The program: every command of the command line, commander's usage errors thrown rather than exiting. */
export function program(runtime: Runtime): Command {
  const docket = new Command("docket")
    .description("Docket from the terminal: plates, tasks, the inbox, requests and the record.")
    .version(version(), "-V, --version")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .addHelpText("after", examples);
  registerLogin(docket, runtime);
  registerPlate(docket, runtime);
  registerAdd(docket, runtime);
  registerMove(docket, runtime);
  registerFinish(docket, runtime);
  registerInbox(docket, runtime);
  registerRequest(docket, runtime);
  registerRecord(docket, runtime);
  return docket;
}

/** Runs the command line on `argv` (as `process.argv`), and answers its exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const runtime: Runtime = {
    output: terminalOutput(),
    session: () => Session.configured(),
    now: () => new Date(),
  };
  try {
    await program(runtime).parseAsync([...argv]);
    return exitStatus.ok;
  } catch (error) {
    // Commander has already said what was wrong (or shown the help asked for).
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitStatus.ok : exitStatus.usage;
    const failed = error instanceof CliFailure ? error : null;
    const message = failed
      ? failed.message
      : `unexpected failure: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`error: ${oneLine(message)}\n`);
    return failed?.exitCode ?? exitStatus.failed;
  }
}
