import type { FastifyInstance } from "fastify";
import { IdParams, problemResponses } from "../../contract/common";
import { CreateOrganization, Organization, UpdateOrganization } from "../../contract/organizations";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { createOrganization, getOrganization, updateOrganization } from "./service";

export function registerOrganizationRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    "/organizations",
    {
      schema: {
        tags: ["Organizations"],
        summary: "Create an organization; I become its owner",
        body: CreateOrganization,
        response: { 201: Organization, ...problemResponses(400, 401, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrganization(ctx, requireActor(request), request.body)),
  );

  typed(app).get(
    "/organizations/:id",
    {
      schema: {
        tags: ["Organizations"],
        summary: "An organization I belong to",
        params: IdParams,
        response: { 200: Organization, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => getOrganization(ctx, requireActor(request), request.params.id),
  );

  typed(app).patch(
    "/organizations/:id",
    {
      schema: {
        tags: ["Organizations"],
        summary: "Rename my organization or change its rules (owner or admin)",
        description:
          "`settings.urgentPerWeek`: urgent items one requester may send one person per week. `settings.staleAfterDays`: open tasks untouched this long are asked about in digests (still needed?).",
        params: IdParams,
        body: UpdateOrganization,
        response: { 200: Organization, ...problemResponses(400, 401, 403, 404) },
      },
    },
    (request) => updateOrganization(ctx, requireActor(request), request.params.id, request.body),
  );
}
