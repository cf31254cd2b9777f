import { z } from "zod";
import { Instant } from "../../contract/common";
import type { DeliveriesQuery, DeliveryPage, Webhook } from "../../contract/webhooks";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import type { AppContext } from "../context";
import { pageOf, readCursor } from "../db/pages";
import { managedEndpoint } from "./endpoint-access";
import { presentDelivery, presentWebhook } from "./present";
import { deliveriesPage, endpointsOf, latestAttempts } from "./store";

/** The organization's endpoints (owner or admin), oldest first: at most `webhooksPerOrganization`. */
export async function listWebhooks(ctx: AppContext, actor: Actor): Promise<Webhook[]> {
  requireOrganization(actor);
  authorize(actor, { kind: "webhook.manage", organizationId: actor.organizationId });
  return (await endpointsOf(ctx.db, actor.organizationId)).map(presentWebhook);
}

const CursorKeys = z.tuple([Instant, z.string().min(1).max(100)]);

/** An endpoint's deliveries, newest first, a page at a time, each with its latest attempts. */
export async function listDeliveries(
  ctx: AppContext,
  actor: Actor,
  id: string,
  query: DeliveriesQuery,
): Promise<DeliveryPage> {
  const endpoint = await managedEndpoint(ctx.db, actor, id);
  const after = query.cursor === undefined ? undefined : readCursor(query.cursor, CursorKeys);
  const rows = await deliveriesPage(ctx.db, endpoint.id, {
    limit: query.limit,
    ...(after ? { before: after[0], beforeId: after[1] } : {}),
  });
  const { page, next } = pageOf(rows, query.limit, (last) => [last.created_at, last.id]);
  const attempts = await latestAttempts(
    ctx.db,
    endpoint.id,
    page.map((row) => row.id),
  );
  return {
    items: page.map((row) =>
      presentDelivery(
        row,
        attempts.filter((attempt) => attempt.delivery_id === row.id),
      ),
    ),
    ...next,
  };
}
