import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import { Webhook } from "standardwebhooks";
import type { WebhookSettings } from "./settings";
import { guardedLookup, hostOf, RefusedTarget, refusedLiteral } from "./target-guard";

/** What one attempt came to. */
export interface AttemptOutcome {
  delivered: boolean;
  /** The HTTP status answered; null when no answer came. */
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** How Docket introduces itself to receivers. */
export const userAgent = "Docket-Webhooks/1";

/** The longest error text an attempt keeps. */
const errorLength = 300;

/**
 * POSTs one message to an endpoint, signed as the Standard Webhooks specification says (the
 * signature made for this attempt's timestamp, `now`). A 2xx answer delivers it; a redirect is
 * not followed and counts as a failure, like any other answer, a refused target, a connection that
 * fails or no answer within the timeout. The target is checked as it is connected to (`target-guard.ts`).
 */
export function sendSigned(
  settings: WebhookSettings,
  endpoint: { url: string; secret: string },
  message: { id: string; payload: string },
  now: Date,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const url = new URL(endpoint.url);
  const refused = settings.allowPrivate ? null : refusedLiteral(hostOf(url));
  if (refused)
    return Promise.resolve({ delivered: false, status: null, error: refused.message, durationMs: 0 });
  const body = Buffer.from(message.payload, "utf8");
  const headers = {
    "content-type": "application/json",
    "content-length": String(body.length),
    "user-agent": userAgent,
    "webhook-id": message.id,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": new Webhook(endpoint.secret).sign(message.id, now, body),
  };
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Omit<AttemptOutcome, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: took() });
    };
    const request = transport.request(url, {
      method: "POST",
      headers,
      agent: false,
      lookup: settings.allowPrivate ? settings.lookup : guardedLookup(settings.lookup),
    });
    const timer = setTimeout(() => {
      settle({ delivered: false, status: null, error: `no answer within ${settings.timeoutMs / 1000} s` });
      request.destroy();
    }, settings.timeoutMs);
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      response.destroy();
      const delivered = status >= 200 && status < 300;
      const redirect = status >= 300 && status < 400;
      settle({ delivered, status, error: redirect ? "redirects are not followed" : null });
    });
    request.on("error", (error) => settle({ delivered: false, status: null, error: describe(error, url) }));
    request.end(body);
  });
}

function describe(error: Error & { code?: string }, url: URL): string {
  if (error instanceof RefusedTarget) return error.message;
  switch (error.code) {
    case "ECONNREFUSED":
      return "the connection was refused";
    case "ECONNRESET":
      return "the connection was reset";
    case "ENOTFOUND":
      return `${hostOf(url)} does not resolve`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${hostOf(url)} cannot be reached`;
  }
  const text = error.code ? `${error.code}: ${error.message}` : error.message;
  return text.length > errorLength ? `${text.slice(0, errorLength - 1)}…` : text;
}
