import type { FastifyInstance } from "fastify";
import { Nudge, Nudged } from "../../contract/comments";
import { IdParams, listOf, problemResponses } from "../../contract/common";
import {
  AddAssignees,
  AssigneeGroup,
  AssigneePreview,
  AssigneePreviewQuery,
  CancelRequest,
  CreateRequest,
  Request,
} from "../../contract/requests";
import { AppError } from "../../core/errors";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { addAssignees } from "./add-assignees";
import { cancelRequest } from "./cancel";
import { createRequest } from "./create";
import { getRequest } from "./load";
import { nudgeRequest } from "./nudge";
import { listMyRequests, previewAssignees } from "./read";

const tags = ["Requests"];

export function registerRequestRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);

  api.post(
    "/requests",
    {
      schema: {
        tags,
        summary: "Ask many people for one thing: each gets their own task",
        description:
          "Each assignee's task goes to the bottom of their plate, or to their triage when you are not in their management chain; each of those counts against your daily asks into triage (429 with `Retry-After` past them, and nobody is asked).",
        body: CreateRequest,
        response: { 201: Request, ...problemResponses(400, 401, 403, 422, 429) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createRequest(ctx, requireActor(request), request.body)),
  );

  api.get(
    "/requests",
    {
      schema: {
        tags,
        summary: "The requests I made, newest first",
        response: { 200: listOf(Request), ...problemResponses(401, 403) },
      },
    },
    async (request) => ({ items: await listMyRequests(ctx, requireActor(request)) }),
  );

  api.get(
    "/requests/preview",
    {
      schema: {
        tags,
        summary:
          "Before sending: each assignee's load, and whether their task lands on the plate or in triage",
        querystring: AssigneePreviewQuery,
        response: { 200: listOf(AssigneePreview), ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request) => {
      const ids = splitList(request.query.ids);
      const groups = splitList(request.query.groups).map((group) => {
        const parsed = AssigneeGroup.safeParse(group);
        if (!parsed.success) {
          throw new AppError("validation_failed", `Unknown group "${group}".`, {
            errors: [{ path: "groups", message: "expected direct_reports or everyone_below" }],
          });
        }
        return parsed.data;
      });
      return { items: await previewAssignees(ctx, requireActor(request), ids, groups) };
    },
  );

  api.get(
    "/requests/:id",
    {
      schema: {
        tags,
        summary: "One request, with its progress and each person's state",
        description: "Visible to its requester, its assignees and admins.",
        params: IdParams,
        response: { 200: Request, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => getRequest(ctx, requireActor(request), request.params.id),
  );

  api.post(
    "/requests/:id/cancel",
    {
      schema: {
        tags,
        summary: "Cancel a request: every unfinished task is dropped with the reason",
        params: IdParams,
        body: CancelRequest,
        response: { 200: Request, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    (request) => cancelRequest(ctx, requireActor(request), request.params.id, request.body),
  );

  api.post(
    "/requests/:id/assignees",
    {
      schema: {
        tags,
        summary: "Ask more people: each new one gets their own task",
        params: IdParams,
        body: AddAssignees,
        response: { 200: Request, ...problemResponses(400, 401, 403, 404, 422, 429) },
      },
    },
    (request) => addAssignees(ctx, requireActor(request), request.params.id, request.body),
  );

  api.post(
    "/requests/:id/nudge",
    {
      schema: {
        tags,
        summary: "Remind everyone who has not finished (the requester only)",
        description:
          "Each assignee whose task is not done or dropped gets an inbox entry with the note, carried by their next digest; nothing is mailed. `nudged` names them; when nobody is left it is empty and the nudge does not count. At most once in 24 hours per request: 429 with `Retry-After` before that, and a refused nudge does not count either. 403 for others who see the request.",
        params: IdParams,
        body: Nudge,
        response: { 202: Nudged, ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await nudgeRequest(ctx, requireActor(request), request.params.id, request.body)),
  );
}

function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
