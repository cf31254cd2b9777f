import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { apiFetch, forgetKeptAnswers } from "./client";
import { ApiError } from "./errors";

/** What the stand-in for the network was asked: method, path and the tag sent, in order. */
let asked: [string, string, string | null][] = [];

/** Answers each request with the next response given. */
function answerWith(...answers: Response[]): void {
  vi.stubGlobal("fetch", async (path: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    asked.push([init.method ?? "GET", path, headers.get("If-None-Match")]);
    const next = answers.shift();
    if (!next) throw new TypeError("Failed to fetch");
    return next;
  });
}

const tagged = (body: unknown, tag: string) =>
  new Response(JSON.stringify(body), { status: 200, headers: { ETag: tag } });
const notModified = (tag: string) => new Response(null, { status: 304, headers: { ETag: tag } });

const plate = "/api/v1/people/p1/tasks?state=open";

beforeEach(() => {
  asked = [];
  forgetKeptAnswers();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("apiFetch's conditional reads", () => {
  it("reads a tagged GET again with If-None-Match and answers a 304 with the same object", async () => {
    answerWith(tagged({ items: [] }, 'W/"1"'), notModified('W/"1"'));
    const first = await apiFetch(plate);
    expect(await apiFetch(plate)).toBe(first);
    expect(asked).toEqual([
      ["GET", plate, null],
      ["GET", plate, 'W/"1"'],
    ]);
  });

  it("never makes a write conditional", async () => {
    answerWith(tagged({ items: [] }, 'W/"1"'), tagged({ id: "t1" }, 'W/"x"'), notModified('W/"1"'));
    await apiFetch(plate);
    await apiFetch(plate, { method: "POST", body: { title: "A task" } });
    await apiFetch(plate);
    expect(asked).toEqual([
      ["GET", plate, null],
      ["POST", plate, null],
      ["GET", plate, 'W/"1"'],
    ]);
  });

  it("forgets every kept answer when the session has ended (401 to any request)", async () => {
    answerWith(
      tagged({ items: [] }, 'W/"1"'),
      new Response(JSON.stringify({ detail: "Sign in" }), { status: 401 }),
      tagged({ items: [] }, 'W/"1"'),
    );
    await apiFetch(plate);
    await expect(apiFetch("/api/v1/me")).rejects.toBeInstanceOf(ApiError);
    await apiFetch(plate);
    expect(asked.map(([, path, tag]) => [path, tag])).toEqual([
      [plate, null],
      ["/api/v1/me", null],
      [plate, null],
    ]);
  });
});
