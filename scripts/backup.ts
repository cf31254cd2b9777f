/**
 * `npm run backup [-- --out <path>]`: backs up the configured database (DATA_DIR, DATABASE_URL, as
 * the server reads them) while the server may be running, with the kept AUTH_SECRET beside it.
 * Prints the backup's path, then a short summary.
 */
import { parseArgs } from "node:util";
import { backUp } from "../src/server/backup/backup";
import { pathFromCommandLine, runCommand } from "../src/server/backup/cli";
import { formatSize } from "../src/server/backup/files";
import { instanceOf } from "../src/server/backup/instance";

runCommand("backup", "npm run backup [-- --out <path>]", async () => {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const instance = instanceOf();
  const out = values.out === undefined ? undefined : pathFromCommandLine(values.out);
  const summary = await backUp(instance, { out });
  console.log(summary.file);
  console.log(`${formatSize(summary.bytes)}: ${summary.people} people, ${summary.tasks} tasks.`);
  if (summary.authSecretFile)
    console.log(`The kept AUTH_SECRET is beside it, in ${summary.authSecretFile}: keep both, privately.`);
  else if (instance.authSecretFromEnv)
    console.log("AUTH_SECRET comes from the environment: keep it with the backup, or sessions end.");
});
