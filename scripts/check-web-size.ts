/**
 * Fails when a page of the built web app needs more JavaScript than its budget before it can draw.
 * Run after `vite build` (npm run test:e2e does): reads dist/web/.vite/manifest.json (or the folder
 * given as the first argument) and weighs each page's chunks gzipped, as a browser downloads them.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { PAGE_BUDGETS } from "../src/web/build/pageBudgets";
import { describeWeight, isOverBudget, type Manifest, weighPage } from "../src/web/build/routeWeight";

const webRoot = resolve(process.argv[2] ?? "dist/web");
const manifest = JSON.parse(readFileSync(join(webRoot, ".vite/manifest.json"), "utf8")) as Manifest;
const gzippedSize = (file: string) => gzipSync(readFileSync(join(webRoot, file)), { level: 9 }).length;

const weights = PAGE_BUDGETS.map((budget) => weighPage(manifest, budget, gzippedSize));
for (const weight of weights) console.log(describeWeight(weight));
if (weights.some(isOverBudget)) {
  console.error("The web app is over its size budget: split the page's code or lighten what it imports.");
  process.exit(1);
}
