import type { Webhook, WebhookDelivery, WebhookEventType } from "../../contract/webhooks";
import { typesOf } from "./event-types";
import type { AttemptRow, DeliveryRow, EndpointRow } from "./store";

/** An endpoint as answered: never its secret, which is shown once, when it is made. */
export function presentWebhook(row: EndpointRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: typesOf(row.event_mask),
    description: row.description,
    enabled: row.disabled_at === null,
    createdAt: row.created_at,
    createdBy: row.created_by,
    failingSince: row.failing_since,
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
  };
}

/** A delivery with its latest attempts (`attempts`: its own, newest first). */
export function presentDelivery(row: DeliveryRow, attempts: readonly AttemptRow[]): WebhookDelivery {
  return {
    id: row.id,
    type: row.type as WebhookEventType,
    status: row.status,
    createdAt: row.created_at,
    nextAttemptAt: row.status === "pending" ? row.next_attempt_at : null,
    deliveredAt: row.delivered_at,
    attemptCount: Number(attempts[0]?.attempt_count ?? 0),
    attempts: attempts.map((attempt) => ({
      at: attempt.at,
      status: attempt.status === null ? null : Number(attempt.status),
      error: attempt.error,
      durationMs: Number(attempt.duration_ms),
    })),
  };
}

/** Where an endpoint sends, as its audit entry and an inbox entry name it: its origin, since a path may hold a secret. */
export function originOf(url: string): string {
  return new URL(url).origin;
}
