import { describe, expect, it } from "vitest";
import { conflictLine } from "./commands/finish";
import { keepSecret, oneLine } from "./errors";

describe("error lines", () => {
  it("fold to one line and never show a secret this run knows", () => {
    keepSecret("dkt_secret-value");
    expect(oneLine("bad\n  header dkt_secret-value\r\n")).toBe("bad header [token]");
  });

  it("explain a version conflict with what the task is now", () => {
    const current = {
      id: "t1",
      ownerId: "p1",
      requesterId: "p1",
      requestId: null,
      meetingId: null,
      goalId: null,
      title: "Ship it",
      notes: "",
      state: "in_progress",
      position: 1,
      due: null,
      dueAt: null,
      overdue: false,
      urgent: false,
      createdAt: "2030-01-01T00:00:00.000Z",
      startedAt: "2030-01-02T00:00:00.000Z",
      completedAt: null,
      droppedAt: null,
      dropReason: null,
      version: 3,
    };
    expect(conflictLine("done", current, "Ship")).toBe(
      "“Ship it” was changed by someone else while this ran; it is now in progress: look at it, then run docket done again if it still applies",
    );
    expect(conflictLine("drop", undefined, "Ship")).toBe(
      "“Ship” was changed by someone else while this ran: look at it, then run docket drop again if it still applies",
    );
  });
});
