import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { invite, type Member, standardOrganization } from "./support/factories";
import {
  allPages,
  type Feedback,
  feedbackEntries,
  feedbackOf,
  feedbackPage,
  feedbackState,
  giveFeedback,
  postFeedback,
} from "./support/feedback";
import { useHarness } from "./support/harness";
import { addTask, changeTask, expectProblem } from "./support/tasks";

/** Monday 1 March 2027, 09:00 UTC. */
const monday = "2027-03-01T09:00:00.000Z";

describe.each(dialects)("feedback on %s", (dialect) => {
  const h = useHarness(dialect);
  let w: Awaited<ReturnType<typeof standardOrganization>>;

  beforeAll(async () => {
    h.clock.set(monday);
    w = await standardOrganization(h.app);
  });

  /** A newcomer reporting to Manny Manager, beside Sam Self and Pat Peer. */
  const newcomer = (name: string) => invite(h.app, w.owner, name, { managerId: w.manager.id });

  it("is given to a colleague and read by its giver and receiver as sent, fixed once sent", async () => {
    h.clock.set("2027-03-01T09:00:00.000Z");
    const body = "Thanks for the careful review.\n\n\tThe edge cases you found saved us a week.";
    const given = await giveFeedback(w.self, {
      toId: w.peer.id,
      body: `  ${body}\r\n`,
      visibility: "private",
    });
    expect(given).toEqual({
      id: expect.any(String),
      fromId: w.self.id,
      toId: w.peer.id,
      body,
      visibility: "private",
      taskId: null,
      requestId: null,
      createdAt: "2027-03-01T09:00:00.000Z",
    });
    expect(await feedbackOf(w.self, given.id)).toEqual(given);
    expect(await feedbackOf(w.peer, given.id)).toEqual(given);

    // No route changes or deletes it, and the database itself refuses to.
    for (const method of ["PATCH", "PUT", "DELETE"] as const) {
      const answer = await w.self.client.request(method, `/api/v1/feedback/${given.id}`, { body: "Changed" });
      expect(answer.status, method).toBe(404);
    }
    await expect(
      h.ctx.db.updateTable("feedback").set({ body: "Changed" }).where("id", "=", given.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(h.ctx.db.deleteFrom("feedback").where("id", "=", given.id).execute()).rejects.toThrow(
      /append-only/,
    );
    expect(await feedbackOf(w.peer, given.id)).toEqual(given);
  });

  it("is private to its giver and receiver, or with_manager also for the receiver's whole chain", async () => {
    h.clock.set("2027-03-01T10:00:00.000Z");
    const hidden = await giveFeedback(w.peer, {
      toId: w.self.id,
      body: "Just between us",
      visibility: "private",
    });
    const shared = await giveFeedback(w.peer, {
      toId: w.self.id,
      body: "Great demo",
      visibility: "with_manager",
    });
    const readers = { giver: w.peer, receiver: w.self, manager: w.manager, grand: w.grand, owner: w.owner };
    const others = { branch: w.branch, branchLead: w.branchLead, admin: w.admin, outsider: w.outsider };
    for (const [who, reader] of Object.entries(readers)) {
      expect(await feedbackOf(reader, shared.id), who).toEqual(shared);
    }
    for (const [who, reader] of Object.entries({
      ...others,
      manager: w.manager,
      grand: w.grand,
      owner: w.owner,
    })) {
      const answer = await reader.client.get(`/api/v1/feedback/${hidden.id}`);
      expectProblem(answer, 404);
      expect(JSON.stringify(answer.body), who).not.toContain("Just between us");
    }
    for (const [who, reader] of Object.entries(others)) {
      expect((await reader.client.get(`/api/v1/feedback/${shared.id}`)).status, who).toBe(404);
    }
    expectProblem(await w.anonymous.get(`/api/v1/feedback/${shared.id}`), 401);
    expectProblem(await w.self.client.get("/api/v1/feedback/00000000-0000-4000-8000-000000000000"), 404);
  });

  it("lists what I received or gave, newest first, a page at a time, and a report's with_manager feedback for their chain only", async () => {
    const rita = await newcomer("Rita Received");
    const gus = await newcomer("Gus Giver");
    // Five from Gus to Rita, two of them at the same instant: private and with_manager in turn.
    const given: Feedback[] = [];
    const instants = ["11:00:00", "11:00:01", "11:00:02", "11:00:02", "11:00:03"];
    for (const [index, time] of instants.entries()) {
      h.clock.set(`2027-03-01T${time}.000Z`);
      given.push(
        await giveFeedback(gus, {
          toId: rita.id,
          body: `Note ${index + 1}`,
          visibility: index % 2 === 0 ? "with_manager" : "private",
        }),
      );
    }
    const newestFirst = [...given].sort((a, b) =>
      a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt),
    );
    const ids = (items: Feedback[]) => items.map((item) => item.id);

    // Rita's received and Gus's given, two at a time: every one once, newest first.
    const received = await allPages((cursor) =>
      feedbackPage(rita, `direction=received&limit=2${cursor ? `&cursor=${cursor}` : ""}`),
    );
    expect(received.pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(ids(received.items)).toEqual(ids(newestFirst));
    expect(received.items).toEqual(newestFirst);
    expect(ids((await feedbackPage(rita)).items)).toEqual(ids(newestFirst));
    expect(ids((await feedbackPage(gus, "direction=given")).items)).toEqual(ids(newestFirst));
    expect((await feedbackPage(gus)).items).toEqual([]);
    expect(ids((await feedbackPage(rita, `personId=${rita.id}`)).items)).toEqual(ids(newestFirst));

    // Her manager and everyone above read her with_manager feedback: each page full of what they may read.
    const shared = newestFirst.filter((item) => item.visibility === "with_manager");
    for (const above of [w.manager, w.grand, w.owner]) {
      const pages = await allPages((cursor) =>
        feedbackPage(above, `personId=${rita.id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`),
      );
      expect(pages.pages.map((page) => page.items.length)).toEqual([2, 1]);
      expect(pages.items).toEqual(shared);
    }
    // Anyone else may not look: colleagues, other branches, admins outside her chain, other organizations.
    for (const other of [w.peer, w.self, w.branch, w.branchLead, w.admin, w.outsider, gus]) {
      expectProblem(await other.client.get(`/api/v1/feedback?personId=${rita.id}`), 404);
    }
    expectProblem(await w.manager.client.get("/api/v1/feedback?personId=nobody-at-all"), 404);
    expectProblem(await w.anonymous.get("/api/v1/feedback"), 401);
  });

  it("refuses a list query it cannot answer with 400", async () => {
    for (const query of [
      "direction=sideways",
      "limit=0",
      "limit=201",
      "limit=ten",
      "cursor=not%20a%20cursor",
      `cursor=${Buffer.from('["x"]').toString("base64url")}`,
      `direction=given&personId=${w.self.id}`,
      "also=1",
    ]) {
      expectProblem(await w.manager.client.get(`/api/v1/feedback?${query}`), 400);
    }
  });

  it("refuses empty, oversized or malformed feedback, to oneself or outside the organization, and writes nothing", async () => {
    h.clock.set("2027-03-01T12:00:00.000Z");
    const before = await feedbackState(h);
    const refused = async (status: number, body: unknown, ...paths: string[]) => {
      const answer = await postFeedback(w.self, body);
      expectProblem(answer, status, ...paths);
      expect(await feedbackState(h), JSON.stringify(body)).toEqual(before);
    };
    const to = { toId: w.peer.id, visibility: "private" };
    await refused(400, { ...to, body: "" }, "body");
    await refused(400, { ...to, body: " \n\t " }, "body");
    await refused(400, { ...to, body: "x".repeat(5001) }, "body");
    for (const control of ["\u0000", "\u0007", "\u001b[31m", "\u007f", "\u2028"]) {
      await refused(400, { ...to, body: `Good${control}work` }, "body");
    }
    await refused(400, { ...to }, "body");
    await refused(400, { toId: w.peer.id, body: "Good work" }, "visibility");
    await refused(400, { ...to, body: "Good work", visibility: "public" }, "visibility");
    await refused(400, { ...to, body: "Good work", fromId: w.manager.id });
    await refused(400, { ...to, body: "Good work", toId: "not an id" }, "toId");
    await refused(400, { ...to, body: "Good work", taskId: "" }, "taskId");
    await refused(422, { ...to, body: "Good work", toId: w.self.id }, "toId");
    await refused(404, { ...to, body: "Good work", toId: w.outsider.id });
    await refused(404, { ...to, body: "Good work", toId: "00000000-0000-4000-8000-000000000000" });
    const malformed = await w.self.client.request("POST", "/api/v1/feedback", "{not json", {
      "content-type": "application/json",
    });
    expectProblem(malformed, 400);

    // At the limit, it is fine.
    const longest = await giveFeedback(w.self, { ...to, visibility: "private", body: "y".repeat(5000) });
    expect(longest.body).toHaveLength(5000);
  });

  it("is about a task the giver can see that the receiver owns or asked for; any other task is the same 422", async () => {
    h.clock.set("2027-03-01T13:00:00.000Z");
    const sam = await newcomer("Sam Tasked");
    const done = await addTask(sam, sam.id, { title: "Ship the quarterly report" });
    await changeTask(sam, done, { state: "done" });
    const asked = await addTask(w.peer, sam.id, { title: "Review Pat's plan" });

    // Sam's manager sees the finished task; Pat asked for the other one.
    const thanks = await giveFeedback(w.manager, {
      toId: sam.id,
      body: "Thank you, this was excellent.",
      visibility: "with_manager",
      taskId: done.id,
    });
    expect(thanks).toMatchObject({ taskId: done.id, requestId: null });
    const fromPat = await giveFeedback(w.peer, {
      toId: sam.id,
      body: "Thanks for looking",
      visibility: "private",
      taskId: asked.id,
    });
    expect(fromPat.taskId).toBe(asked.id);
    // Sam may give Pat feedback about the task Pat asked Sam for.
    await giveFeedback(sam, {
      toId: w.peer.id,
      body: "Clear ask, thanks",
      visibility: "private",
      taskId: asked.id,
    });

    const before = await feedbackState(h);
    const refusals: [string, Member, string, string][] = [
      ["a task the giver cannot see", w.peer, sam.id, done.id],
      ["a task that is not the receiver's", w.manager, w.peer.id, done.id],
      ["a task of another organization", w.self, w.peer.id, (await addTask(w.outsider, w.outsider.id)).id],
      ["no task at all", w.manager, sam.id, "00000000-0000-4000-8000-000000000000"],
    ];
    const details = new Set<string>();
    for (const [what, giver, toId, taskId] of refusals) {
      const answer = await postFeedback(giver, { toId, body: "About that", visibility: "private", taskId });
      const problem = expectProblem(answer, 422, "taskId");
      details.add(JSON.stringify([problem.detail, problem.errors]));
      expect(await feedbackState(h), what).toEqual(before);
    }
    // Whether the task exists or not, the answer is the same.
    expect(details.size).toBe(1);
  });

  it("is about a request the giver can see that the receiver sent or was asked in; any other is the same 422", async () => {
    h.clock.set("2027-03-01T14:00:00.000Z");
    const sent = await w.manager.client.post<{ id: string; title: string }>("/api/v1/requests", {
      title: "Plan the offsite",
      assigneeIds: [w.self.id, w.peer.id],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const request = sent.body;
    const toRequester = await giveFeedback(w.self, {
      toId: w.manager.id,
      body: "Clear and early",
      visibility: "private",
      requestId: request.id,
    });
    expect(toRequester).toMatchObject({ requestId: request.id, taskId: null });
    const toAssignee = await giveFeedback(w.manager, {
      toId: w.peer.id,
      body: "Great venue",
      visibility: "with_manager",
      requestId: request.id,
    });
    expect(toAssignee.requestId).toBe(request.id);

    const before = await feedbackState(h);
    const refusals: [string, Member, string, string][] = [
      ["a request the giver cannot see", w.branch, w.self.id, request.id],
      ["a request that is not the receiver's", w.self, w.grand.id, request.id],
      ["no request at all", w.self, w.peer.id, "00000000-0000-4000-8000-000000000000"],
    ];
    const details = new Set<string>();
    for (const [what, giver, toId, requestId] of refusals) {
      const answer = await postFeedback(giver, {
        toId,
        body: "About that",
        visibility: "private",
        requestId,
      });
      const problem = expectProblem(answer, 422, "requestId");
      details.add(JSON.stringify([problem.detail, problem.errors]));
      expect(await feedbackState(h), what).toEqual(before);
    }
    expect(details.size).toBe(1);
  });

  it("reaches its receiver through the inbox, saying who and about what but never what it says", async () => {
    h.clock.set("2027-03-01T15:00:00.000Z");
    const ines = await newcomer("Ines Inbox");
    const task = await addTask(ines, ines.id, { title: "Write the onboarding guide" });
    const body = "Your guide made my first week easy";
    const given = await giveFeedback(w.manager, {
      toId: ines.id,
      body,
      visibility: "private",
      taskId: task.id,
    });
    const entries = await feedbackEntries(ines);
    expect(entries).toEqual([
      {
        id: expect.any(String),
        kind: "feedback.received",
        taskId: task.id,
        ownerId: ines.id,
        feedbackId: given.id,
        actorId: w.manager.id,
        at: "2027-03-01T15:00:00.000Z",
        readAt: null,
        count: 1,
        title: "Write the onboarding guide",
      },
    ]);
    // The giver hears nothing of their own feedback.
    expect((await feedbackEntries(w.manager)).filter((entry) => entry.feedbackId === given.id)).toEqual([]);
    const stored = await h.ctx.db
      .selectFrom("inbox_entry")
      .selectAll()
      .where("feedback_id", "=", given.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(body);
  });
});
