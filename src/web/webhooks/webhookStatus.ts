import type { Webhook, WebhookAttempt, WebhookDelivery } from "../../contract";

/** How a state reads on the page: a badge, and what else there is to know. */
export interface StatusView {
  label: string;
  color: string;
  detail: string | null;
}

/** How instants are written: exactly, and relative to `now` ("in 5 minutes"). */
export interface InstantFormats {
  now: number;
  exact: (instant: string) => string;
  relative: (instant: string) => string;
}

/**
 * Where an endpoint stands: on and answering, failing since when, turned off after 24 hours of
 * failures, or turned off by someone.
 */
export function endpointStatus(
  webhook: Pick<Webhook, "enabled" | "failingSince" | "disabledAt" | "disabledReason">,
  formats: InstantFormats,
): StatusView {
  if (!webhook.enabled) {
    const since = webhook.disabledAt ? ` on ${formats.exact(webhook.disabledAt)}` : "";
    return webhook.disabledReason === "failing"
      ? {
          label: "Turned off after 24 hours of failures",
          color: "red",
          detail: `Turned off${since}. Nothing is sent to it until it is turned on again.`,
        }
      : { label: "Off", color: "gray", detail: `Turned off${since}. Nothing is sent to it.` };
  }
  if (webhook.failingSince) {
    return {
      label: `Failing since ${formats.exact(webhook.failingSince)}`,
      color: "orange",
      detail: "Its deliveries are retried; after 24 hours of failures it is turned off.",
    };
  }
  return { label: "On", color: "teal", detail: null };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Where a delivery stands: waiting for its next attempt (and when, or now when due), delivered (when), or given up. */
export function deliveryStatus(
  delivery: Pick<WebhookDelivery, "status" | "nextAttemptAt" | "deliveredAt" | "attemptCount">,
  formats: InstantFormats,
): StatusView {
  switch (delivery.status) {
    case "delivered":
      return {
        label: "Delivered",
        color: "teal",
        detail: delivery.deliveredAt ? `Delivered ${formats.exact(delivery.deliveredAt)}` : null,
      };
    case "failed":
      return {
        label: "Failed",
        color: "red",
        detail:
          delivery.attemptCount === 0
            ? "Not sent: the webhook was turned off"
            : `Not delivered after ${plural(delivery.attemptCount, "attempt", "attempts")}`,
      };
    case "pending": {
      const next = delivery.nextAttemptAt;
      const when =
        next === null || Date.parse(next) <= formats.now
          ? " now"
          : ` ${formats.relative(next)} (${formats.exact(next)})`;
      return {
        label: "Pending",
        color: "blue",
        detail: delivery.attemptCount === 0 ? `Goes out${when}` : `Next attempt${when}`,
      };
    }
  }
}

/** What one attempt came to: the status answered, what went wrong, or both. */
export function attemptOutcome(attempt: Pick<WebhookAttempt, "status" | "error">): {
  text: string;
  ok: boolean;
} {
  const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300 && !attempt.error;
  if (attempt.status === null) return { text: attempt.error ?? "No answer", ok: false };
  return { text: attempt.error ? `HTTP ${attempt.status}: ${attempt.error}` : `HTTP ${attempt.status}`, ok };
}

/** "85 ms", "1.2 s", "10 s". */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${milliseconds} ms`;
  const seconds = milliseconds / 1000;
  return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
}

/** What an endpoint is called on the page: its description, or its address when it has none. */
export function endpointName(webhook: Pick<Webhook, "description" | "url">): string {
  return webhook.description.trim() || webhook.url;
}
