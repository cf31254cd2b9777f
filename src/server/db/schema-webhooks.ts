import type { ColumnType, Generated } from "kysely";
import type { Instant } from "./schema";

/** The tables of webhooks (migration 013), part of `Database` in schema.ts. */

/** An organization's webhook endpoint: where its events are POSTed, signed with its secret (migration 013). */
export interface WebhookEndpointTable {
  id: string;
  organization_id: string;
  url: string;
  /** The events it takes, one bit each (`webhooks/event-types.ts`). */
  event_mask: number;
  description: ColumnType<string, string | undefined, string>;
  /** `whsec_…`: kept as it is, since it signs every delivery; never answered after creation. */
  secret: string;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  /** The first failure since it last answered 2xx; null while it answers. */
  failing_since: Instant | null;
  /** Null while it is on. */
  disabled_at: Instant | null;
  disabled_reason: "failing" | "requested" | null;
}

/** One event on its way to one endpoint: queued with the change it tells of, sent by whichever instance leases it. */
export interface WebhookDeliveryTable {
  endpoint_id: string;
  /** The `webhook-id` (`msg_…`): the same on every attempt. */
  id: string;
  type: string;
  payload: string;
  status: "pending" | "delivered" | "failed";
  /** Attempts since it was queued or last sent again. */
  attempts: Generated<number>;
  next_attempt_at: Instant;
  lease_until: Instant | null;
  created_at: Instant;
  delivered_at: Instant | null;
}

/** One try at sending a delivery. */
export interface WebhookAttemptTable {
  id: Generated<number>;
  endpoint_id: string;
  delivery_id: string;
  at: Instant;
  /** The HTTP status answered; null when no answer came. */
  status: number | null;
  error: string | null;
  duration_ms: number;
}
