import { describe, expect, it } from "vitest";
import type { RequestAssignee } from "../../contract";
import { peopleToRemind, remindAgainSentence, remindedSentence, remindLabel } from "./nudge";

const assignee = (personId: string, state: RequestAssignee["state"]): RequestAssignee => ({
  personId,
  taskId: `task-${personId}`,
  state,
  completedAt: state === "done" ? "2026-03-14T09:30:00.000Z" : null,
  droppedAt: state === "dropped" ? "2026-03-14T09:30:00.000Z" : null,
  dropReason: state === "dropped" ? "Not needed" : null,
});

describe("peopleToRemind", () => {
  const assignees = [
    assignee("ada", "open"),
    assignee("bo", "in_progress"),
    assignee("cy", "triage"),
    assignee("di", "done"),
    assignee("ed", "dropped"),
  ];

  it("reminds everyone asked who has not finished, triage included", () => {
    expect(peopleToRemind({ assignees, canceledAt: null, requesterId: "manny" })).toEqual([
      "ada",
      "bo",
      "cy",
    ]);
  });

  it("never reminds the requester, who asked it of themselves too", () => {
    expect(peopleToRemind({ assignees, canceledAt: null, requesterId: "bo" })).toEqual(["ada", "cy"]);
  });

  it("reminds nobody when everyone finished, or the request was called off", () => {
    expect(peopleToRemind({ assignees: assignees.slice(3), canceledAt: null, requesterId: "manny" })).toEqual(
      [],
    );
    expect(
      peopleToRemind({ assignees, canceledAt: "2026-03-14T09:30:00.000Z", requesterId: "manny" }),
    ).toEqual([]);
  });
});

describe("nudge wording", () => {
  it("counts the people the button reminds", () => {
    expect(remindLabel(1)).toBe("Remind 1 person");
    expect(remindLabel(3)).toBe("Remind 3 people");
  });

  it("names whom it reached and when they will hear of it", () => {
    expect(remindedSentence(["Ada", "Bo"])).toBe("Reminded Ada, Bo (they will see it in their next digest)");
    expect(remindedSentence([])).toBe("Everyone has finished: nobody was left to remind.");
  });
});

describe("remindAgainSentence", () => {
  const now = Date.parse("2026-03-13T09:14:00Z"); // a Friday

  it("says tomorrow at the same time a day after a nudge, in the reader's zone", () => {
    expect(remindAgainSentence(86_400, now, "UTC")).toBe("You can remind them again tomorrow at 09:14");
    expect(remindAgainSentence(86_400, now, "Asia/Kathmandu")).toBe(
      "You can remind them again tomorrow at 14:59",
    );
  });

  it("says today when the time comes before midnight where the reader is", () => {
    expect(remindAgainSentence(3_600, now, "UTC")).toBe("You can remind them again today at 10:14");
    // 09:14 UTC is 22:59 in Chatham (UTC+13:45 in March): two hours on is past midnight there.
    expect(remindAgainSentence(7_200, now, "Pacific/Chatham")).toBe(
      "You can remind them again tomorrow at 00:59",
    );
  });

  it("rounds up to the next minute, so the time named always works", () => {
    expect(remindAgainSentence(86_399, now + 30_000, "UTC")).toBe(
      "You can remind them again tomorrow at 09:15",
    );
    expect(remindAgainSentence(0, now, "UTC")).toBe("You can remind them again today at 09:14");
  });

  it("names the weekday within a week, and the date beyond", () => {
    expect(remindAgainSentence(3 * 86_400, now, "UTC")).toBe("You can remind them again on Monday at 09:14");
    expect(remindAgainSentence(10 * 86_400, now, "UTC")).toBe(
      "You can remind them again on 23 March at 09:14",
    );
  });
});
