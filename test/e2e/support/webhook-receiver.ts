import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/** One request the receiver got, as it arrived. */
export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A webhook receiver for a test: a real HTTP server on 127.0.0.1 (a free port) keeping every
 * request, answering `answer(request)` (204 unless told otherwise).
 */
export interface HookReceiver {
  url: string;
  received: ReceivedHook[];
  answer: (request: ReceivedHook) => number;
  close(): Promise<void>;
}

export async function startHookReceiver(): Promise<HookReceiver> {
  const receiver = { received: [] as ReceivedHook[], answer: () => 204 } as unknown as HookReceiver;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const received = { headers: request.headers, body: Buffer.concat(chunks).toString("utf8") };
      receiver.received.push(received);
      response.writeHead(receiver.answer(received)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/docket`;
  receiver.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return receiver;
}

/**
 * Checks a request as a receiver would, with the Standard Webhooks library and the signing secret:
 * throws when its signature does not hold. Answers its `webhook-id` and body.
 */
export function verifiedHook(
  secret: string,
  hook: ReceivedHook,
): { id: string; type: string; data: Record<string, unknown> } {
  const headers = Object.fromEntries(
    ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [
      name,
      String(hook.headers[name]),
    ]),
  );
  const body = new Webhook(secret).verify(hook.body, headers) as {
    type: string;
    data: Record<string, unknown>;
  };
  return { id: headers["webhook-id"] ?? "", type: body.type, data: body.data };
}
