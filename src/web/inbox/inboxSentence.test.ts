import { describe, expect, it } from "vitest";
import type { Due } from "../../contract";
import type { InboxItem } from "../../contract/inbox";
import { inboxSentence, type SentenceContext } from "./inboxSentence";

const NAMES: Record<string, string> = { me: "Rita Report", manny: "Manny Manager", pete: "Pete Peer" };
const ctx: SentenceContext = {
  meId: "me",
  nameOf: (id) => NAMES[id] ?? "Someone",
  formatDue: (due: Due) => ("date" in due ? `day ${due.date}` : `instant ${due.at}`),
  staleAfterDays: 14,
};

const say = (entry: Partial<InboxItem> & Pick<InboxItem, "kind">, context = ctx) =>
  inboxSentence(
    {
      id: "e1",
      actorId: "manny",
      at: "2026-03-14T09:30:00.000Z",
      readAt: null,
      count: 1,
      title: "Ship the release",
      taskId: "t1",
      ownerId: "me",
      ...entry,
    },
    context,
  );

describe("inboxSentence on my own plate", () => {
  it("tells who put work where, or asked for it", () => {
    expect(say({ kind: "task.added", to: 2 })).toBe(
      "Manny Manager put “Ship the release” on your plate at #2",
    );
    expect(say({ kind: "task.added" })).toBe("Manny Manager put “Ship the release” on your plate");
    expect(say({ kind: "task.asked", actorId: "pete", to: "triage" })).toBe(
      "Pete Peer asked you for “Ship the release”; it waits in your triage",
    );
  });

  it("tells one move with its positions, and many moves as one reordering", () => {
    expect(say({ kind: "task.moved", from: 3, to: 1 })).toBe(
      "Manny Manager moved “Ship the release” from #3 to #1",
    );
    expect(say({ kind: "task.moved", count: 30, from: 5, to: 2 })).toBe(
      "Manny Manager reordered your plate (30 moves); “Ship the release” is now at #2",
    );
  });

  it("tells due dates set, moved and removed", () => {
    expect(say({ kind: "task.redated", from: null, to: { date: "2026-03-20" } })).toBe(
      "Manny Manager set the due date of “Ship the release” to day 2026-03-20",
    );
    expect(
      say({ kind: "task.redated", from: { date: "2026-03-20" }, to: { at: "2026-03-21T10:00:00.000Z" } }),
    ).toBe(
      "Manny Manager moved the due date of “Ship the release” from day 2026-03-20 to instant 2026-03-21T10:00:00.000Z",
    );
    expect(say({ kind: "task.redated", from: { date: "2026-03-20" }, to: null })).toBe(
      "Manny Manager removed the due date of “Ship the release” (was day 2026-03-20)",
    );
  });

  it("tells edits, urgency, completion and dropping with the reason", () => {
    expect(say({ kind: "task.edited", count: 3 })).toBe(
      "Manny Manager edited “Ship the release” (3 changes)",
    );
    expect(say({ kind: "task.edited" })).toBe("Manny Manager edited “Ship the release”");
    expect(say({ kind: "task.urgent" })).toBe("Manny Manager marked “Ship the release” urgent");
    expect(say({ kind: "task.completed" })).toBe("Manny Manager completed “Ship the release”");
    expect(say({ kind: "task.dropped", to: "No longer needed" })).toBe(
      "Manny Manager dropped “Ship the release” from your plate: No longer needed",
    );
  });

  it("tells due soon, overdue and still needed?, with who asked", () => {
    expect(say({ kind: "task.due_soon" })).toBe("“Ship the release”, asked by Manny Manager, is due soon");
    expect(say({ kind: "task.overdue", actorId: "me" })).toBe("“Ship the release” is overdue");
    expect(say({ kind: "task.stale", actorId: "me" })).toBe(
      "Still needed? Nobody has touched “Ship the release” for 14 days",
    );
    expect(say({ kind: "task.stale" }, { ...ctx, staleAfterDays: null })).toBe(
      "Still needed? Nobody has touched “Ship the release” for a while",
    );
  });
});

