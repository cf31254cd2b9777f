import { describe, expect, it } from "vitest";
import { createRevalidation, type Read, type Send } from "./revalidation";

/** A server that answers each GET with the next response given, remembering what it was sent. */
function server(...answers: (() => Response)[]) {
  const sent: { path: string; ifNoneMatch: string | null }[] = [];
  const sendTo =
    (path: string): Send =>
    async (headers) => {
      sent.push({ path, ifNoneMatch: headers["If-None-Match"] ?? null });
      const next = answers.shift();
      if (!next) throw new Error(`No answer left for ${path}`);
      return next();
    };
  return { sent, sendTo };
}

const json = (body: unknown, tag?: string) => () =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: tag ? { "Content-Type": "application/json", ETag: tag } : { "Content-Type": "application/json" },
  });
const notModified = (tag: string) => () => new Response(null, { status: 304, headers: { ETag: tag } });
const failed = (status: number) => () => new Response(JSON.stringify({ detail: "No" }), { status });

class Failed extends Error {}

/** Parses a 2xx body, throws for anything else: what the API client does. */
const read: Read = async (response) => {
  if (!response.ok) throw new Failed(String(response.status));
  return JSON.parse(await response.text());
};

const plate = "/api/v1/people/p1/tasks?state=open";

describe("conditional reads", () => {
  it("asks again with the tag it was given, and answers a 304 with the very body kept", async () => {
    const revalidation = createRevalidation(100);
    const { sent, sendTo } = server(json({ items: ["a"] }, 'W/"1"'), notModified('W/"1"'));
    const first = await revalidation.get(plate, sendTo(plate), read);
    const second = await revalidation.get(plate, sendTo(plate), read);
    expect(first).toEqual({ items: ["a"] });
    expect(second).toBe(first);
    expect(sent).toEqual([
      { path: plate, ifNoneMatch: null },
      { path: plate, ifNoneMatch: 'W/"1"' },
    ]);
  });

  it("keeps a changed answer and its new tag in place of the old", async () => {
    const revalidation = createRevalidation(100);
    const { sent, sendTo } = server(
      json({ items: ["a"] }, 'W/"1"'),
      json({ items: ["a", "b"] }, 'W/"2"'),
      notModified('W/"2"'),
    );
    await revalidation.get(plate, sendTo(plate), read);
    const changed = await revalidation.get(plate, sendTo(plate), read);
    expect(await revalidation.get(plate, sendTo(plate), read)).toBe(changed);
    expect(changed).toEqual({ items: ["a", "b"] });
    expect(sent.map((request) => request.ifNoneMatch)).toEqual([null, 'W/"1"', 'W/"2"']);
  });

  it("keeps each address apart, query included", async () => {
    const revalidation = createRevalidation(100);
    const done = "/api/v1/people/p1/tasks?state=done";
    const { sent, sendTo } = server(
      json({ open: true }, 'W/"o"'),
      json({ done: true }, 'W/"d"'),
      notModified('W/"o"'),
    );
    await revalidation.get(plate, sendTo(plate), read);
    await revalidation.get(done, sendTo(done), read);
    expect(await revalidation.get(plate, sendTo(plate), read)).toEqual({ open: true });
    expect(sent.map((request) => request.ifNoneMatch)).toEqual([null, null, 'W/"o"']);
  });

  it("keeps nothing of an answer without a tag, and drops what it kept when one comes without", async () => {
    const revalidation = createRevalidation(100);
    const { sent, sendTo } = server(json({ v: 1 }, 'W/"1"'), json({ v: 2 }), json({ v: 3 }));
    await revalidation.get(plate, sendTo(plate), read);
    expect(await revalidation.get(plate, sendTo(plate), read)).toEqual({ v: 2 });
    expect(await revalidation.get(plate, sendTo(plate), read)).toEqual({ v: 3 });
    expect(sent.map((request) => request.ifNoneMatch)).toEqual([null, 'W/"1"', null]);
  });

  it("lets a failed answer fail, and forgets what was kept for its address", async () => {
    const revalidation = createRevalidation(100);
    const { sent, sendTo } = server(json({ v: 1 }, 'W/"1"'), failed(404), json({ v: 2 }, 'W/"2"'));
    await revalidation.get(plate, sendTo(plate), read);
    await expect(revalidation.get(plate, sendTo(plate), read)).rejects.toThrow(Failed);
    expect(await revalidation.get(plate, sendTo(plate), read)).toEqual({ v: 2 });
    expect(sent.map((request) => request.ifNoneMatch)).toEqual([null, 'W/"1"', null]);
  });

  it("reads once more, plainly, when a 304 comes with nothing kept", async () => {
    const revalidation = createRevalidation(100);
    const { sent, sendTo } = server(notModified('W/"1"'), json({ v: 1 }, 'W/"1"'));
    expect(await revalidation.get(plate, sendTo(plate), read)).toEqual({ v: 1 });
    expect(sent).toEqual([
      { path: plate, ifNoneMatch: null },
      { path: plate, ifNoneMatch: null },
    ]);
  });

  it("keeps the addresses used last, the least recently used going first", async () => {
    const revalidation = createRevalidation(2);
    const { sent, sendTo } = server(
      json("a", 'W/"a"'),
      json("b", 'W/"b"'),
      notModified('W/"a"'),
      json("c", 'W/"c"'),
      notModified('W/"a"'),
      json("b", 'W/"b"'),
      json("c", 'W/"c"'),
    );
    for (const path of ["/a", "/b", "/a", "/c", "/a", "/b", "/c"]) {
      await revalidation.get(path, sendTo(path), read);
    }
    // /a, used again, outlives /b when /c comes, and /c when /b comes back.
    expect(sent.map((request) => [request.path, request.ifNoneMatch])).toEqual([
      ["/a", null],
      ["/b", null],
      ["/a", 'W/"a"'],
      ["/c", null],
      ["/a", 'W/"a"'],
      ["/b", null],
      ["/c", null],
    ]);
  });

  it("forgets everything when told, an answer still on its way included", async () => {
    const revalidation = createRevalidation(100);
    let answerLate: (response: Response) => void = () => {};
    const sent: (string | null)[] = [];
    const late: Send = (headers) => {
      sent.push(headers["If-None-Match"] ?? null);
      return new Promise((resolve) => {
        answerLate = resolve;
      });
    };
    const { sendTo } = server(json("kept", 'W/"k"'));
    await revalidation.get("/kept", sendTo("/kept"), read);

    const onItsWay = revalidation.get(plate, late, read);
    revalidation.forget();
    answerLate(json("before", 'W/"b"')());
    expect(await onItsWay).toBe("before");

    const { sent: afterwards, sendTo: sendAfter } = server(json("kept", 'W/"k"'), json("after", 'W/"a"'));
    await revalidation.get("/kept", sendAfter("/kept"), read);
    await revalidation.get(plate, sendAfter(plate), read);
    expect(sent).toEqual([null]);
    expect(afterwards.map((request) => request.ifNoneMatch)).toEqual([null, null]);
  });
});
