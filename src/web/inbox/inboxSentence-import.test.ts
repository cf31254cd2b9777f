import { describe, expect, it } from "vitest";
import type { InboxItem } from "../../contract/inbox";
import { inboxSentence, type SentenceContext } from "./inboxSentence";

const ctx: SentenceContext = {
  meId: "me",
  nameOf: (id) => (id === "manny" ? "Manny Manager" : "Someone"),
  formatDue: () => "",
};

const added = (count: number): InboxItem => ({
  id: "e1",
  kind: "task.added",
  actorId: "manny",
  at: "2026-03-14T09:30:00.000Z",
  readAt: null,
  count,
  title: "Last row",
  taskId: "t1",
  ownerId: "me",
  to: 42,
});

describe("inboxSentence: an import onto my plate", () => {
  it("tells of one import's tasks in one sentence: how many, and the last of them", () => {
    expect(inboxSentence(added(40), ctx)).toBe(
      "Manny Manager put 40 tasks on your plate, the last “Last row” at #42",
    );
    expect(inboxSentence(added(1), ctx)).toBe("Manny Manager put “Last row” on your plate at #42");
  });
});
