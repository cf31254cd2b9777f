import type { FastifyInstance } from "fastify";
import { problemResponses } from "../../contract/common";
import { Me, UpdateMe } from "../../contract/me";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { getMe, updateMe } from "./service";

export function registerMeRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    "/me",
    {
      schema: {
        tags: ["Me"],
        summary: "Who I am, and my schedule",
        response: { 200: Me, ...problemResponses(401) },
      },
    },
    (request) => getMe(ctx, requireActor(request)),
  );

  typed(app).patch(
    "/me",
    {
      schema: {
        tags: ["Me"],
        summary: "Change my name, zone, working hours, digest schedule or away period",
        body: UpdateMe,
        response: { 200: Me, ...problemResponses(400, 401) },
      },
    },
    (request) => updateMe(ctx, requireActor(request), request.body),
  );
}
