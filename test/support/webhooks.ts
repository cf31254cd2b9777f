import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { expect } from "vitest";
import { WebhookEventType } from "../../src/contract/webhooks";
import type { AppContext } from "../../src/server/context";
import { deliverWebhooks } from "../../src/server/webhooks/deliver";
import type { Client } from "./client";

/** One request the receiver got, as it arrived. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** When it arrived, by the receiver's clock. */
  at: Date;
}

/** How the receiver answers a request: a status, or never (the sender times out). */
export type Answer = number | "never" | { status: number; location: string };

/**
 * A webhook receiver: a real HTTP server on 127.0.0.1 (a free port), keeping every request. It
 * answers `answer(request)`, 204 unless told otherwise. Its clock is `clock`: the sender's (the
 * harness's manual clock), as a receiver's and a sender's agree.
 */
export interface Receiver {
  url(path?: string): string;
  port: number;
  received: Received[];
  answer: (request: Received) => Answer | Promise<Answer>;
  close(): Promise<void>;
}

export async function startReceiver(clock: () => Date): Promise<Receiver> {
  const waiting = new Set<ServerResponse>();
  const receiver = {} as Receiver;
  receiver.received = [];
  receiver.answer = () => 204;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const received = {
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: clock(),
      };
      receiver.received.push(received);
      void Promise.resolve(receiver.answer(received)).then((answer) => {
        if (answer === "never") {
          waiting.add(response);
          return;
        }
        if (typeof answer === "number") response.writeHead(answer).end();
        else response.writeHead(answer.status, { location: answer.location }).end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = (path = "/hook") => `http://127.0.0.1:${receiver.port}${path}`;
  receiver.close = async () => {
    for (const response of waiting) response.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return receiver;
}

export interface VerifiedEvent {
  id: string;
  timestamp: number;
  type: string;
  body: { type: string; timestamp: string; data: Record<string, unknown> };
  raw: string;
}

/**
 * Verifies a request as a receiver would, with `standardwebhooks`' `Webhook#verify` and the
 * endpoint's secret, at the moment it arrived (by the receiver's clock, which agrees with the
 * sender's). Throws when the signature, the headers or the timestamp do not hold.
 */
export function verified(secret: string, received: Received): VerifiedEvent {
  const now = received.at;
  const headers = {
    "webhook-id": String(received.headers["webhook-id"]),
    "webhook-timestamp": String(received.headers["webhook-timestamp"]),
    "webhook-signature": String(received.headers["webhook-signature"]),
  };
  const realNow = Date.now;
  Date.now = () => now.getTime();
  let body: VerifiedEvent["body"];
  try {
    body = new Webhook(secret).verify(received.body, headers) as VerifiedEvent["body"];
  } finally {
    Date.now = realNow;
  }
  return {
    id: headers["webhook-id"],
    timestamp: Number(headers["webhook-timestamp"]),
    type: body.type,
    body,
    raw: received.body,
  };
}

export interface CreatedEndpoint {
  id: string;
  url: string;
  events: string[];
  secret: string;
  createdAt: string;
}

export const allEvents: string[] = WebhookEventType.options;

/** The secret of each endpoint made here, by its port and path: every request a receiver gets is checked against it. */
const secretsByTarget = new Map<string, string>();
const targetOf = (port: number | string, path: string) => `${port} ${path}`;

/** Verifies, as its endpoint's receiver would, every request `receiver` got: each was signed with its endpoint's secret. */
export function expectEverySignatureValid(receiver: Receiver): void {
  for (const received of receiver.received) {
    const secret = secretsByTarget.get(targetOf(receiver.port, received.path));
    expect(secret, `an endpoint was made for ${received.path}`).toBeDefined();
    expect(() => verified(secret ?? "", received)).not.toThrow();
  }
}

/** An endpoint `admin` adds, expecting 201. */
export async function addEndpoint(
  admin: { client: Client },
  url: string,
  events: string[] = allEvents,
  description?: string,
): Promise<CreatedEndpoint> {
  const answer = await admin.client.post<CreatedEndpoint>("/api/v1/webhooks", {
    url,
    events,
    ...(description === undefined ? {} : { description }),
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return rememberEndpoint(answer.body);
}

/** Keeps a new endpoint's secret, to check what its receiver gets (`expectEverySignatureValid`). */
export function rememberEndpoint<E extends { url: string; secret: string }>(endpoint: E): E {
  const target = new URL(endpoint.url);
  secretsByTarget.set(targetOf(target.port, `${target.pathname}${target.search}`), endpoint.secret);
  return endpoint;
}

/** Runs the delivery job once, as the scheduler would. */
export const deliver = (ctx: AppContext) => deliverWebhooks(ctx);

export interface DeliveryLog {
  items: {
    id: string;
    type: string;
    status: string;
    createdAt: string;
    nextAttemptAt: string | null;
    deliveredAt: string | null;
    attemptCount: number;
    attempts: { at: string; status: number | null; error: string | null; durationMs: number }[];
  }[];
  nextCursor?: string;
}

export async function deliveriesOf(
  admin: { client: Client },
  endpointId: string,
  query = "",
): Promise<DeliveryLog> {
  const answer = await admin.client.get<DeliveryLog>(`/api/v1/webhooks/${endpointId}/deliveries${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}
