/**
 * `npm run restore -- <backup file> [--force]`: restores a backup made by `npm run backup` into
 * the configured database (DATA_DIR, DATABASE_URL), brings it up to date, and restores the kept
 * AUTH_SECRET beside the backup when DATA_DIR keeps none. Refuses a database that holds data
 * unless --force. On SQLite, stop the server first.
 */
import { parseArgs } from "node:util";
import { keptSecretFileOf } from "../src/server/backup/auth-secret";
import { pathFromCommandLine, runCommand } from "../src/server/backup/cli";
import { instanceOf } from "../src/server/backup/instance";
import { restore } from "../src/server/backup/restore";

const usage = "npm run restore -- <backup file> [--force]";

runCommand("restore", usage, async () => {
  const { values, positionals } = parseArgs({
    options: { force: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    console.error(`Usage: ${usage}`);
    process.exit(2);
  }
  const instance = instanceOf();
  const summary = await restore(instance, pathFromCommandLine(file), { force: values.force });
  console.log(`Restored ${summary.database}: ${summary.people} people, ${summary.tasks} tasks, up to date.`);
  const kept = keptSecretFileOf(instance.dataDir);
  if (summary.authSecret === "restored") console.log(`The AUTH_SECRET is back in ${kept}.`);
  if (summary.authSecret === "none" && !instance.authSecretFromEnv)
    console.log(
      `No AUTH_SECRET was kept beside the backup: sessions made before it will need to sign in again.`,
    );
  if (summary.authSecret === "different")
    console.warn(
      `Warning: ${kept} holds a different AUTH_SECRET, left as it is: sessions made before the backup will not work. ` +
        `To use the backup's, replace it with ${summary.authSecretBackup} while the server is stopped.`,
    );
  if (instance.authSecretFromEnv)
    console.log("AUTH_SECRET is set in the environment: the server signs with it, not with a kept file.");
});
