import { resolve } from "node:path";
import { keepNewFilesPrivate } from "../platform/private-files";
import { oneLine } from "./errors";

/**
 * A path given on the command line, from where the command was typed: `npm run` starts scripts in
 * the package's folder and says where it was called from in INIT_CWD.
 */
export function pathFromCommandLine(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/**
 * Runs a command's main: an error becomes one line on stderr and exit code 1; a command line it
 * cannot parse, the usage and exit code 2.
 */
export function runCommand(name: string, usage: string, main: () => Promise<void>): void {
  // Backups and restored databases are their owner's alone, whatever a step creates.
  keepNewFilesPrivate();
  const fail = (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${oneLine(error)}\nUsage: ${usage}`);
      process.exit(2);
    }
    console.error(`${name} failed: ${oneLine(error)}`);
    process.exit(1);
  };
  try {
    main().catch(fail);
  } catch (error) {
    fail(error);
  }
}
