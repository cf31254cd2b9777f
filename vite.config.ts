import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Writes a `.br` and a `.gz` copy beside every text file of the build above a kilobyte, compressed
 * once as hard as the formats allow: the server sends the one the browser accepts (@fastify/static's
 * `preCompressed`) and compresses nothing while answering.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  let outDir = "";
  return {
    name: "docket-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      const texts = Object.keys(bundle).filter((file) => /\.(js|css|html|svg)$/.test(file));
      await Promise.all(
        texts.map(async (file) => {
          const path = join(outDir, file);
          const content = await readFile(path);
          if (content.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        }),
      );
    },
  };
}

/*
 * Each page is a chunk of its own (src/web/app/router.tsx loads them lazily); scripts/check-web-size.ts
 * keeps the sign-in page and My plate within their budgets. Libraries every page runs on get chunks
 * of their own, which stay cached across releases; the rest of each library goes with the pages that
 * use it (dnd-kit with the plate, react-markdown with the notes), split by Rolldown as it sees fit.
 */
export default defineConfig({
  root: fromRoot("./src/web"),
  plugins: [react(), precompress()],
  build: {
    outDir: fromRoot("./dist/web"),
    emptyOutDir: true,
    // Read by scripts/check-web-size.ts.
    manifest: true,
    // Every browser the app supports preloads modules itself.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React, the router and the query cache: what the entry needs of them, in one chunk.
            {
              name: "framework",
              test: /node_modules[\\/](react|react-dom|scheduler|use-sync-external-store|@tanstack[\\/][a-z-]+)[\\/]/,
              tags: ["$initial"],
              priority: 3,
            },
            // Mantine's theme, styles and the components the entry draws; each page's other
            // components load with that page. One chunk of all of Mantine would not fit sign-in's budget.
            {
              name: "mantine",
              test: /node_modules[\\/]@mantine[\\/]/,
              tags: ["$initial"],
              priority: 2,
            },
            // The record's chart and what it draws with: loaded by the Record page alone.
            {
              name: "charts",
              test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|@reduxjs|react-redux|redux|immer|reselect|decimal\.js-light|es-toolkit|eventemitter3)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
