import type { FastifyInstance } from "fastify";
import { problemResponses } from "../../contract/common";
import { DigestPreview } from "../../contract/inbox";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { previewDigest } from "./preview";

export function registerDigestRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    "/me/digest/preview",
    {
      schema: {
        tags: ["Inbox"],
        summary: "What my next digest would say now",
        description:
          "Composed from what no digest has carried yet, exactly as the e-mail would be. `wouldSend` is false when there is nothing new: then no e-mail goes out at the slot.",
        response: { 200: DigestPreview, ...problemResponses(401) },
      },
    },
    (request) => previewDigest(ctx, requireActor(request)),
  );
}
