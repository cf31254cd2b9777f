import type { Actor } from "../../core/access";
import { recordAudit } from "../audit/record";
import type { AppContext } from "../context";
import { managedEndpoint } from "./endpoint-access";
import { typesOf } from "./event-types";
import { originOf } from "./present";
import { deleteEndpoint } from "./store";

/** Deletes an endpoint (owner or admin) with every delivery queued for it: nothing more is sent to it. Audited. */
export async function removeWebhook(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const endpoint = await managedEndpoint(trx, actor, id);
    await deleteEndpoint(trx, id);
    await recordAudit(trx, {
      organizationId: endpoint.organization_id,
      actorId: actor.id,
      at,
      action: "webhook.deleted",
      from: {
        id: endpoint.id,
        origin: originOf(endpoint.url),
        events: typesOf(endpoint.event_mask),
        description: endpoint.description,
      },
    });
  });
}
