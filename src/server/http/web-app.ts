import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../core/errors";
import { sendProblem } from "./problem";

/** Vite puts every file whose name carries a hash of its content under assets/. */
const HASHED_DIR = "assets";
const FOR_A_YEAR = "public, max-age=31536000, immutable";
const ASK_EACH_TIME = "no-cache";
/** The favicon and the like keep their names across releases: kept for an hour. */
const BRIEFLY = "public, max-age=3600";

/** The brotli and gzip copies the build writes beside each text file (vite.config.ts). */
const COMPRESSED_COPY = /\.(br|gz)$/;

/** How long a browser may keep a file of the web app, by its path inside the web root. */
function cacheControlFor(relativePath: string): string {
  const file = relativePath.replace(COMPRESSED_COPY, "");
  if (file.startsWith(`${HASHED_DIR}${sep}`)) return FOR_A_YEAR;
  if (file === "index.html") return ASK_EACH_TIME;
  return BRIEFLY;
}

/**
 * Serves the built web app, compressed when the browser accepts it: hashed assets cached for good,
 * index.html asked for again each time, and every other page path answered with index.html so the
 * app's own router takes over. A missing asset (an old release's chunk) and unknown /api paths stay
 * problem+json 404s.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string | null): Promise<void> {
  const hasWebApp = webRoot !== null && existsSync(join(webRoot, "index.html"));
  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      preCompressed: true,
      // The compressed copies are sent in place of their file, never at their own address.
      globIgnore: ["**/*.br", "**/*.gz"],
      // Its own header would replace the one set here.
      cacheControl: false,
      setHeaders(res, path) {
        res.setHeader("cache-control", cacheControlFor(relative(webRoot, path)));
        res.setHeader("vary", "accept-encoding");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (
      path.startsWith("/api/") ||
      path === "/api" ||
      path.startsWith(`/${HASHED_DIR}/`) ||
      !hasWebApp ||
      (request.method !== "GET" && request.method !== "HEAD")
    ) {
      return sendProblem(reply, new AppError("not_found", `There is nothing at ${request.method} ${path}.`));
    }
    return reply.header("cache-control", ASK_EACH_TIME).sendFile("index.html");
  });
}
