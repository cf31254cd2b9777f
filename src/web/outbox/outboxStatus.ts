import type { OutboxMessage } from "../../contract/outbox";

export interface StatusView {
  label: string;
  color: string;
  /** What else there is to know: when it went, when it is tried again, what went wrong. */
  details: string[];
}

const KIND_LABELS: Record<OutboxMessage["kind"], string> = {
  digest: "Digest",
  urgent: "Urgent",
  invitation: "Invitation",
};

export function kindLabel(kind: OutboxMessage["kind"]): string {
  return KIND_LABELS[kind] ?? kind;
}

/**
 * How a message's state reads: pending with its next attempt and last error, sent with when, or
 * canceled. `formatInstant` and `formatRelative` write instants the way the page does.
 */
export function statusView(
  message: Pick<OutboxMessage, "status" | "attempts" | "nextAttemptAt" | "lastError" | "sentAt">,
  formatInstant: (instant: string) => string,
  formatRelative: (instant: string) => string,
): StatusView {
  switch (message.status) {
    case "sent":
      return {
        label: "Sent",
        color: "teal",
        details: message.sentAt ? [`Sent ${formatInstant(message.sentAt)}`] : [],
      };
    case "canceled":
      return { label: "Canceled", color: "gray", details: ["Canceled: it will not be sent"] };
    case "pending": {
      const details: string[] = [];
      if (message.nextAttemptAt) {
        details.push(
          `${message.attempts > 0 ? "Next attempt" : "Goes out"} ${formatRelative(message.nextAttemptAt)} (${formatInstant(message.nextAttemptAt)})`,
        );
      }
      if (message.attempts > 0) {
        details.push(`${message.attempts} ${message.attempts === 1 ? "attempt" : "attempts"} so far`);
      }
      if (message.lastError) details.push(`Last error: ${message.lastError}`);
      return {
        label: message.lastError ? "Retrying" : "Pending",
        color: message.lastError ? "orange" : "blue",
        details,
      };
    }
  }
}
