import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { IdParams, listOf, problemResponses } from "../../contract/common";
import {
  AcceptInvitation,
  CreatedInvitation,
  CreateInvitation,
  Invitation,
  InvitationPreview,
  InvitationTokenParams,
} from "../../contract/invitations";
import { Me } from "../../contract/me";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { acceptInvitation, previewInvitation } from "./accept";
import { createInvitation } from "./create";
import { listInvitations, revokeInvitation } from "./manage";

export function registerInvitationRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    "/invitations",
    {
      schema: {
        tags: ["Invitations"],
        summary: "Invite someone by e-mail (owner or admin)",
        description:
          "Returns the link to pass on; it is also e-mailed (through the outbox). It works once and expires after 7 days. At most 50 invitations per inviter in any 24 hours (429 with `Retry-After` beyond).",
        body: CreateInvitation,
        response: { 201: CreatedInvitation, ...problemResponses(400, 401, 403, 422, 429) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createInvitation(ctx, requireActor(request), request.body)),
  );

  typed(app).get(
    "/invitations",
    {
      schema: {
        tags: ["Invitations"],
        summary: "My organization's invitations, newest first (owner or admin)",
        response: { 200: listOf(Invitation), ...problemResponses(401, 403) },
      },
    },
    async (request) => ({ items: await listInvitations(ctx, requireActor(request)) }),
  );

  typed(app).delete(
    "/invitations/:id",
    {
      schema: {
        tags: ["Invitations"],
        summary: "Withdraw an invitation (owner or admin)",
        params: IdParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      await revokeInvitation(ctx, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  typed(app).get(
    "/invitations/:token",
    {
      config: { public: true },
      schema: {
        tags: ["Invitations"],
        summary: "What an invitation link is for (no sign-in needed)",
        params: InvitationTokenParams,
        response: { 200: InvitationPreview, ...problemResponses(400, 404, 410) },
      },
    },
    (request) => previewInvitation(ctx, request.params.token),
  );

  typed(app).post(
    "/invitations/:token/accept",
    {
      config: { public: true },
      schema: {
        tags: ["Invitations"],
        summary: "Accept an invitation and sign in (no sign-in needed)",
        description:
          "Creates the account; or, when the e-mail already has an account in no organization, joins with that account's password.",
        params: InvitationTokenParams,
        body: AcceptInvitation,
        response: { 201: Me, ...problemResponses(400, 404, 409, 410, 422, 429) },
      },
    },
    async (request, reply) => {
      const { me, cookies } = await acceptInvitation(ctx, request.params.token, request.body, {
        headers: fromNodeHeaders(request.headers),
        address: request.ip,
      });
      if (cookies.length > 0) reply.header("set-cookie", cookies);
      return reply.code(201).send(me);
    },
  );
}
