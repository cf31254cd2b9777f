import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import {
  type AnsweredRequest,
  askIssues,
  assertMayAnswer,
  assertNotToSelf,
  assertUnderRequestLimit,
  feedbackNotices,
  feedbackRequestLimit,
  feedbackRequestNotices,
  taskConcerns,
  teamRequestConcerns,
} from "./feedback";

/** The AppError `run` throws, or undefined when it throws none. */
function thrown(run: () => void): AppError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  return undefined;
}

describe("feedback", () => {
  it("goes to someone else, never to oneself", () => {
    expect(thrown(() => assertNotToSelf("sam", "pat"))).toBeUndefined();
    const toSelf = thrown(() => assertNotToSelf("sam", "sam"));
    expect(toSelf?.status).toBe(422);
    expect(toSelf?.details.errors).toEqual([{ path: "toId", message: "is you" }]);
  });

  it("is about a task its receiver owns or asked for, or a team request they sent or were asked in", () => {
    const task = { ownerId: "owner", requesterId: "asker" };
    expect(taskConcerns(task, "owner")).toBe(true);
    expect(taskConcerns(task, "asker")).toBe(true);
    expect(taskConcerns(task, "someone")).toBe(false);
    const request = { requesterId: "lead", assigneeIds: ["a", "b"] };
    expect(teamRequestConcerns(request, "lead")).toBe(true);
    expect(teamRequestConcerns(request, "b")).toBe(true);
    expect(teamRequestConcerns(request, "c")).toBe(false);
  });
});

describe("answering a feedback request", () => {
  const aboutSelf: AnsweredRequest = { aboutId: "sam", askedBy: "sam", ask: { answeredAt: null } };
  const byManager: AnsweredRequest = { aboutId: "sam", askedBy: "manny", ask: { answeredAt: null } };

  it("is for the people asked: anyone else gets 404", () => {
    const stranger = thrown(() =>
      assertMayAnswer({ ...aboutSelf, ask: null }, { toId: "sam", visibility: "with_manager" }),
    );
    expect(stranger?.status).toBe(404);
  });

  it("goes to the person it is about", () => {
    expect(thrown(() => assertMayAnswer(aboutSelf, { toId: "sam", visibility: "private" }))).toBeUndefined();
    const elsewhere = thrown(() => assertMayAnswer(aboutSelf, { toId: "pat", visibility: "private" }));
    expect(elsewhere?.status).toBe(422);
    expect(elsewhere?.details.errors?.[0]?.path).toBe("toId");
  });

  it("is with_manager when a manager asked about a report, saying why a private one is refused", () => {
    expect(
      thrown(() => assertMayAnswer(byManager, { toId: "sam", visibility: "with_manager" })),
    ).toBeUndefined();
    const hidden = thrown(() => assertMayAnswer(byManager, { toId: "sam", visibility: "private" }));
    expect(hidden?.status).toBe(422);
    expect(hidden?.message).toMatch(/manager asked for this feedback/);
    expect(hidden?.details.errors?.[0]?.path).toBe("visibility");
  });

  it("is given once: a second answer is a 409", () => {
    const answered = { ...aboutSelf, ask: { answeredAt: "2030-01-01T00:00:00.000Z" } };
    const again = thrown(() => assertMayAnswer(answered, { toId: "sam", visibility: "private" }));
    expect(again?.status).toBe(409);
  });
});

