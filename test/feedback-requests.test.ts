import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { invite, type Member, standardOrganization } from "./support/factories";
import {
  allPages,
  askForFeedback,
  type FeedbackRequest,
  feedbackEntries,
  feedbackOf,
  feedbackRequestOf,
  feedbackRequestPage,
  feedbackState,
  giveFeedback,
  postFeedback,
  postFeedbackRequest,
} from "./support/feedback";
import { useHarness } from "./support/harness";
import { expectProblem } from "./support/tasks";

/** Monday 1 March 2027, 09:00 UTC. */
const monday = "2027-03-01T09:00:00.000Z";
const question = "What should I keep doing, and what should I change?";

describe.each(dialects)("feedback requests on %s", (dialect) => {
  const h = useHarness(dialect);
  let w: Awaited<ReturnType<typeof standardOrganization>>;

  beforeAll(async () => {
    h.clock.set(monday);
    w = await standardOrganization(h.app);
  });

  /** A newcomer reporting to Manny Manager, beside Sam Self and Pat Peer. */
  const newcomer = (name: string) => invite(h.app, w.owner, name, { managerId: w.manager.id });
  const askedOf = (request: FeedbackRequest) =>
    Object.fromEntries(request.asked.map((ask) => [ask.personId, ask.answeredAt]));

  it("asks colleagues about oneself: they hear of it in their inbox, and only the asker and the asked read it", async () => {
    h.clock.set("2027-03-01T09:00:00.000Z");
    const sent = await askForFeedback(w.self, {
      aboutId: w.self.id,
      fromIds: [w.peer.id, w.branch.id],
      question: `${question}\r\n\nBe frank.`,
    });
    expect(sent).toEqual({
      id: expect.any(String),
      aboutId: w.self.id,
      askedBy: w.self.id,
      question: `${question}\n\nBe frank.`,
      asked: expect.arrayContaining([
        { personId: w.peer.id, answeredAt: null },
        { personId: w.branch.id, answeredAt: null },
      ]),
      createdAt: "2027-03-01T09:00:00.000Z",
    });
    expect(sent.asked).toHaveLength(2);
    for (const reader of [w.self, w.peer, w.branch])
      expect(await feedbackRequestOf(reader, sent.id)).toEqual(sent);
    for (const other of [w.manager, w.grand, w.owner, w.admin, w.branchLead, w.outsider]) {
      expectProblem(await other.client.get(`/api/v1/feedback/requests/${sent.id}`), 404);
    }
    expectProblem(await w.anonymous.get(`/api/v1/feedback/requests/${sent.id}`), 401);

    expect((await feedbackRequestPage(w.self, "direction=sent")).items).toContainEqual(sent);
    expect((await feedbackRequestPage(w.peer)).items).toContainEqual(sent);
    expect((await feedbackRequestPage(w.branch, "direction=received")).items).toContainEqual(sent);
    expect((await feedbackRequestPage(w.self)).items.map((item) => item.id)).not.toContain(sent.id);
    expect(
      (await feedbackRequestPage(w.manager, "direction=sent")).items.map((item) => item.id),
    ).not.toContain(sent.id);

    for (const asked of [w.peer, w.branch]) {
      expect((await feedbackEntries(asked)).filter((entry) => entry.feedbackRequestId === sent.id)).toEqual([
        {
          id: expect.any(String),
          kind: "feedback.requested",
          feedbackRequestId: sent.id,
          aboutId: w.self.id,
          actorId: w.self.id,
          at: "2027-03-01T09:00:00.000Z",
          readAt: null,
          count: 1,
          title: "",
        },
      ]);
    }
    expect((await feedbackEntries(w.self)).filter((entry) => entry.feedbackRequestId === sent.id)).toEqual(
      [],
    );
  });

  it("is sent about oneself or, by anyone above them, about a report; not about a colleague or one's manager", async () => {
    h.clock.set("2027-03-01T10:00:00.000Z");
    for (const asker of [w.manager, w.grand, w.owner]) {
      const sent = await askForFeedback(asker, { aboutId: w.self.id, fromIds: [w.peer.id], question });
      expect(sent).toMatchObject({ aboutId: w.self.id, askedBy: asker.id });
    }
    const before = await feedbackState(h);
    const refusals: [string, number, Member, string][] = [
      ["a colleague", 403, w.peer, w.self.id],
      ["one's manager", 403, w.self, w.manager.id],
      ["an admin about someone outside their chain", 403, w.admin, w.self.id],
      ["someone of another organization", 404, w.outsider, w.self.id],
      ["someone who does not exist", 404, w.self, "00000000-0000-4000-8000-000000000000"],
    ];
    for (const [what, status, asker, aboutId] of refusals) {
      const answer = await postFeedbackRequest(asker, { aboutId, fromIds: [w.branch.id], question });
      expectProblem(answer, status);
      expect(await feedbackState(h), what).toEqual(before);
    }
  });

  it("refuses bad asks with 4xx and writes nothing", async () => {
    h.clock.set("2027-03-01T11:00:00.000Z");
    const many = await Promise.all(Array.from({ length: 21 }, (_, index) => newcomer(`Many ${index + 1}`)));
    const before = await feedbackState(h);
    const refused = async (status: number, as: Member, body: Record<string, unknown>, ...paths: string[]) => {
      const answer = await postFeedbackRequest(as, {
        aboutId: w.self.id,
        fromIds: [w.peer.id],
        question,
        ...body,
      });
      expectProblem(answer, status, ...paths);
      expect(await feedbackState(h), JSON.stringify(body)).toEqual(before);
    };
    await refused(400, w.self, { fromIds: [] }, "fromIds");
    await refused(400, w.self, { fromIds: many.map((person) => person.id) }, "fromIds");
    await refused(400, w.self, { fromIds: ["not an id"] }, "fromIds.0");
    await refused(400, w.self, { question: "" }, "question");
    await refused(400, w.self, { question: "   " }, "question");
    await refused(400, w.self, { question: "q".repeat(1001) }, "question");
    await refused(400, w.self, { question: "What\u0000now" }, "question");
    await refused(400, w.self, { askedBy: w.manager.id });
    await refused(400, w.self, { aboutId: undefined }, "aboutId");
    await refused(422, w.self, { fromIds: [w.peer.id, w.branch.id, w.peer.id] }, "fromIds");
    await refused(422, w.self, { fromIds: [w.peer.id, w.self.id] }, "fromIds");
    await refused(422, w.manager, { fromIds: [w.peer.id, w.manager.id] }, "fromIds");
    await refused(422, w.self, { fromIds: [w.peer.id, w.outsider.id] }, "fromIds");
    await refused(422, w.self, { fromIds: ["00000000-0000-4000-8000-000000000000"] }, "fromIds");

    // Twenty people, each once, is fine.
    const twenty = await askForFeedback(w.self, {
      aboutId: w.self.id,
      fromIds: many.slice(0, 20).map((person) => person.id),
      question,
    });
    expect(twenty.asked).toHaveLength(20);
  });

  it("is answered once by each person asked, to the person it is about; nobody else answers", async () => {
    h.clock.set("2027-03-01T12:00:00.000Z");
    const sam = await newcomer("Sam Asking");
    const sent = await askForFeedback(sam, { aboutId: sam.id, fromIds: [w.peer.id, w.branch.id], question });
    const answer = {
      toId: sam.id,
      body: "Keep the weekly notes",
      visibility: "private" as const,
      requestId: sent.id,
    };

    h.clock.set("2027-03-01T12:30:00.000Z");
    const given = await giveFeedback(w.peer, answer);
    expect(given).toEqual({
      id: expect.any(String),
      fromId: w.peer.id,
      toId: sam.id,
      body: "Keep the weekly notes",
      visibility: "private",
      taskId: null,
      requestId: sent.id,
      createdAt: "2027-03-01T12:30:00.000Z",
    });
    expect(askedOf(await feedbackRequestOf(sam, sent.id))).toEqual({
      [w.peer.id]: "2027-03-01T12:30:00.000Z",
      [w.branch.id]: null,
    });
    // Sam asked about themselves: the feedback received is the answer, one entry.
    expect(await feedbackEntries(sam)).toEqual([
      expect.objectContaining({
        kind: "feedback.received",
        feedbackId: given.id,
        feedbackRequestId: sent.id,
        actorId: w.peer.id,
      }),
    ]);

    const before = await feedbackState(h);
    const refusals: [string, number, Member, Record<string, unknown>, string[]][] = [
      ["answering twice", 409, w.peer, {}, []],
      ["answering twice, differently", 409, w.peer, { body: "And more", visibility: "with_manager" }, []],
      ["someone not asked", 404, w.grand, {}, []],
      ["the asker, who was not asked", 404, sam, { toId: w.peer.id }, []],
      ["someone of another organization", 404, w.outsider, {}, []],
      ["an answer to someone else", 422, w.branch, { toId: w.peer.id }, ["toId"]],
      ["an empty answer", 400, w.branch, { body: "" }, ["body"]],
    ];
    for (const [what, status, giver, change, paths] of refusals) {
      const refused = await postFeedback(giver, { ...answer, ...change });
      expectProblem(refused, status, ...paths);
      expect(await feedbackState(h), what).toEqual(before);
    }
    expect(askedOf(await feedbackRequestOf(sam, sent.id))[w.branch.id]).toBeNull();
  });

  it("asked by a manager about a report, is answered with_manager: the manager hears of it and reads it; private is refused, saying why", async () => {
    h.clock.set("2027-03-01T13:00:00.000Z");
    const rae = await newcomer("Rae Report");
    const sent = await askForFeedback(w.manager, { aboutId: rae.id, fromIds: [w.peer.id], question });
    const before = await feedbackState(h);
    const hidden = await postFeedback(w.peer, {
      toId: rae.id,
      body: "Only for Rae",
      visibility: "private",
      requestId: sent.id,
    });
    const problem = expectProblem(hidden, 422, "visibility");
    expect(problem.detail).toMatch(/manager asked for this feedback/);
    expect(await feedbackState(h)).toEqual(before);

    h.clock.set("2027-03-01T13:10:00.000Z");
    const given = await giveFeedback(w.peer, {
      toId: rae.id,
      body: "Rae unblocked us twice",
      visibility: "with_manager",
      requestId: sent.id,
    });
    expect(await feedbackOf(w.manager, given.id)).toEqual(given);
    expect(await feedbackOf(rae, given.id)).toEqual(given);
    const told = (await feedbackEntries(w.manager)).filter((entry) => entry.feedbackRequestId === sent.id);
    expect(told).toEqual([
      {
        id: expect.any(String),
        kind: "feedback.answered",
        feedbackId: given.id,
        feedbackRequestId: sent.id,
        aboutId: rae.id,
        actorId: w.peer.id,
        at: "2027-03-01T13:10:00.000Z",
        readAt: null,
        count: 1,
        title: "",
      },
    ]);
    expect(await feedbackEntries(rae)).toEqual([
      expect.objectContaining({
        kind: "feedback.received",
        feedbackId: given.id,
        feedbackRequestId: sent.id,
      }),
    ]);
  });

  it("takes exactly one of two answers sent at once, and the database keeps one answer per person asked", async () => {
    for (let round = 0; round < 4; round++) {
      h.clock.set(`2027-03-01T14:0${round}:00.000Z`);
      const about = await newcomer(`Race ${round}`);
      const sent = await askForFeedback(about, { aboutId: about.id, fromIds: [w.peer.id], question });
      const before = await feedbackState(h);
      const answers = await Promise.all(
        ["First", "Second"].map((body) =>
          postFeedback(w.peer, { toId: about.id, body, visibility: "private", requestId: sent.id }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      const refused = answers.find((answer) => answer.status === 409);
      if (refused) expectProblem(refused, 409);
      const after = await feedbackState(h);
      expect(after.feedback.length - before.feedback.length).toBe(1);
      expect(after.entries.length - before.entries.length).toBe(1);
      const written = answers.find((answer) => answer.status === 201)?.body;
      expect(askedOf(await feedbackRequestOf(about, sent.id))).toEqual({ [w.peer.id]: written?.createdAt });

      // Written straight to the database, a second answer is refused there too.
      await expect(
        h.ctx.db
          .insertInto("feedback")
          .values({
            id: `second-${sent.id}`,
            organization_id: after.feedback.find((row) => row.id === written?.id)?.organization_id ?? "",
            from_id: w.peer.id,
            to_id: about.id,
            body: "Sneaked in",
            visibility: "private",
            task_id: null,
            request_id: null,
            feedback_request_id: sent.id,
            created_at: `2027-03-01T14:0${round}:30.000Z`,
          })
          .execute(),
      ).rejects.toThrow();
    }
  });

  it("lets one person send 20 a day: the next is a 429 with Retry-After that asks nobody, and it frees as the day passes", async () => {
    const quinn = await newcomer("Quinn Quota");
    const start = Date.parse("2027-03-02T08:00:00.000Z");
    for (let index = 0; index < 20; index++) {
      h.clock.set(new Date(start + index * 60_000));
      await askForFeedback(quinn, {
        aboutId: quinn.id,
        fromIds: [w.peer.id],
        question: `Question ${index + 1}`,
      });
    }
    h.clock.set("2027-03-02T20:00:00.000Z");
    const before = await feedbackState(h);
    const refused = await postFeedbackRequest(quinn, { aboutId: quinn.id, fromIds: [w.branch.id], question });
    const problem = expectProblem(refused, 429);
    expect(problem.detail).toMatch(/20 feedback requests in the last day/);
    // The first one leaves the window at 08:00 tomorrow: 12 hours from now.
    expect(refused.headers["retry-after"]).toBe(String(12 * 3600));
    expect(await feedbackState(h)).toEqual(before);

    h.clock.set("2027-03-03T08:00:01.000Z");
    await askForFeedback(quinn, { aboutId: quinn.id, fromIds: [w.branch.id], question });
    // Someone else's requests never counted against Quinn's.
    await askForFeedback(w.peer, { aboutId: w.peer.id, fromIds: [quinn.id], question });
  });

  it("lists requests newest first, a page at a time, and refuses a query it cannot answer", async () => {
    const lena = await newcomer("Lena Lister");
    const sent: FeedbackRequest[] = [];
    for (const [index, time] of ["09:00:00", "09:00:01", "09:00:01", "09:00:02"].entries()) {
      h.clock.set(`2027-03-04T${time}.000Z`);
      sent.push(
        await askForFeedback(lena, { aboutId: lena.id, fromIds: [w.branch.id], question: `Q${index}` }),
      );
    }
    const newestFirst = [...sent].sort((a, b) =>
      a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt),
    );
    const pages = await allPages((cursor) =>
      feedbackRequestPage(lena, `direction=sent&limit=3${cursor ? `&cursor=${cursor}` : ""}`),
    );
    expect(pages.pages.map((page) => page.items.length)).toEqual([3, 1]);
    expect(pages.items).toEqual(newestFirst);
    const received = await allPages((cursor) =>
      feedbackRequestPage(w.branch, `limit=2${cursor ? `&cursor=${cursor}` : ""}`),
    );
    expect(received.items.slice(0, 4)).toEqual(newestFirst);

    for (const query of ["direction=given", "limit=0", "limit=201", "cursor=%21%21", "personId=x"]) {
      expectProblem(await lena.client.get(`/api/v1/feedback/requests?${query}`), 400);
    }
    expectProblem(await w.anonymous.get("/api/v1/feedback/requests"), 401);
  });
});
