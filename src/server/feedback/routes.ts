import type { FastifyInstance } from "fastify";
import { IdParams, problemResponses } from "../../contract/common";
import {
  AskForFeedback,
  Feedback,
  FeedbackPage,
  FeedbackQuery,
  FeedbackRequest,
  FeedbackRequestPage,
  FeedbackRequestsQuery,
  GiveFeedback,
} from "../../contract/feedback";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { askForFeedback } from "./ask";
import { giveFeedback } from "./give";
import { getFeedback, getFeedbackRequest, listFeedback, listFeedbackRequests } from "./read";

const tags = ["Feedback"];
/** Feedback is for its giver, its receiver and, when shared, the receiver's managers: no cache but theirs keeps it. */
const privately = "private, no-store";

export function registerFeedbackRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);

  api.post(
    "/feedback",
    {
      schema: {
        tags,
        summary: "Give someone of my organization feedback, or answer a feedback request",
        description:
          "Fixed once sent. `private`: the giver and the receiver only; `with_manager`: also the receiver's management chain. `taskId`: a task I can see that they own or asked for; `requestId`: a request I can see that they sent or were asked in, or a feedback request I was asked in (then this is my answer: once (409 after), to the person it is about, and `with_manager` when their manager asked). The receiver hears of it in their inbox and digest, never by a message of its own.",
        body: GiveFeedback,
        response: { 201: Feedback, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header("cache-control", privately)
        .send(await giveFeedback(ctx, requireActor(request), request.body)),
  );

  api.get(
    "/feedback",
    {
      schema: {
        tags,
        summary: "Feedback I received or gave, newest first",
        description:
          "A page at a time (`limit`, `cursor`, and `nextCursor` when more follow). With `personId`, someone below me in the management chain: their `with_manager` feedback received (404 for anyone else's).",
        querystring: FeedbackQuery,
        response: { 200: FeedbackPage, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .header("cache-control", privately)
        .send(await listFeedback(ctx, requireActor(request), request.query)),
  );

  api.post(
    "/feedback/requests",
    {
      schema: {
        tags,
        summary: "Ask people for feedback about me, or about someone who reports to me",
        description:
          "At most 20 people, each once, none of them the person it is about. Each hears of it in their inbox and digest. At most 20 requests a day per person (429 with `Retry-After` past them, and nobody is asked).",
        body: AskForFeedback,
        response: { 201: FeedbackRequest, ...problemResponses(400, 401, 403, 404, 422, 429) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await askForFeedback(ctx, requireActor(request), request.body)),
  );

  api.get(
    "/feedback/requests",
    {
      schema: {
        tags,
        summary: "Feedback requests I was asked in, or sent, newest first",
        description: "A page at a time (`limit`, `cursor`, and `nextCursor` when more follow).",
        querystring: FeedbackRequestsQuery,
        response: { 200: FeedbackRequestPage, ...problemResponses(400, 401, 403) },
      },
    },
    (request) => listFeedbackRequests(ctx, requireActor(request), request.query),
  );

  api.get(
    "/feedback/requests/:id",
    {
      schema: {
        tags,
        summary: "One feedback request, with who answered",
        description: "For the person who asked and the people asked; 404 to anyone else.",
        params: IdParams,
        response: { 200: FeedbackRequest, ...problemResponses(400, 401, 403, 404) },
      },
    },
    (request) => getFeedbackRequest(ctx, requireActor(request), request.params.id),
  );

  api.get(
    "/feedback/:id",
    {
      schema: {
        tags,
        summary: "One feedback",
        description:
          "For its giver, its receiver and, when `with_manager`, the receiver's management chain; 404 to anyone else, owners and admins included.",
        params: IdParams,
        response: { 200: Feedback, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .header("cache-control", privately)
        .send(await getFeedback(ctx, requireActor(request), request.params.id)),
  );
}
