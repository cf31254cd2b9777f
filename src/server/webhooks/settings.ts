import { lookup } from "node:dns";
import type { LookupFunction } from "node:net";
import type { Config } from "../config";

/** How webhooks are sent: one per application, in its context (tests change them there). */
export interface WebhookSettings {
  /** WEBHOOK_ALLOW_PRIVATE: loopback, private and reserved targets are allowed. */
  allowPrivate: boolean;
  /** How long an attempt waits for an answer before it counts as failed. */
  timeoutMs: number;
  /** How a target's name is resolved, for the check at creation and for every connection. */
  lookup: LookupFunction;
}

/** An attempt waits this long for an answer. */
export const webhookTimeoutMs = 10_000;

export function webhookSettings(config: Config): WebhookSettings {
  return {
    allowPrivate: config.webhookAllowPrivate,
    timeoutMs: webhookTimeoutMs,
    lookup: lookup as LookupFunction,
  };
}