describe("inboxSentence on what I asked of others", () => {
  const theirs = { ownerId: "pete", actorId: "pete" };

  it("tells accepting and declining, by the owner or their manager", () => {
    expect(say({ kind: "task.accepted", ...theirs, to: 1 })).toBe(
      "Pete Peer accepted “Ship the release” onto their plate at #1",
    );
    expect(say({ kind: "task.accepted", ownerId: "pete", actorId: "manny", to: 4 })).toBe(
      "Manny Manager accepted “Ship the release” onto Pete Peer's plate at #4",
    );
    expect(say({ kind: "task.declined", ...theirs, to: "Not this quarter" })).toBe(
      "Pete Peer declined “Ship the release”: Not this quarter",
    );
  });

  it("says the task was mine to ask for", () => {
    expect(say({ kind: "task.completed", ...theirs })).toBe(
      "Pete Peer completed “Ship the release”, which you asked for",
    );
    expect(say({ kind: "task.dropped", ...theirs, to: "Done elsewhere" })).toBe(
      "Pete Peer dropped “Ship the release”, which you asked for: Done elsewhere",
    );
    expect(say({ kind: "task.redated", ...theirs, from: null, to: { date: "2026-04-01" } })).toBe(
      "Pete Peer set the due date of “Ship the release” to day 2026-04-01, which you asked for",
    );
    expect(say({ kind: "task.overdue", ownerId: "pete", actorId: "me" })).toBe(
      "“Ship the release”, which you asked of Pete Peer, is overdue",
    );
    expect(say({ kind: "task.stale", ownerId: "pete", actorId: "me" })).toBe(
      "Still needed? Pete Peer has not touched “Ship the release”, which you asked for, for 14 days",
    );
  });

  it("tells a request's progress, one update or many", () => {
    const request = { kind: "request.progress" as const, requestId: "r1", ...theirs };
    expect(say({ ...request, to: "task.completed" })).toBe(
      "Your request “Ship the release” moved on: Pete Peer completed it",
    );
    expect(say({ ...request, count: 3, to: "task.dropped" })).toBe(
      "Your request “Ship the release” moved on: 3 updates, the latest: Pete Peer dropped it",
    );
    expect(say({ ...request, to: "something new" })).toBe(
      "Your request “Ship the release” moved on: Pete Peer updated it",
    );
  });

  it("names people missing from the directory as someone", () => {
    expect(say({ kind: "task.urgent", actorId: "gone" })).toBe("Someone marked “Ship the release” urgent");
  });
});

describe("inboxSentence on comments and nudges", () => {
  it("tells who commented on a task, one entry for many comments by one person", () => {
    expect(say({ kind: "task.commented" })).toBe("Manny Manager commented on “Ship the release”");
    expect(say({ kind: "task.commented", count: 10, ownerId: "pete" })).toBe(
      "Manny Manager left 10 comments on “Ship the release”",
    );
  });

  it("tells who mentioned me, never what the comment says", () => {
    expect(say({ kind: "comment.mentioned" })).toBe(
      "Manny Manager mentioned you in a comment on “Ship the release”",
    );
    expect(say({ kind: "comment.mentioned", count: 2 })).toBe(
      "Manny Manager mentioned you in 2 comments on “Ship the release”",
    );
  });

  it("tells who reminds me of a request, with their note", () => {
    const nudged = { kind: "request.nudged" as const, requestId: "r1" };
    expect(say(nudged)).toBe("Manny Manager reminds you of “Ship the release”");
    expect(say({ ...nudged, to: "The survey closes Friday" })).toBe(
      "Manny Manager reminds you of “Ship the release”: The survey closes Friday",
    );
    expect(say({ ...nudged, count: 2, to: "Last call" })).toBe(
      "Manny Manager reminds you of “Ship the release” (2 reminders): Last call",
    );
  });
});

describe("inboxSentence on feedback", () => {
  const feedback = { taskId: undefined, ownerId: undefined, feedbackId: "f1" };

  it("tells who gave me feedback and about what, never what it says", () => {
    expect(say({ kind: "feedback.received", ...feedback, title: "" })).toBe(
      "Manny Manager gave you feedback",
    );
    expect(say({ kind: "feedback.received", ...feedback, taskId: "t1", ownerId: "me" })).toBe(
      "Manny Manager gave you feedback about “Ship the release”",
    );
    expect(say({ kind: "feedback.received", ...feedback, title: "", feedbackRequestId: "r1" })).toBe(
      "Manny Manager answered your request for feedback",
    );
  });

  it("tells who asks for my feedback, and about whom", () => {
    const asked = { kind: "feedback.requested" as const, title: "", feedbackRequestId: "r1", ...feedback };
    expect(say({ ...asked, actorId: "pete", aboutId: "pete" })).toBe(
      "Pete Peer asked for your feedback on their work",
    );
    expect(say({ ...asked, aboutId: "pete" })).toBe("Manny Manager asked for your feedback about Pete Peer");
    expect(say({ ...asked, aboutId: "me" })).toBe("Manny Manager asked for your feedback on your own work");
  });

  it("tells me who answered a request I sent", () => {
    const answered = { kind: "feedback.answered" as const, title: "", feedbackRequestId: "r1", ...feedback };
    expect(say({ ...answered, actorId: "pete", aboutId: "me" })).toBe(
      "Pete Peer answered your request for feedback on your work",
    );
    expect(say({ ...answered, actorId: "pete", aboutId: "manny" })).toBe(
      "Pete Peer answered your request for feedback about Manny Manager",
    );
  });
});
