import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { COLOR_SCHEME_KEY } from "./colorScheme";

const indexHtml = readFileSync(new URL("../index.html", import.meta.url), "utf8");
const script = /<script>([\s\S]*?)<\/script>/.exec(indexHtml)?.[1] ?? "";

/**
 * Runs index.html's inline script as a browser would before the first paint, with `stored` as this
 * browser's saved choice (or storage that refuses to be read) and the system set to dark or not.
 * Answers the scheme it gave the page.
 */
function schemeBeforePaint(stored: string | null | "refused", systemDark: boolean): string | null {
  let scheme: string | null = null;
  runInNewContext(script, {
    localStorage: {
      getItem(key: string) {
        if (stored === "refused") throw new Error("storage is off");
        return key === COLOR_SCHEME_KEY ? stored : null;
      },
    },
    matchMedia: (query: string) => ({ matches: query === "(prefers-color-scheme: dark)" && systemDark }),
    document: {
      documentElement: {
        setAttribute(name: string, value: string) {
          if (name === "data-mantine-color-scheme") scheme = value;
        },
      },
    },
  });
  return scheme;
}

describe("the color scheme set before the first paint", () => {
  it.each([
    ["light", false, "light"],
    ["light", true, "light"],
    ["dark", false, "dark"],
    ["dark", true, "dark"],
  ] as const)(
    "keeps the choice %s whatever the system says (system dark: %s)",
    (stored, systemDark, expected) => {
      expect(schemeBeforePaint(stored, systemDark)).toBe(expected);
    },
  );

  it.each([
    ["auto", true, "dark"],
    ["auto", false, "light"],
    [null, true, "dark"],
    [null, false, "light"],
    ["purple", true, "dark"],
    ["refused", true, "dark"],
    ["refused", false, "light"],
  ] as const)(
    "follows the system when the choice is %s (system dark: %s)",
    (stored, systemDark, expected) => {
      expect(schemeBeforePaint(stored, systemDark)).toBe(expected);
    },
  );
});
