import type { FastifyInstance } from "fastify";
import { IdParams, listOf, problemResponses } from "../../contract/common";
import { Person, UpdatePerson } from "../../contract/people";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { getPerson, listPeople, updatePerson } from "./service";

export function registerPeopleRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    "/people",
    {
      schema: {
        tags: ["People"],
        summary: "Everyone in my organization",
        response: { 200: listOf(Person), ...problemResponses(401, 403) },
      },
    },
    async (request) => ({ items: await listPeople(ctx, requireActor(request)) }),
  );

  typed(app).get(
    "/people/:id",
    {
      schema: {
        tags: ["People"],
        summary: "One person of my organization",
        params: IdParams,
        response: { 200: Person, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => getPerson(ctx, requireActor(request), request.params.id),
  );

  typed(app).patch(
    "/people/:id",
    {
      schema: {
        tags: ["People"],
        summary: "Change a person's manager, role or title (owner or admin)",
        description:
          "A manager that would close a reporting cycle, or demoting the last owner, is refused with 422.",
        params: IdParams,
        body: UpdatePerson,
        response: { 200: Person, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    (request) => updatePerson(ctx, requireActor(request), request.params.id, request.body),
  );
}
