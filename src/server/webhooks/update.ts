import type { Insertable } from "kysely";
import type { UpdateWebhook, Webhook } from "../../contract/webhooks";
import type { Actor } from "../../core/access";
import { recordAudit } from "../audit/record";
import type { AppContext } from "../context";
import type { WebhookEndpointTable } from "../db/schema";
import { managedEndpoint } from "./endpoint-access";
import { maskOf, typesOf } from "./event-types";
import { originOf, presentWebhook } from "./present";
import { type EndpointRow, failPendingDeliveries, updateEndpoint } from "./store";

/**
 * PATCH of an endpoint (owner or admin): its events, its description, or whether it is on. Turned
 * off, what waits to be sent fails and nothing more is queued for it; turned on again, it starts
 * afresh with the next event (failed deliveries can be sent again). A change with nothing in it writes nothing.
 */
export async function updateWebhook(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateWebhook,
): Promise<Webhook> {
  const at = ctx.clock.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const endpoint = await managedEndpoint(trx, actor, id);
    const changes = changesOf(endpoint, input, at);
    if (Object.keys(changes).length === 0) return endpoint;
    const updated = await updateEndpoint(trx, id, { ...changes, updated_at: at });
    if (changes.disabled_at) await failPendingDeliveries(trx, id, at);
    await recordAudit(trx, {
      organizationId: endpoint.organization_id,
      actorId: actor.id,
      at,
      action: "webhook.changed",
      from: summary(endpoint),
      to: summary(updated),
    });
    return updated;
  });
  return presentWebhook(row);
}

type EndpointChanges = Partial<Omit<Insertable<WebhookEndpointTable>, "id" | "organization_id" | "secret">>;

function changesOf(endpoint: EndpointRow, input: UpdateWebhook, at: string): EndpointChanges {
  const changes: EndpointChanges = {};
  if (input.events !== undefined && maskOf(input.events) !== endpoint.event_mask) {
    changes.event_mask = maskOf(input.events);
  }
  if (input.description !== undefined && input.description !== endpoint.description) {
    changes.description = input.description;
  }
  const enabled = endpoint.disabled_at === null;
  if (input.enabled === false && enabled) {
    Object.assign(changes, { disabled_at: at, disabled_reason: "requested" });
  }
  if (input.enabled === true && !enabled) {
    Object.assign(changes, { disabled_at: null, disabled_reason: null, failing_since: null });
  }
  return changes;
}

function summary(row: EndpointRow) {
  return {
    id: row.id,
    origin: originOf(row.url),
    events: typesOf(row.event_mask),
    description: row.description,
    enabled: row.disabled_at === null,
  };
}
