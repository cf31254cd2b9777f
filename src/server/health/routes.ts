import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { Health } from "../../contract/health";
import { AppError } from "../../core/errors";
import type { AppContext } from "../context";
import { typed } from "../http/typed";

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    "/api/health",
    {
      schema: {
        tags: ["Health"],
        summary: "Is this instance serving, and on which database",
        response: { 200: Health },
      },
    },
    async () => {
      try {
        await sql`select 1`.execute(ctx.db);
      } catch {
        throw new AppError("unavailable", "The database cannot be reached.", { retryAfterSeconds: 5 });
      }
      return { status: "ok" as const, database: ctx.dialect };
    },
  );
}
