import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { IdParams, listOf, problemResponses } from "../../contract/common";
import { ApiToken, CreatedToken, CreateToken } from "../../contract/tokens";
import { tokenRules } from "../../core/personal-tokens";
import type { AppContext } from "../context";
import { requireActor, requireSession } from "../http/request-actor";
import { typed } from "../http/typed";
import { createToken, myTokens, revokeToken } from "./service";

export function registerTokenRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    "/tokens",
    {
      schema: {
        tags: ["Tokens"],
        summary: "Create a personal access token (shown once)",
        description: [
          "Use it as `Authorization: Bearer <token>`. Only a digest is stored: it cannot be shown again.",
          "Needs a signed-in session: a request made with a token gets 403.",
          `It works until revoked, or until \`expiresInDays\` have passed (then it is 401 like a revoked one).`,
          `At most ${tokenRules.maxLivePerPerson} tokens that still work per person: 422 beyond.`,
          "Written to the organization's audit log.",
        ].join(" "),
        body: CreateToken,
        response: { 201: CreatedToken, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createToken(ctx, requireSession(request, "Creating a token"), request.body)),
  );

  typed(app).get(
    "/tokens",
    {
      schema: {
        tags: ["Tokens"],
        summary: "My tokens",
        response: { 200: listOf(ApiToken), ...problemResponses(401) },
      },
    },
    async (request) => ({ items: await myTokens(ctx, requireActor(request)) }),
  );

  typed(app).delete(
    "/tokens/:id",
    {
      schema: {
        tags: ["Tokens"],
        summary: "Revoke one of my tokens",
        description: "A token may revoke tokens, itself included. Written to the organization's audit log.",
        params: IdParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeToken(ctx, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
