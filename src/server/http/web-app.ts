import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../core/errors";
import { sendProblem } from "./problem";

/**
 * Serves the built web app: hashed assets cached for good, and every other page path answered with
 * index.html so the app's own router takes over. Unknown /api paths stay problem+json 404s.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string | null): Promise<void> {
  const hasWebApp = webRoot !== null && existsSync(join(webRoot, "index.html"));
  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      setHeaders(res, path) {
        res.setHeader(
          "cache-control",
          path.includes(`${join(webRoot, "assets")}`) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (
      path.startsWith("/api/") ||
      path === "/api" ||
      !hasWebApp ||
      (request.method !== "GET" && request.method !== "HEAD")
    ) {
      return sendProblem(reply, new AppError("not_found", `There is nothing at ${request.method} ${path}.`));
    }
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
