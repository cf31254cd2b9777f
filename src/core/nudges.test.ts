import { describe, expect, it } from "vitest";
import { type NudgeFacts, nudgedTooSoon, nudgeNotices, secondsUntilNudge } from "./nudges";

const facts = (overrides: Partial<NudgeFacts>): NudgeFacts => ({
  requestId: "r1",
  requesterId: "sam",
  note: "",
  tasks: [
    { id: "t-ada", ownerId: "ada", title: "Fill in the survey", state: "open" },
    { id: "t-bo", ownerId: "bo", title: "Fill in the survey", state: "done" },
    { id: "t-cy", ownerId: "cy", title: "Fill in the survey", state: "triage" },
    { id: "t-di", ownerId: "di", title: "Fill in the survey", state: "dropped" },
    { id: "t-ed", ownerId: "ed", title: "Survey (mine)", state: "in_progress" },
  ],
  ...overrides,
});

describe("nudgeNotices", () => {
  it("reminds each assignee who has not finished, of their own task, coalesced per request", () => {
    const notices = nudgeNotices(facts({ note: "  The survey closes Friday " }));
    expect(notices.map((notice) => [notice.personId, notice.taskId])).toEqual([
      ["ada", "t-ada"],
      ["cy", "t-cy"],
      ["ed", "t-ed"],
    ]);
    expect(notices[2]).toEqual({
      personId: "ed",
      kind: "request.nudged",
      taskId: "t-ed",
      requestId: "r1",
      coalesceKey: "nudged:r1",
      data: { title: "Survey (mine)", to: "The survey closes Friday" },
    });
  });

  it("carries no note when there is none", () => {
    expect(nudgeNotices(facts({ note: " " }))[0]?.data).toEqual({ title: "Fill in the survey" });
  });

  it("never reminds the requester of their own request, and nobody when everyone finished", () => {
    const own = [{ id: "t-sam", ownerId: "sam", title: "Fill in the survey", state: "open" as const }];
    expect(nudgeNotices(facts({ tasks: own }))).toEqual([]);
    const finished = facts({}).tasks.map((task) => ({ ...task, state: "done" as const }));
    expect(nudgeNotices(facts({ tasks: finished }))).toEqual([]);
  });
});

describe("secondsUntilNudge", () => {
  const now = new Date("2027-03-01T12:00:00.000Z");

  it("lets a request never nudged, or nudged a day ago or more, be nudged now", () => {
    expect(secondsUntilNudge(null, now)).toBeNull();
    expect(secondsUntilNudge("2027-02-28T12:00:00.000Z", now)).toBeNull();
    expect(secondsUntilNudge("2027-02-27T09:00:00.000Z", now)).toBeNull();
  });

  it("answers the seconds left of the 24 hours since the last nudge, never less than one", () => {
    expect(secondsUntilNudge("2027-03-01T09:00:00.000Z", now)).toBe(21 * 3600);
    expect(secondsUntilNudge("2027-03-01T12:00:00.000Z", now)).toBe(24 * 3600);
    expect(secondsUntilNudge("2027-02-28T12:00:00.001Z", now)).toBe(1);
  });

  it("refuses with 429, the wait in words and in seconds", () => {
    const error = nudgedTooSoon(3 * 3600 - 10);
    expect(error.status).toBe(429);
    expect(error.details.retryAfterSeconds).toBe(3 * 3600 - 10);
    expect(error.message).toBe(
      "You reminded them less than a day ago; a request can be nudged once a day. Nobody was reminded: try again in 3 hours.",
    );
  });
});
