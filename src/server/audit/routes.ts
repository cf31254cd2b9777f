import type { FastifyInstance } from "fastify";
import { AuditEvent, AuditQuery } from "../../contract/audit";
import { listOf, problemResponses } from "../../contract/common";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { readAudit } from "./service";

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    "/audit",
    {
      schema: {
        tags: ["Organizations"],
        summary: "What owners and admins did, newest first (owner or admin)",
        description:
          "Role, manager and title changes, invitations created, withdrawn and accepted, personal access tokens created and revoked, passwords changed and reset, and changes to the organization and its rules. Kept for good: the database refuses to change or delete an entry.",
        querystring: AuditQuery,
        response: { 200: listOf(AuditEvent), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => ({ items: await readAudit(ctx, requireActor(request), request.query) }),
  );
}
