/**
 * Live events: what changed, and who may hear of it. Published after a change commits; every
 * instance hands each event to its own open streams (`stream.ts`), which pass it on only to people
 * in its audience.
 */
import { EventEmitter } from "node:events";

export type LiveEvent = TaskChanged | MeetingChanged;

export interface TaskChanged {
  kind: "task.changed";
  taskId: string;
  ownerId: string;
  at: string;
  /** The people who may see the change: the owner, the requester and the owner's management chain. */
  audience: string[];
}

/** A one-on-one meeting changed: its time, state, shared notes, talking points or action items. */
export interface MeetingChanged {
  kind: "meeting.changed";
  meetingId: string;
  seriesId: string;
  at: string;
  /** The two people of the one-on-one, and nobody else. */
  audience: string[];
}

/** What a stream tells its listener of an event: what changed, never who else hears of it. */
export function eventData(event: LiveEvent): Record<string, string> {
  return event.kind === "task.changed"
    ? { taskId: event.taskId, ownerId: event.ownerId, at: event.at }
    : { meetingId: event.meetingId, seriesId: event.seriesId, at: event.at };
}

export type Listener = (event: LiveEvent) => void;

export interface EventBus {
  /** Resolves once events published by any instance reach this one. */
  ready(): Promise<void>;
  publish(event: LiveEvent): Promise<void>;
  subscribe(listener: Listener): () => void;
  close(): Promise<void>;
}

/** One process, one bus: the SQLite set-up, where there is only ever one instance. */
export class LocalEventBus implements EventBus {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  async ready(): Promise<void> {}

  async publish(event: LiveEvent): Promise<void> {
    this.deliver(event);
  }

  /** Hands an event to this process's listeners (a listener's failure stays its own). */
  deliver(event: LiveEvent): void {
    this.#emitter.emit("event", event);
  }

  subscribe(listener: Listener): () => void {
    this.#emitter.on("event", listener);
    return () => this.#emitter.off("event", listener);
  }

  async close(): Promise<void> {
    this.#emitter.removeAllListeners();
  }
}
