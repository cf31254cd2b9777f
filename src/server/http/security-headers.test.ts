import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COLOR_SCHEME_SCRIPT } from "./security-headers";

const indexHtml = readFileSync(new URL("../../web/index.html", import.meta.url), "utf8");

/** The text of every script the page carries inline (one without a `src`), exactly as written. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => match[1] ?? "",
  );
}

const hashSource = (script: string) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`;

describe("the web app's Content-Security-Policy", () => {
  it("allows the one inline script of index.html by its hash", () => {
    expect(inlineScripts(indexHtml).map(hashSource)).toEqual([COLOR_SCHEME_SCRIPT]);
  });
});