describe("asking for feedback", () => {
  it("asks each person once, never the person it is about nor the one asking", () => {
    expect(askIssues({ askerId: "sam", aboutId: "sam", fromIds: ["pat", "bo"] })).toEqual([]);
    expect(askIssues({ askerId: "manny", aboutId: "sam", fromIds: ["pat", "bo"] })).toEqual([]);
    expect(askIssues({ askerId: "sam", aboutId: "sam", fromIds: ["pat", "bo", "pat"] })).toEqual([
      { path: "fromIds", message: "asked more than once: pat" },
    ]);
    expect(askIssues({ askerId: "sam", aboutId: "sam", fromIds: ["pat", "sam"] })).toEqual([
      { path: "fromIds", message: "the person it is about cannot be asked about themselves" },
    ]);
    expect(askIssues({ askerId: "manny", aboutId: "sam", fromIds: ["manny", "pat"] })).toEqual([
      { path: "fromIds", message: "ask others: your own view you can give directly" },
    ]);
  });

  it("allows 20 requests in any 24 hours, then says how long to wait", () => {
    const now = new Date("2030-03-10T12:00:00.000Z");
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    expect(feedbackRequestLimit.max).toBe(20);
    const nineteen = Array.from({ length: 19 }, (_, index) => hoursAgo(index + 1));
    expect(thrown(() => assertUnderRequestLimit(nineteen, now))).toBeUndefined();
    // The twentieth was sent 23 hours ago: its place frees in an hour.
    const twenty = [...nineteen.slice(0, 18), hoursAgo(0.5), hoursAgo(23)];
    const refused = thrown(() => assertUnderRequestLimit(twenty, now));
    expect(refused?.status).toBe(429);
    expect(refused?.details.retryAfterSeconds).toBe(3600);
    expect(refused?.message).toMatch(/try again in 1 hour/);
    // Those older than a day no longer count.
    expect(thrown(() => assertUnderRequestLimit([...nineteen, hoursAgo(25)], now))).toBeUndefined();
  });
});

describe("who hears of feedback", () => {
  it("tells its receiver which feedback came, about what, never its text", () => {
    const notices = feedbackNotices({
      feedbackId: "f1",
      toId: "sam",
      taskId: "t1",
      requestId: null,
      title: "Ship the report",
      answers: null,
    });
    expect(notices).toEqual([
      {
        personId: "sam",
        kind: "feedback.received",
        taskId: "t1",
        requestId: null,
        feedbackId: "f1",
        feedbackRequestId: null,
        coalesceKey: null,
        data: { title: "Ship the report" },
      },
    ]);
  });

  it("tells a manager who asked about a report that it was answered, and nothing of the task", () => {
    const notices = feedbackNotices({
      feedbackId: "f2",
      toId: "sam",
      taskId: "t1",
      requestId: null,
      title: "Ship the report",
      answers: { requestId: "r1", askedBy: "manny" },
    });
    expect(notices.map((notice) => [notice.personId, notice.kind])).toEqual([
      ["sam", "feedback.received"],
      ["manny", "feedback.answered"],
    ]);
    expect(notices[0]).toMatchObject({ feedbackRequestId: "r1", feedbackId: "f2" });
    expect(notices[1]).toEqual({
      personId: "manny",
      kind: "feedback.answered",
      taskId: null,
      requestId: null,
      feedbackId: "f2",
      feedbackRequestId: "r1",
      coalesceKey: null,
      data: { title: "", aboutId: "sam" },
    });
  });

  it("tells someone who asked about themselves once: the feedback they received is the answer", () => {
    const notices = feedbackNotices({
      feedbackId: "f3",
      toId: "sam",
      taskId: null,
      requestId: null,
      title: "",
      answers: { requestId: "r2", askedBy: "sam" },
    });
    expect(notices.map((notice) => [notice.personId, notice.kind, notice.feedbackRequestId])).toEqual([
      ["sam", "feedback.received", "r2"],
    ]);
  });

  it("tells everyone a request asks whom it is about", () => {
    expect(feedbackRequestNotices({ requestId: "r3", aboutId: "sam", askedIds: ["pat", "bo"] })).toEqual(
      ["pat", "bo"].map((personId) => ({
        personId,
        kind: "feedback.requested",
        taskId: null,
        requestId: null,
        feedbackRequestId: "r3",
        coalesceKey: null,
        data: { title: "", aboutId: "sam" },
      })),
    );
  });
});
