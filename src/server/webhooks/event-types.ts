import { WebhookEventType as EventTypes, type WebhookEventType } from "../../contract/webhooks";

/**
 * An endpoint's events are kept as one integer, a bit per type in the contract's order, so that
 * the statement queuing an event picks the endpoints that take it with `event_mask & bit`.
 * The order of the types is therefore permanent: new types are added at the end.
 */
const types = EventTypes.options;

export function bitOf(type: WebhookEventType): number {
  return 1 << types.indexOf(type);
}

export function maskOf(events: readonly WebhookEventType[]): number {
  return events.reduce((mask, type) => mask | bitOf(type), 0);
}

/** The types a mask holds, in the contract's order. */
export function typesOf(mask: number): WebhookEventType[] {
  return types.filter((type) => (mask & bitOf(type)) !== 0);
}
