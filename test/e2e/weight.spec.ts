import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, type Response, test } from "@playwright/test";
import { SIGN_IN } from "../../src/web/build/pageBudgets";
import { type Manifest, staticClosure } from "../../src/web/build/routeWeight";

/** The build the server serves (playwright.config.ts starts it with the same environment). */
const webRoot = resolve(process.env.WEB_ROOT ?? "dist/web");

test("the sign-in page downloads only its own code, compressed, within its budget", async ({ page }) => {
  const manifest = JSON.parse(readFileSync(join(webRoot, ".vite/manifest.json"), "utf8")) as Manifest;
  const expected = staticClosure(manifest, SIGN_IN.chunks)
    .map((key) => `/${manifest[key]?.file}`)
    .filter((path) => path.endsWith(".js"));

  const scripts = new Map<string, Response>();
  page.on("response", (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.endsWith(".js")) scripts.set(pathname, response);
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Docket" })).toBeVisible();

  expect([...scripts.keys()].sort()).toEqual(expected.sort());
  let transferred = 0;
  for (const [path, response] of scripts) {
    if (readFileSync(join(webRoot, path)).length >= 1024) {
      expect(["br", "gzip"], path).toContain(response.headers()["content-encoding"] ?? "none");
    }
    transferred += (await response.request().sizes()).responseBodySize;
  }
  expect(transferred).toBeLessThanOrEqual(SIGN_IN.maxJsBytes);
});
