import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { AppError } from "../../core/errors";
import type { AppContext } from "../context";
import { typed } from "../http/typed";
import { answerLink, inspectLink } from "./answer";
import { stillNeededPage } from "./page";

const Params = z.object({ token: z.string().min(1).max(256) });

/**
 * The pages behind the "still needed?" links of digests. Opening a link only shows what it will do:
 * mail scanners open links on their own, so the action itself is the button's POST. The token is the
 * only credential, and it does that one thing to that one task, until it expires or the task changes.
 */
export function registerStillNeededRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.register(async (scope) => {
    // The page's form posts nothing but itself.
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { bodyLimit: 1024 },
      (_request, _body, done) => done(null, {}),
    );
    const api = typed(scope);
    const home = { label: "Open Docket", href: `${ctx.config.baseUrl}/plate` };
    const send = (reply: FastifyReply, status: number, html: string) =>
      reply.code(status).header("cache-control", "no-store").type("text/html; charset=utf-8").send(html);
    const invalid = (reply: FastifyReply) =>
      send(
        reply,
        410,
        stillNeededPage({
          heading: "This link no longer works",
          message: "It has expired or is not a link Docket made. Open Docket to decide about the task there.",
          link: home,
        }),
      );
    const spent = (reply: FastifyReply, title: string) =>
      send(
        reply,
        409,
        stillNeededPage({
          heading: "Already taken care of",
          message: `“${title}” has changed since this e-mail was sent, so this link does nothing anymore.`,
          link: home,
        }),
      );

    api.get("/still-needed/:token", { schema: { hide: true, params: Params } }, async (request, reply) => {
      const state = await inspectLink(ctx, request.params.token);
      if (state.status === "invalid") return invalid(reply);
      if (state.status === "spent") return spent(reply, state.task.title);
      const keep = state.claim.action === "keep";
      return send(
        reply,
        200,
        stillNeededPage({
          heading: keep ? "Keep this task?" : "Drop this task?",
          message: keep
            ? `“${state.task.title}” has not been touched in a while. Keep it where it is on the plate?`
            : `“${state.task.title}” has not been touched in a while. Drop it as no longer needed?`,
          action: { label: keep ? "Yes, keep it" : "Yes, drop it", danger: !keep },
          link: home,
        }),
      );
    });

    api.post("/still-needed/:token", { schema: { hide: true, params: Params } }, async (request, reply) => {
      const state = await inspectLink(ctx, request.params.token);
      if (state.status === "invalid") return invalid(reply);
      if (state.status === "spent") return spent(reply, state.task.title);
      try {
        await answerLink(ctx, state.claim);
      } catch (error) {
        if (error instanceof AppError && (error.status === 404 || error.status === 403))
          return invalid(reply);
        if (error instanceof AppError && error.status === 409) return spent(reply, state.task.title);
        throw error;
      }
      const kept = state.claim.action === "keep";
      return send(
        reply,
        200,
        stillNeededPage({
          heading: kept ? "Kept" : "Dropped",
          message: kept
            ? `“${state.task.title}” stays on the plate. You will not be asked again until it sits untouched for a while.`
            : `“${state.task.title}” was dropped as no longer needed. It can be reopened from the plate.`,
          link: home,
        }),
      );
    });
  });
}
