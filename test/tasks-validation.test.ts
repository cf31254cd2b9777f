import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "./support/client";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import { addTask, addTasks, expectProblem, plateRows, type Task } from "./support/tasks";

/** A bad body and the field its 400 must name. */
type Case = [body: unknown, path: string];

const badPlacements: Case[] = [
  [{ placement: "middle" }, "placement"],
  [{ placement: "" }, "placement"],
  [{ placement: 1 }, "placement"],
  [{ placement: null }, "placement"],
  [{ placement: {} }, "placement"],
  [{ placement: { before: 5 } }, "placement"],
  [{ placement: { before: "" } }, "placement.before"],
  [{ placement: { before: "has spaces" } }, "placement.before"],
  [{ placement: { after: "x".repeat(65) } }, "placement.after"],
  [{ placement: { above: "abc" } }, "placement"],
  [{ placement: { before: "abc", after: "def" } }, "placement"],
  [{ placement: ["top"] }, "placement"],
];

const badDues: Case[] = [
  [{ due: "2030-06-10" }, "due"],
  [{ due: 1_900_000_000 }, "due"],
  [{ due: {} }, "due"],
  [{ due: { date: "2030-13-01" } }, "due.date"],
  [{ due: { date: "2030-02-30" } }, "due.date"],
  [{ due: { date: "10/06/2030" } }, "due.date"],
  [{ due: { date: "tomorrow" } }, "due.date"],
  [{ due: { at: "2030-06-10T12:00:00+02:00" } }, "due.at"],
  [{ due: { at: "2030-06-10 12:00:00" } }, "due.at"],
  [{ due: { at: "2030-06-10" } }, "due.at"],
  [{ due: { date: "2030-06-10", at: "2030-06-10T12:00:00Z" } }, "due"],
  [{ due: { date: "2030-06-10", zone: "UTC" } }, "due.zone"],
];

const badWording: Case[] = [
  [{ title: "" }, "title"],
  [{ title: "   " }, "title"],
  [{ title: "x".repeat(201) }, "title"],
  [{ title: 42 }, "title"],
  [{ title: null }, "title"],
  [{ title: ["a"] }, "title"],
  [{ notes: "x".repeat(20_001) }, "notes"],
  [{ notes: 7 }, "notes"],
  [{ notes: null }, "notes"],
  [{ urgent: "yes" }, "urgent"],
  [{ urgent: 1 }, "urgent"],
  [{ urgent: null }, "urgent"],
];

const badIds = ["has%20space", "semi%3Bcolon", "x".repeat(65), "%C3%A9t%C3%A9", "dot.dot"];

