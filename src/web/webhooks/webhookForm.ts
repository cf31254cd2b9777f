import type { CreateWebhook, UpdateWebhook, Webhook, WebhookEventType } from "../../contract";
import { textProblem } from "../components/textLimits";
import { inFormOrder } from "./webhookEvents";

/** What the endpoint forms hold. */
export interface WebhookFormValues {
  url: string;
  description: string;
  events: WebhookEventType[];
}

export const EMPTY_WEBHOOK: WebhookFormValues = { url: "", description: "", events: [] };

export function webhookValues(webhook: Webhook): WebhookFormValues {
  return { url: webhook.url, description: webhook.description, events: inFormOrder(webhook.events) };
}

/**
 * The checks made before anything is sent. Whether an address will do (its scheme, its length, a
 * host the server may reach) is the server's to say: its answer shows beside the field.
 */
export const webhookValidation = {
  url: (value: string) => (value.trim() === "" ? "Give the address events are sent to" : null),
  description: (value: string) => textProblem("webhookDescription", value),
  events: (value: readonly WebhookEventType[]) => (value.length === 0 ? "Choose at least one event" : null),
};

export function newWebhook(values: WebhookFormValues): CreateWebhook {
  const description = values.description.trim();
  return {
    url: values.url.trim(),
    events: inFormOrder(values.events),
    ...(description ? { description } : {}),
  };
}

/** Only what was changed goes to the server. */
export function webhookChanges(values: WebhookFormValues, base: WebhookFormValues): UpdateWebhook {
  const changes: UpdateWebhook = {};
  const events = inFormOrder(values.events);
  if (events.join() !== inFormOrder(base.events).join()) changes.events = events;
  const description = values.description.trim();
  if (description !== base.description) changes.description = description;
  return changes;
}

/** Where the forms show the server's field errors: `events.0` and the like go to the events. */
export function webhookFieldFor(path: string): string | null {
  if (path === "events" || path.startsWith("events.")) return "events";
  return path === "url" || path === "description" ? path : null;
}
