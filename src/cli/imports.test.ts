import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The command line speaks only the public HTTP API: it may use the contract's schemas and types,
 * never the server's or the domain's code, and it starts no child process (argv may carry a token).
 */
const cliDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(cliDir, "../..");
const contractDir = path.join(root, "src", "contract");

const packagesAllowed = new Set(["commander", "zod", "tsx/esm/api"]);
const builtinsRefused = new Set(["node:child_process", "node:worker_threads", "node:cluster"]);

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** Every module specifier a file names: static imports and exports, `import()` and `require()`. */
function specifiersOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\b(?:import|require)\s*\(\s*["'`]([^"'`]+)["'`]/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1] ?? "");
  return found;
}

/** Why a specifier is out of bounds for the command line, or null when it is fine. */
function refusal(file: string, specifier: string): string | null {
  if (specifier.startsWith(".")) {
    const target = path.resolve(path.dirname(file), specifier);
    const inside = (dir: string) => target === dir || target.startsWith(`${dir}${path.sep}`);
    return inside(cliDir) || inside(contractDir) ? null : "reaches outside src/cli and src/contract";
  }
  if (specifier.startsWith("node:")) return builtinsRefused.has(specifier) ? "starts other processes" : null;
  return packagesAllowed.has(specifier) ? null : "is not a package the command line uses";
}

describe("the command line's imports", () => {
  const files = [
    ...filesOf(cliDir).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts")),
    path.join(root, "bin", "docket.mjs"),
  ];

  it("name only the contract, commander, zod and Node's own modules", () => {
    const refused = files.flatMap((file) =>
      specifiersOf(readFileSync(file, "utf8")).flatMap((specifier) => {
        const why = refusal(file, specifier);
        return why ? [`${path.relative(root, file)}: "${specifier}" ${why}`] : [];
      }),
    );
    expect(files.length).toBeGreaterThan(10);
    expect(refused).toEqual([]);
  });

  it("are all found by the scan, whichever way they are written", () => {
    const sources = [
      'import { a } from "../server/app";',
      'import type { B } from "../core/errors";',
      'export { c } from "../core/ranks";',
      'import "../server/side-effect";',
      'const d = await import("../server/lazy");',
      "import {\n  e,\n  f,\n} from 'node:child_process';",
    ];
    const file = path.join(cliDir, "example.ts");
    const verdicts = sources.map((source) =>
      specifiersOf(source).map((specifier) => refusal(file, specifier)),
    );
    expect(verdicts.flat()).toEqual([
      "reaches outside src/cli and src/contract",
      "reaches outside src/cli and src/contract",
      "reaches outside src/cli and src/contract",
      "reaches outside src/cli and src/contract",
      "reaches outside src/cli and src/contract",
      "starts other processes",
    ]);
  });
});
