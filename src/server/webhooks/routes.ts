import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { IdParams, listOf, problemResponses } from "../../contract/common";
import {
  CreatedWebhook,
  CreateWebhook,
  DeliveriesQuery,
  DeliveryPage,
  DeliveryParams,
  UpdateWebhook,
  Webhook,
  WebhookDelivery,
  webhooksPerOrganization,
} from "../../contract/webhooks";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { createWebhook } from "./create";
import { listDeliveries, listWebhooks } from "./read";
import { removeWebhook } from "./remove";
import { resendDelivery } from "./resend";
import { updateWebhook } from "./update";

const delivery = [
  "Each event is POSTed as `{type, timestamp, data}` (`data`: the Task, Request, Goal, or for `meeting.held` the meeting's facts, as the API presents them; never a private note or private feedback),",
  "signed as the Standard Webhooks specification says: `webhook-id` (the same on every attempt), `webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>` keyed by the secret.",
  "A 2xx answer delivers it; anything else, a redirect or no answer within 10 seconds is tried again after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h.",
  "An endpoint failing for 24 hours is turned off, and whoever made it hears of it in their inbox and digest.",
].join(" ");

export function registerWebhookRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    "/webhooks",
    {
      schema: {
        tags: ["Webhooks"],
        summary: "Add a webhook endpoint (owner or admin)",
        description: [
          "The answer holds the signing secret (`whsec_…`): it is shown this once.",
          `At most ${webhooksPerOrganization} endpoints per organization (422 beyond).`,
          "The address must be http(s), at most 2,048 characters, without credentials, and not a loopback, private, link-local, multicast or reserved address, nor a name resolving to one, unless the server runs with `WEBHOOK_ALLOW_PRIVATE=true` (422).",
          delivery,
          "Written to the organization's audit log.",
        ].join(" "),
        body: CreateWebhook,
        response: { 201: CreatedWebhook, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createWebhook(ctx, requireActor(request), request.body)),
  );

  typed(app).get(
    "/webhooks",
    {
      schema: {
        tags: ["Webhooks"],
        summary: "The organization's webhook endpoints (owner or admin)",
        description: "Oldest first; their secrets are never shown again.",
        response: { 200: listOf(Webhook), ...problemResponses(401, 403) },
      },
    },
    async (request) => ({ items: await listWebhooks(ctx, requireActor(request)) }),
  );

  typed(app).patch(
    "/webhooks/:id",
    {
      schema: {
        tags: ["Webhooks"],
        summary: "Change a webhook endpoint's events or description, or turn it off or on (owner or admin)",
        description:
          "Turned off, what waits to be sent to it fails and nothing more is queued; turned on again, it takes the next events (failed deliveries can be sent again). Written to the organization's audit log.",
        params: IdParams,
        body: UpdateWebhook,
        response: { 200: Webhook, ...problemResponses(400, 401, 403, 404) },
      },
    },
    (request) => updateWebhook(ctx, requireActor(request), request.params.id, request.body),
  );

  typed(app).delete(
    "/webhooks/:id",
    {
      schema: {
        tags: ["Webhooks"],
        summary: "Delete a webhook endpoint (owner or admin)",
        description:
          "Its queued deliveries and their log go with it: nothing more is sent to it. Written to the organization's audit log.",
        params: IdParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeWebhook(ctx, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  typed(app).get(
    "/webhooks/:id/deliveries",
    {
      schema: {
        tags: ["Webhooks"],
        summary: "An endpoint's deliveries, newest first, with their attempts (owner or admin)",
        description: `A page at a time (\`limit\`, default 20, and \`cursor\`). ${delivery}`,
        params: IdParams,
        querystring: DeliveriesQuery,
        response: { 200: DeliveryPage, ...problemResponses(400, 401, 403, 404) },
      },
    },
    (request) => listDeliveries(ctx, requireActor(request), request.params.id, request.query),
  );

  typed(app).post(
    "/webhooks/:id/deliveries/:deliveryId/retry",
    {
      schema: {
        tags: ["Webhooks"],
        summary: "Send a delivery again (owner or admin)",
        description:
          "Due at once, with the same `webhook-id`, for a fresh run of tries; the attempts so far stay in its log. Only while the endpoint is on (422). Written to the organization's audit log.",
        params: DeliveryParams,
        response: { 202: WebhookDelivery, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await resendDelivery(ctx, requireActor(request), request.params.id, request.params.deliveryId)),
  );
}
