#!/usr/bin/env node
// The `docket` command: runs the command line's TypeScript through tsx, in this process (no child
// process ever sees the arguments, which may carry a token).
import { tsImport } from "tsx/esm/api";

// Output piped into a reader that stops early (`docket plate | head -3`) ends quietly.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const { main } = await tsImport("../src/cli/main.ts", import.meta.url);
process.exitCode = await main(process.argv);
