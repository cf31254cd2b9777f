import { type Kysely, sql } from "kysely";
import pg from "pg";
import type { Database } from "../db/schema";
import { type EventBus, type Listener, type LiveEvent, LocalEventBus } from "./bus";

const channel = "docket_events";
/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more. */
const maxPayloadBytes = 7_900;
const reconnectDelayMs = 1_000;

interface Log {
  warn(object: unknown, message: string): void;
}

/**
 * Live events across every instance on one PostgreSQL database: `publish` is a NOTIFY, and each
 * instance LISTENs on a connection of its own and delivers what arrives, its own events included.
 * A lost listening connection is re-opened; events sent meanwhile are missed, which live views
 * survive (they re-read when their stream reconnects).
 */
export class PostgresEventBus implements EventBus {
  readonly #local = new LocalEventBus();
  #listener: pg.Client | null = null;
  #closed = false;
  #ready: Promise<void>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly url: string,
    private readonly log: Log,
  ) {
    this.#ready = this.#listen();
  }

  /** Resolves once this instance is listening (tests wait for it before publishing elsewhere). */
  ready(): Promise<void> {
    return this.#ready;
  }

  async publish(event: LiveEvent): Promise<void> {
    let payload = JSON.stringify(event);
    if (Buffer.byteLength(payload) > maxPayloadBytes) {
      // An absurdly deep chain: send the event to the owner only rather than not at all.
      payload = JSON.stringify({ ...event, audience: event.audience.slice(0, 1) });
    }
    await sql`select pg_notify(${channel}, ${payload})`.execute(this.db);
  }

  subscribe(listener: Listener): () => void {
    return this.#local.subscribe(listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#ready;
    await this.#listener?.end().catch(() => undefined);
    await this.#local.close();
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
    client.on("notification", (message) => {
      if (message.channel !== channel || !message.payload) return;
      this.#local.deliver(JSON.parse(message.payload) as LiveEvent);
    });
    client.on("error", (error) => {
      if (this.#closed) return;
      this.log.warn({ err: error }, "live events: lost the LISTEN connection, reconnecting");
      this.#reconnect(client);
    });
    client.on("end", () => this.#reconnect(client));
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
      this.#listener = client;
    } catch (error) {
      this.log.warn({ err: error }, "live events: cannot LISTEN yet, retrying");
      this.#reconnect(client);
    }
  }

  #reconnect(client: pg.Client): void {
    if (this.#closed || (this.#listener !== client && this.#listener !== null)) return;
    this.#listener = null;
    client.removeAllListeners();
    client.on("error", () => undefined);
    client.end().catch(() => undefined);
    setTimeout(() => {
      if (!this.#closed) this.#ready = this.#listen();
    }, reconnectDelayMs).unref();
  }
}
