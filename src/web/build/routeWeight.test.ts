import { describe, expect, it } from "vitest";
import { describeWeight, isOverBudget, type Manifest, staticClosure, weighPage } from "./routeWeight";

/** A tiny build: an entry, two lazy pages sharing a chunk, one with a chunk of its own loaded later. */
const manifest: Manifest = {
  "index.html": {
    file: "assets/index-e1.js",
    isEntry: true,
    imports: ["_framework-f1.js"],
    dynamicImports: ["auth/SignIn.tsx", "plate/Plate.tsx"],
    css: ["assets/index-e1.css"],
  },
  "_framework-f1.js": { file: "assets/framework-f1.js", name: "framework" },
  "_Button-b1.js": {
    file: "assets/Button-b1.js",
    imports: ["_framework-f1.js"],
    css: ["assets/Button-b1.css"],
  },
  "auth/SignIn.tsx": {
    file: "assets/SignIn-s1.js",
    isDynamicEntry: true,
    imports: ["index.html", "_Button-b1.js"],
  },
  "plate/Plate.tsx": {
    file: "assets/Plate-p1.js",
    isDynamicEntry: true,
    imports: ["index.html", "_Button-b1.js", "_dnd-d1.js"],
    dynamicImports: ["components/Notes.tsx"],
    css: ["assets/Plate-p1.css"],
  },
  "_dnd-d1.js": { file: "assets/dnd-d1.js" },
  "components/Notes.tsx": { file: "assets/Notes-n1.js", isDynamicEntry: true, imports: ["_markdown-m1.js"] },
  "_markdown-m1.js": { file: "assets/markdown-m1.js" },
};

const sizes: Record<string, number> = {
  "assets/index-e1.js": 20_000,
  "assets/index-e1.css": 30_000,
  "assets/framework-f1.js": 100_000,
  "assets/Button-b1.js": 2_000,
  "assets/Button-b1.css": 500,
  "assets/SignIn-s1.js": 1_000,
  "assets/Plate-p1.js": 30_000,
  "assets/Plate-p1.css": 1_000,
  "assets/dnd-d1.js": 15_000,
  "assets/Notes-n1.js": 3_000,
  "assets/markdown-m1.js": 36_000,
};
const sizeOf = (file: string) => {
  const size = sizes[file];
  if (size === undefined) throw new Error(`no size for ${file}`);
  return size;
};

describe("a page's weight", () => {
  it("follows static imports, each chunk once, and leaves dynamic ones for later", () => {
    expect(staticClosure(manifest, ["index.html", "plate/Plate.tsx"])).toEqual([
      "index.html",
      "_framework-f1.js",
      "plate/Plate.tsx",
      "_Button-b1.js",
      "_dnd-d1.js",
    ]);
  });

  it("sums the JavaScript and the CSS the page needs, heaviest first", () => {
    const weight = weighPage(
      manifest,
      { page: "Sign in", chunks: ["index.html", "auth/SignIn.tsx"], maxJsBytes: 150_000 },
      sizeOf,
    );
    expect(weight.jsBytes).toBe(20_000 + 100_000 + 2_000 + 1_000);
    expect(weight.cssBytes).toBe(30_000 + 500);
    expect(weight.js.map((file) => file.file)).toEqual([
      "assets/framework-f1.js",
      "assets/index-e1.js",
      "assets/Button-b1.js",
      "assets/SignIn-s1.js",
    ]);
    expect(isOverBudget(weight)).toBe(false);
    expect(describeWeight(weight)).toBe(
      "Sign in: 123.0 KB of JavaScript (budget 150.0 KB), 30.5 KB of CSS, gzipped: within budget",
    );
  });

  it("fails a page over its budget and names its biggest chunks", () => {
    const weight = weighPage(
      manifest,
      { page: "My plate", chunks: ["index.html", "plate/Plate.tsx"], maxJsBytes: 150_000 },
      sizeOf,
    );
    expect(weight.jsBytes).toBe(20_000 + 100_000 + 30_000 + 2_000 + 15_000);
    expect(isOverBudget(weight)).toBe(true);
    expect(describeWeight(weight, 2)).toBe(
      [
        "My plate: 167.0 KB of JavaScript (budget 150.0 KB), 31.5 KB of CSS, gzipped: OVER BUDGET by 17.0 KB. Its biggest chunks:",
        "   100.0 KB  assets/framework-f1.js",
        "    30.0 KB  assets/Plate-p1.js",
      ].join("\n"),
    );
  });

  it("is exactly at its budget when the sum equals it", () => {
    const weight = weighPage(manifest, { page: "Exact", chunks: ["_dnd-d1.js"], maxJsBytes: 15_000 }, sizeOf);
    expect(isOverBudget(weight)).toBe(false);
  });

  it("refuses a page whose chunk the build does not have, rather than weighing nothing", () => {
    expect(() => staticClosure(manifest, ["index.html", "auth/SignUp.tsx"])).toThrow(
      'The build has no chunk for "auth/SignUp.tsx": was the page moved or renamed?',
    );
    const broken: Manifest = { "index.html": { file: "assets/index.js", imports: ["_gone.js"] } };
    expect(() => staticClosure(broken, ["index.html"])).toThrow(
      '"index.html" imports "_gone.js", which the manifest does not list.',
    );
  });
});
