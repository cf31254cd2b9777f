import { request } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";

export interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
}

/**
 * A client of `GET /api/v1/events` on a listening app: resolves once the server says it is connected,
 * then collects every event. `next` waits for the first event (already received or still to come)
 * that matches.
 */
export class EventStream {
  readonly events: StreamEvent[] = [];
  #waiters: { match: (event: StreamEvent) => boolean; resolve: (event: StreamEvent) => void }[] = [];
  #close: () => void = () => undefined;
  #ended!: Promise<void>;

  /** Resolves when the server ends the stream. */
  ended(): Promise<void> {
    return this.#ended;
  }

  static async open(app: FastifyInstance, credentials: string | { token: string }): Promise<EventStream> {
    const stream = new EventStream();
    const headers: Record<string, string> = { accept: "text/event-stream" };
    if (typeof credentials === "string") headers.cookie = credentials;
    else headers.authorization = `Bearer ${credentials.token}`;
    const { port } = app.server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/api/v1/events", headers }, (response) => {
        stream.#ended = new Promise((ended) => response.once("end", ended));
        if (response.statusCode !== 200) {
          reject(new Error(`events answered ${response.statusCode}`));
          return;
        }
        response.setEncoding("utf8");
        let buffer = "";
        response.on("data", (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf("\n\n");
          while (end !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.includes(": connected")) resolve();
            stream.#receive(block);
            end = buffer.indexOf("\n\n");
          }
        });
      });
      req.on("error", reject);
      req.end();
      stream.#close = () => req.destroy();
    });
    return stream;
  }

  next(match: (event: StreamEvent) => boolean): Promise<StreamEvent> {
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  close(): void {
    this.#close();
  }

  #receive(block: string): void {
    const lines = block.split("\n");
    const event = lines.find((line) => line.startsWith("event: "))?.slice(7);
    const data = lines.find((line) => line.startsWith("data: "))?.slice(6);
    if (!event || !data) return;
    const received = { event, data: JSON.parse(data) as Record<string, unknown> };
    this.events.push(received);
    this.#waiters = this.#waiters.filter((waiter) => {
      if (!waiter.match(received)) return true;
      waiter.resolve(received);
      return false;
    });
  }
}
