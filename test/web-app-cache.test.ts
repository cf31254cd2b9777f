import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../src/core/clock";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { createMailer, type Mailer } from "../src/server/mail/mailer";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases";
import { baseUrl } from "./support/harness";

const immutable = "public, max-age=31536000, immutable";
const entryChunk = "/assets/index-B8zTI1e_.js";

const entrySource = `export const app = "${"Docket ".repeat(200)}";\n`;
const indexHtml = `<!doctype html><html><head><script type="module" src="${entryChunk}"></script></head><body><div id="root"></div></body></html>`;

/**
 * A built web app as Vite lays it out: index.html, hashed files under assets/, public files beside
 * them, and the brotli and gzip copies the build writes beside its text files.
 */
function writeWebApp(root: string): void {
  mkdirSync(join(root, "assets"), { recursive: true });
  mkdirSync(join(root, ".vite"), { recursive: true });
  const withCopies = (path: string, content: string) => {
    writeFileSync(join(root, path), content);
    writeFileSync(join(root, `${path}.br`), brotliCompressSync(content));
    writeFileSync(join(root, `${path}.gz`), gzipSync(content));
  };
  withCopies("index.html", indexHtml);
  withCopies(entryChunk, entrySource);
  writeFileSync(join(root, "assets/index-Cv0aE1x2.css"), "body{margin:0}\n");
  writeFileSync(join(root, "favicon.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
  writeFileSync(join(root, ".vite/manifest.json"), "{}\n");
}

describe.each(dialects)("the web app's caching on %s", (dialect) => {
  let app: FastifyInstance;
  let database: TestDatabase;
  let mailer: Mailer;
  let dataDir: string;
  let webRoot: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "docket-data-"));
    webRoot = mkdtempSync(join(tmpdir(), "docket-web-"));
    writeWebApp(webRoot);
    database = await createTestDatabase(dialect);
    const config = {
      ...loadConfig({
        DATA_DIR: dataDir,
        BASE_URL: baseUrl,
        AUTH_SECRET: "test-secret-0123456789abcdef0123456789",
      }),
      databaseUrl: database.url,
      webRoot,
    };
    mailer = createMailer({
      smtpUrl: null,
      outboxDir: join(dataDir, "outbox"),
      from: "Docket <d@docket.test>",
    });
    ({ app } = await buildApp({
      config,
      database: database.handle,
      clock: new ManualClock(new Date()),
      mailer,
    }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    mailer?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webRoot, { recursive: true, force: true });
  });

  const get = (url: string, method: "GET" | "HEAD" = "GET", acceptEncoding?: string) =>
    app.inject({ method, url, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

  it("keeps hashed assets for a year, unchanged", async () => {
    for (const url of [entryChunk, "/assets/index-Cv0aE1x2.css"]) {
      const answer = await get(url);
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers["cache-control"], url).toBe(immutable);
    }
    const head = await get(entryChunk, "HEAD");
    expect(head.statusCode).toBe(200);
    expect(head.headers["cache-control"]).toBe(immutable);
  });

  it("has the browser ask again for index.html, however the page is reached", async () => {
    for (const url of ["/", "/index.html", "/plate", "/people/p1/record?period=quarter", "/sign-in"]) {
      const answer = await get(url);
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers["content-type"], url).toMatch(/^text\/html/);
      expect(answer.body, url).toContain(entryChunk);
      expect(answer.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("keeps files without a hash in their name only briefly", async () => {
    const answer = await get("/favicon.svg");
    expect(answer.statusCode).toBe(200);
    expect(answer.headers["cache-control"]).toBe("public, max-age=3600");
  });

  it("answers a missing asset with a 404, not with the page", async () => {
    const answer = await get("/assets/index-gone1234.js");
    expect(answer.statusCode).toBe(404);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("sends the compressed copy the browser accepts, cached as its file is", async () => {
    const brotli = await get(entryChunk, "GET", "gzip, deflate, br, zstd");
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers["content-type"]).toMatch(/javascript/);
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(brotli.headers["cache-control"]).toBe(immutable);
    expect(brotli.rawPayload.equals(brotliCompressSync(entrySource))).toBe(true);

    const gzipped = await get(entryChunk, "GET", "gzip");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.rawPayload.equals(gzipSync(entrySource))).toBe(true);

    const plain = await get(entryChunk, "GET", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(entrySource);

    for (const url of ["/", "/plate"]) {
      const page = await get(url, "GET", "br");
      expect(page.headers["content-encoding"], url).toBe("br");
      expect(page.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("does not serve the compressed copies at addresses of their own", async () => {
    for (const url of [`${entryChunk}.br`, `${entryChunk}.gz`]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });

  it("does not serve the build's manifest", async () => {
    const answer = await get("/.vite/manifest.json");
    expect(answer.body).not.toBe("{}\n");
    expect(answer.headers["content-type"]).not.toMatch(/json/);
  });
});
