import type { FastifyInstance } from "fastify";
import { problemResponses } from "../../contract/common";
import { OutboxList, OutboxQuery } from "../../contract/outbox";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { readOutbox } from "./service";

export function registerOutboxRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    "/outbox",
    {
      schema: {
        tags: ["Inbox"],
        summary: "The organization's outgoing mail (owner or admin)",
        description:
          "Digests, urgent e-mails and invitations, newest first, with their delivery state; the links that act for their recipient are left out. Without `SMTP_URL` each sent message is also an `.eml` file in `DATA_DIR/outbox`.",
        querystring: OutboxQuery,
        response: { 200: OutboxList, ...problemResponses(400, 401, 403) },
      },
    },
    (request) => readOutbox(ctx, requireActor(request), request.query),
  );
}
