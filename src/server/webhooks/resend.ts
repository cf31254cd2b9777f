import type { WebhookDelivery } from "../../contract/webhooks";
import type { Actor } from "../../core/access";
import { notFound, ruleViolated } from "../../core/errors";
import { recordAudit } from "../audit/record";
import type { AppContext } from "../context";
import { managedEndpoint } from "./endpoint-access";
import { presentDelivery } from "./present";
import { findDelivery, latestAttempts, sendAgain } from "./store";

/**
 * "Send again": the delivery is due at once, with the same `webhook-id`, for a fresh run of tries;
 * its attempts so far are kept. Only while the endpoint is on (422 otherwise). Audited.
 */
export async function resendDelivery(
  ctx: AppContext,
  actor: Actor,
  id: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const endpoint = await managedEndpoint(trx, actor, id);
    if (!(await findDelivery(trx, endpoint.id, deliveryId))) throw notFound("Delivery");
    if (endpoint.disabled_at !== null) {
      throw ruleViolated("This webhook is turned off: turn it on again before sending anything to it.", [
        { path: "enabled", message: "the webhook is off" },
      ]);
    }
    await sendAgain(trx, endpoint.id, deliveryId, at);
    await recordAudit(trx, {
      organizationId: endpoint.organization_id,
      actorId: actor.id,
      at,
      action: "webhook.resent",
      to: { id: endpoint.id, deliveryId },
    });
    const delivery = await findDelivery(trx, endpoint.id, deliveryId);
    if (!delivery) throw notFound("Delivery");
    return presentDelivery(delivery, await latestAttempts(trx, endpoint.id, [deliveryId]));
  });
}
