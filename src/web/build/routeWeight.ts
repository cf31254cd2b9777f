/**
 * What a page of the built web app costs to download before it can draw, read from Vite's build
 * manifest (`build.manifest`): the entry chunk, the route's own lazy chunks, and every chunk they
 * import statically, each counted once. Chunks imported dynamically are left out: they load later,
 * when something asks for them.
 */

/** One chunk of Vite's manifest (`dist/web/.vite/manifest.json`), keyed there by its source. */
export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** A page and what it may weigh: the manifest keys it loads (the entry first) and its budget in bytes. */
export interface PageBudget {
  page: string;
  chunks: string[];
  maxJsBytes: number;
}

export interface WeighedFile {
  file: string;
  bytes: number;
}

export interface PageWeight {
  page: string;
  maxJsBytes: number;
  jsBytes: number;
  cssBytes: number;
  /** The JavaScript files, heaviest first. */
  js: WeighedFile[];
  css: WeighedFile[];
}

/** The manifest keys of `roots` and of everything they import statically, in the order first met. */
export function staticClosure(manifest: Manifest, roots: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string, from: string | null) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) {
      throw new Error(
        from === null
          ? `The build has no chunk for "${key}": was the page moved or renamed?`
          : `"${from}" imports "${key}", which the manifest does not list.`,
      );
    }
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported, key);
  };
  for (const root of roots) visit(root, null);
  return [...seen];
}

/** Weighs one page; `sizeOf` gives a built file's size as it travels (gzipped). */
export function weighPage(
  manifest: Manifest,
  budget: PageBudget,
  sizeOf: (file: string) => number,
): PageWeight {
  const chunks = staticClosure(manifest, budget.chunks).map((key) => manifest[key] as ManifestChunk);
  const weigh = (files: string[]): WeighedFile[] =>
    [...new Set(files)].map((file) => ({ file, bytes: sizeOf(file) })).sort((a, b) => b.bytes - a.bytes);
  const js = weigh(chunks.map((chunk) => chunk.file).filter((file) => file.endsWith(".js")));
  const css = weigh(chunks.flatMap((chunk) => chunk.css ?? []));
  const total = (files: WeighedFile[]) => files.reduce((sum, file) => sum + file.bytes, 0);
  return {
    page: budget.page,
    maxJsBytes: budget.maxJsBytes,
    jsBytes: total(js),
    cssBytes: total(css),
    js,
    css,
  };
}

export const isOverBudget = (weight: PageWeight): boolean => weight.jsBytes > weight.maxJsBytes;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** One line per page; a page over its budget also names its heaviest chunks. */
export function describeWeight(weight: PageWeight, heaviest = 5): string {
  const summary = `${weight.page}: ${kb(weight.jsBytes)} of JavaScript (budget ${kb(weight.maxJsBytes)}), ${kb(weight.cssBytes)} of CSS, gzipped`;
  if (!isOverBudget(weight)) return `${summary}: within budget`;
  const biggest = weight.js
    .slice(0, heaviest)
    .map((file) => `  ${kb(file.bytes).padStart(9)}  ${file.file}`)
    .join("\n");
  return `${summary}: OVER BUDGET by ${kb(weight.jsBytes - weight.maxJsBytes)}. Its biggest chunks:\n${biggest}`;
}
