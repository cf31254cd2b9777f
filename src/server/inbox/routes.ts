import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { problemResponses } from "../../contract/common";
import { InboxList, InboxQuery, MarkRead } from "../../contract/inbox";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { getInbox, markInboxRead } from "./service";

const tags = ["Inbox"];

export function registerInboxRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);

  api.get(
    "/inbox",
    {
      schema: {
        tags,
        summary: "What concerns me, newest first",
        description:
          "Work added to my plate or triage, my items moved, re-dated, edited, completed or dropped by others, my asks and requests progressing, due soon, overdue and still needed?, feedback received (never its text), feedback requests asked of me, and answers to those I sent. Related changes coalesce into one entry while it is unread. Nothing here is e-mailed on the spot: it waits for my digest.",
        querystring: InboxQuery,
        response: { 200: InboxList, ...problemResponses(400, 401) },
      },
    },
    async (request) => getInbox(ctx, requireActor(request), request.query),
  );

  api.post(
    "/inbox/read",
    {
      schema: {
        tags,
        summary: "Mark entries read",
        description:
          "`{ids}` marks those of my entries read; `{all: true}` marks every entry read. Ids that are not mine are ignored.",
        body: MarkRead,
        response: { 204: z.null(), ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await markInboxRead(ctx, requireActor(request), request.body);
      return reply.code(204).send(null);
    },
  );
}
