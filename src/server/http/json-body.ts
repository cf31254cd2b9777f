import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../core/errors";

/**
 * JSON bodies, parsed by Fastify's own parser (prototype-poisoning guard included), refusing text
 * that holds a NUL character: PostgreSQL cannot store one (a 500) while SQLite would, so it is a
 * 400 on both, before anything runs.
 */
export function registerJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser("error", "error") as (
    request: FastifyRequest,
    body: string,
    done: (error: Error | null, value?: unknown) => void,
  ) => void;
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    parse(request, body as string, (error, value) => {
      if (error) return done(error, undefined);
      const path = pathOfNul(value, []);
      if (path === null) return done(null, value);
      const message = "must not contain the NUL character (\\u0000)";
      done(
        new AppError("validation_failed", `${path || "body"}: ${message}`, { errors: [{ path, message }] }),
        undefined,
      );
    });
  });
}

/** Where in `value` a NUL character is (`a.0.b`), or null when there is none. */
function pathOfNul(value: unknown, at: string[]): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? at.join(".") : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes("\u0000")) return [...at, key].join(".");
    const found = pathOfNul(inner, [...at, key]);
    if (found !== null) return found;
  }
  return null;
}