describe.each(dialects)("task request validation on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  /** Someone with a plate of two open tasks, one done and one in triage, all of it snapshotted. */
  async function plateWithEverything() {
    const sam = await invite(h.app, owner, "Sam Self", { managerId: owner.id });
    const pat = await invite(h.app, owner, "Pat Peer", { managerId: owner.id });
    const [open, other, done] = await addTasks(sam, sam.id, ["Open", "Other", "Done"]);
    const finished = await sam.client.patch<Task>(`/api/v1/tasks/${done.id}`, { version: 1, state: "done" });
    expect(finished.status).toBe(200);
    const triage = await addTask(pat, sam.id, { title: "Asked" });
    const rows = await plateRows(h, sam.id);
    return { sam, open, other, triage, rows };
  }

  const expectAll = async (answers: [Answer<unknown>, string][], status = 400) => {
    for (const [answer, path] of answers) expectProblem(answer, status, path);
  };

  it("refuses bad task bodies on POST /people/{id}/tasks with 400 naming the field, adding nothing", async () => {
    const { sam, open, rows } = await plateWithEverything();
    const post = (body: unknown) => sam.client.post(`/api/v1/people/${sam.id}/tasks`, body);
    const cases: Case[] = [
      [{}, "title"],
      [{ notes: "No title" }, "title"],
      [{ title: "Fine", color: "red" }, "color"],
      [{ title: "Fine", state: "open" }, "state"],
      [{ title: "Fine", ownerId: open.id }, "ownerId"],
      [{ title: "Fine", position: 1 }, "position"],
      ...badWording,
      ...[...badPlacements, ...badDues].map(
        ([body, path]): Case => [{ title: "Fine", ...(body as object) }, path],
      ),
    ];
    for (const [body, path] of cases) expectProblem(await post(body), 400, path);
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });

  it("refuses bad bodies on PATCH /tasks/{id} with 400 naming the field, changing nothing", async () => {
    const { sam, open, rows } = await plateWithEverything();
    const patch = (body: unknown) => sam.client.patch(`/api/v1/tasks/${open.id}`, body);
    const cases: Case[] = [
      [{}, "version"],
      [{ title: "No version" }, "version"],
      [{ version: "1" }, "version"],
      [{ version: 0 }, "version"],
      [{ version: 1.5 }, "version"],
      [{ version: null }, "version"],
      [{ version: 1, state: "triage" }, "state"],
      [{ version: 1, state: "finished" }, "state"],
      [{ version: 1, state: "DONE" }, "state"],
      [{ version: 1, state: null }, "state"],
      [{ version: 1, state: "dropped", dropReason: "" }, "dropReason"],
      [{ version: 1, state: "dropped", dropReason: "x".repeat(501) }, "dropReason"],
      [{ version: 1, state: "dropped", dropReason: 3 }, "dropReason"],
      [{ version: 1, position: 1 }, "position"],
      [{ version: 1, ownerId: sam.id }, "ownerId"],
      [{ version: 1, requesterId: sam.id }, "requesterId"],
      [{ version: 1, dueAt: "2030-06-10T12:00:00.000Z" }, "dueAt"],
      [{ version: 1, id: open.id }, "id"],
      ...[...badWording, ...badPlacements, ...badDues].map(
        ([body, path]): Case => [{ version: 1, ...(body as object) }, path],
      ),
    ];
    for (const [body, path] of cases) expectProblem(await patch(body), 400, path);
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });

  it("refuses bad bodies on move, accept and decline with 400 naming the field, changing nothing", async () => {
    const { sam, open, triage, rows } = await plateWithEverything();
    const move = (body: unknown) => sam.client.post(`/api/v1/tasks/${open.id}/move`, body);
    const accept = (body: unknown) => sam.client.post(`/api/v1/tasks/${triage.id}/accept`, body);
    const decline = (body: unknown) => sam.client.post(`/api/v1/tasks/${triage.id}/decline`, body);
    for (const send of [move, accept]) {
      await expectAll([
        [await send({}), "placement"],
        [await send({ placement: "top", version: "2" }), "version"],
        [await send({ placement: "top", version: 0 }), "version"],
        [await send({ placement: "top", reason: "Why" }), "reason"],
        [await send({ placement: "top", state: "open" }), "state"],
      ]);
      for (const [body, path] of badPlacements) expectProblem(await send(body), 400, path);
    }
    await expectAll([
      [await decline({}), "reason"],
      [await decline({ reason: "" }), "reason"],
      [await decline({ reason: "   " }), "reason"],
      [await decline({ reason: "x".repeat(501) }), "reason"],
      [await decline({ reason: 5 }), "reason"],
      [await decline({ reason: null }), "reason"],
      [await decline({ reason: "Fine", placement: "top" }), "placement"],
      [await decline({ reason: "Fine", dropReason: "Fine" }), "dropReason"],
      [await decline({ reason: "Fine", version: -1 }), "version"],
    ]);
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });

  it("refuses dues no database could store with 400, leaving the plate readable", async () => {
    const { sam, open, rows } = await plateWithEverything();
    const cases: Case[] = [
      [{ due: { date: "9999-12-31" } }, "due.date"],
      [{ due: { date: "0000-12-31" } }, "due.date"],
      [{ due: { at: "0000-12-31T23:59:59.999Z" } }, "due.at"],
    ];
    for (const [body, path] of cases) {
      const fields = body as object;
      expectProblem(
        await sam.client.post(`/api/v1/people/${sam.id}/tasks`, { title: "Far", ...fields }),
        400,
        path,
      );
      expectProblem(await sam.client.patch(`/api/v1/tasks/${open.id}`, { version: 1, ...fields }), 400, path);
    }
    expect(await plateRows(h, sam.id)).toEqual(rows);
    expect((await sam.client.get(`/api/v1/people/${sam.id}/tasks?state=all`)).status).toBe(200);
  });

  it("refuses bodies that are not JSON objects on every task write, with 4xx problem+json", async () => {
    const { sam, open, triage, rows } = await plateWithEverything();
    const writes: [method: "POST" | "PATCH", path: string][] = [
      ["POST", `/api/v1/people/${sam.id}/tasks`],
      ["PATCH", `/api/v1/tasks/${open.id}`],
      ["POST", `/api/v1/tasks/${open.id}/move`],
      ["POST", `/api/v1/tasks/${triage.id}/accept`],
      ["POST", `/api/v1/tasks/${triage.id}/decline`],
    ];
    for (const [method, path] of writes) {
      const json = { "content-type": "application/json" };
      expectProblem(await sam.client.request(method, path, undefined, json), 400);
      expectProblem(await sam.client.request(method, path, "{not json", json), 400);
      expectProblem(await sam.client.request(method, path, "[]", json), 400);
      expectProblem(await sam.client.request(method, path, "null", json), 400);
      expectProblem(await sam.client.request(method, path, '"top"', json), 400);
      expectProblem(
        await sam.client.request(method, path, '{"title":"a\\u0000b","reason":"a\\u0000b"}', json),
        400,
      );
      expectProblem(await sam.client.request(method, path, "title=x", { "content-type": "text/plain" }), 415);
    }
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });

  it("refuses bad ids in the path of every task route with 400 on params.id", async () => {
    const { sam, rows } = await plateWithEverything();
    for (const id of badIds) {
      await expectAll([
        [await sam.client.get(`/api/v1/people/${id}/tasks`), "params.id"],
        [await sam.client.post(`/api/v1/people/${id}/tasks`, { title: "Lost" }), "params.id"],
        [await sam.client.get(`/api/v1/people/${id}/team`), "params.id"],
        [await sam.client.get(`/api/v1/tasks/${id}`), "params.id"],
        [await sam.client.patch(`/api/v1/tasks/${id}`, { version: 1, title: "Lost" }), "params.id"],
        [await sam.client.post(`/api/v1/tasks/${id}/move`, { placement: "top" }), "params.id"],
        [await sam.client.post(`/api/v1/tasks/${id}/accept`, { placement: "top" }), "params.id"],
        [await sam.client.post(`/api/v1/tasks/${id}/decline`, { reason: "No" }), "params.id"],
        [await sam.client.get(`/api/v1/tasks/${id}/history`), "params.id"],
      ]);
    }
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });

  it("answers well-formed ids of nothing with 404, writing nothing", async () => {
    const { sam, rows } = await plateWithEverything();
    const id = "no-such-thing";
    expectProblem(await sam.client.get(`/api/v1/people/${id}/tasks`), 404);
    expectProblem(await sam.client.post(`/api/v1/people/${id}/tasks`, { title: "Lost" }), 404);
    expectProblem(await sam.client.get(`/api/v1/people/${id}/team`), 404);
    expectProblem(await sam.client.get(`/api/v1/tasks/${id}`), 404);
    expectProblem(await sam.client.patch(`/api/v1/tasks/${id}`, { version: 1, title: "Lost" }), 404);
    expectProblem(await sam.client.post(`/api/v1/tasks/${id}/move`, { placement: "top" }), 404);
    expectProblem(await sam.client.post(`/api/v1/tasks/${id}/accept`, { placement: "top" }), 404);
    expectProblem(await sam.client.post(`/api/v1/tasks/${id}/decline`, { reason: "No" }), 404);
    expectProblem(await sam.client.get(`/api/v1/tasks/${id}/history`), 404);
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });

  it("refuses bad query strings on the plate and team reads with 400 naming the parameter", async () => {
    const { sam } = await plateWithEverything();
    const plate = (query: string) => sam.client.get(`/api/v1/people/${sam.id}/tasks?${query}`);
    const team = (query: string) => sam.client.get(`/api/v1/people/${sam.id}/team?${query}`);
    await expectAll([
      [await plate("state=bogus"), "querystring.state"],
      [await plate("state=in_progress"), "querystring.state"],
      [await plate("state="), "querystring.state"],
      [await plate("limit=0"), "querystring.limit"],
      [await plate("limit=501"), "querystring.limit"],
      [await plate("limit=1.5"), "querystring.limit"],
      [await plate("limit=many"), "querystring.limit"],
      [await plate("sort=rank"), "querystring.sort"],
      [await team("top=-1"), "querystring.top"],
      [await team("top=21"), "querystring.top"],
      [await team("top=two"), "querystring.top"],
      [await team("limit=3"), "querystring.limit"],
    ]);
  });
});
