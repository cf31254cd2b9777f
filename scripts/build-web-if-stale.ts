/**
 * Runs before `npm start`: builds the web app when dist/web is missing or older than its sources,
 * so a fresh clone serves the app with no separate build step and a restart costs nothing.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const sources = ["src/web", "src/contract", "vite.config.ts", "package-lock.json"];
const built = "dist/web/index.html";

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    stat.mtimeMs,
  );
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newestChange));
if (builtAt < changedAt) {
  console.log("Building the web app…");
  execFileSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });
}
