import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { PrivateNote } from "../../src/contract/one-on-ones";
import type { LiveEvent } from "../../src/server/events/bus";
import type { Answer } from "./client";
import type { Member } from "./factories";
import type { Harness } from "./harness";
import type { Caller, Problem } from "./tasks";

export type { PrivateNote };

/**
 * A word written in one place only, to look for everywhere else: letters and digits, so that no
 * encoding on the way (JSON, HTML, CSV, Markdown, quoted-printable, a PDF's text) changes it.
 */
export const marker = (label: string) => `${label}${randomUUID().replaceAll("-", "")}`;

export const noteOf = (as: Caller, meetingId: string) =>
  as.client.get<PrivateNote & Problem>(`/api/v1/meetings/${meetingId}/private-note`);

export const putNote = (as: Caller, meetingId: string, body: unknown) =>
  as.client.put<PrivateNote & Problem>(`/api/v1/meetings/${meetingId}/private-note`, body);

/** An answer that carries a private note: 200, and kept by no cache but the reader's own. */
function expectNoteAnswer(answer: Answer<PrivateNote & Problem>): PrivateNote {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.headers["cache-control"]).toBe("private, no-store");
  return answer.body;
}

/** Writes the caller's own private note on a meeting, expecting 200. */
export async function writeNote(as: Caller, meetingId: string, text: string): Promise<PrivateNote> {
  return expectNoteAnswer(await putNote(as, meetingId, { text }));
}

/** Reads the caller's own private note on a meeting, expecting 200. */
export async function readNote(as: Caller, meetingId: string): Promise<PrivateNote> {
  return expectNoteAnswer(await noteOf(as, meetingId));
}

/**
 * Every private note in the database, straight from it: equal before and after a refused request
 * means nothing was written.
 */
export const privateNoteRows = (h: Harness) =>
  h.ctx.db.selectFrom("private_note").selectAll().orderBy("meeting_id").orderBy("author_id").execute();

/**
 * Everything an API reader was shown, place by place, so that a text can be looked for in all of it.
 * Each place names what it must show (a text known to be there), which proves the place was read
 * in a form where a text would be found.
 */
export class Sightings {
  readonly #places: { where: string; text: string }[] = [];

  /** Records what `where` showed, expecting each of `shows` in it. */
  add(where: string, content: unknown, shows: readonly string[] = []): void {
    const text = typeof content === "string" ? content : JSON.stringify(content);
    for (const known of shows) expect(text, `${where} shows ${known}`).toContain(known);
    this.#places.push({ where, text });
  }

  /** GETs `path` as `as`, expecting 200, and records the answer's body. */
  async read(where: string, as: Caller, path: string, shows: readonly string[] = []): Promise<Answer> {
    const answer = await as.client.get(path);
    expect(answer.status, `${where}: ${JSON.stringify(answer.body)}`).toBe(200);
    this.add(where, answer.body, shows);
    return answer;
  }

  /** The places that showed `text`. */
  holding(text: string): string[] {
    return this.#places.filter((place) => place.text.includes(text)).map((place) => place.where);
  }

  get count(): number {
    return this.#places.length;
  }
}

/** A file or a download as its raw bytes, as `as` gets it: expecting 200. */
export async function download(h: Harness, as: Member, path: string): Promise<Buffer> {
  const response = await h.app.inject({
    method: "GET",
    url: path,
    headers: { cookie: as.client.credentials.cookie ?? "" },
  });
  expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
  return response.rawPayload;
}

/** Every live event published on the application's bus, whoever its audience. */
export class BusLog {
  readonly events: LiveEvent[] = [];
  #waiters: { match: (event: LiveEvent) => boolean; resolve: () => void }[] = [];
  readonly stop: () => void;

  constructor(h: Harness) {
    this.stop = h.ctx.events.subscribe((event) => {
      this.events.push(event);
      this.#waiters = this.#waiters.filter((waiter) => {
        if (!waiter.match(event)) return true;
        waiter.resolve();
        return false;
      });
    });
  }

  /** Resolves once an event matching `match` was published (already or still to come). */
  until(match: (event: LiveEvent) => boolean): Promise<void> {
    if (this.events.some(match)) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }
}
