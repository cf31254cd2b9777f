import { describe, expect, it } from "vitest";
import type { InboxItem } from "../../contract/inbox";
import { inboxTarget } from "./inboxTarget";

const item = (entry: Partial<InboxItem> & Pick<InboxItem, "kind">): InboxItem => ({
  id: "e1",
  actorId: "manny",
  at: "2026-03-14T09:30:00.000Z",
  readAt: null,
  count: 1,
  title: "Ship the release",
  taskId: "t1",
  ownerId: "me",
  ...entry,
});
const managesPete = (ownerId: string) => ownerId === "pete";
const seesNobody = () => false;

describe("inboxTarget", () => {
  it("leads to my own plate, at the list that shows the task", () => {
    expect(inboxTarget(item({ kind: "task.added" }), "me", seesNobody)).toEqual({ to: "/plate", search: {} });
    expect(inboxTarget(item({ kind: "task.asked" }), "me", seesNobody)).toEqual({
      to: "/plate",
      search: { tab: "triage" },
    });
    expect(inboxTarget(item({ kind: "task.completed" }), "me", seesNobody)).toEqual({
      to: "/plate",
      search: { tab: "done" },
    });
    expect(inboxTarget(item({ kind: "task.dropped" }), "me", seesNobody)).toEqual({
      to: "/plate",
      search: { tab: "dropped" },
    });
  });

  it("leads to the owner's plate when I may see it", () => {
    expect(inboxTarget(item({ kind: "task.completed", ownerId: "pete" }), "me", managesPete)).toEqual({
      to: "/people/$id/plate",
      params: { id: "pete" },
      search: { tab: "done" },
    });
  });

  it("leads to the request for its progress, and for a task of it on a plate I cannot see", () => {
    const progress = item({ kind: "request.progress", ownerId: "pete", requestId: "r1" });
    expect(inboxTarget(progress, "me", managesPete)).toEqual({ to: "/requests/$id", params: { id: "r1" } });
    const redated = item({ kind: "task.redated", ownerId: "olga", requestId: "r1" });
    expect(inboxTarget(redated, "me", managesPete)).toEqual({ to: "/requests/$id", params: { id: "r1" } });
  });

  it("leads nowhere when the task sits on a plate hidden from me", () => {
    expect(inboxTarget(item({ kind: "task.accepted", ownerId: "olga" }), "me", managesPete)).toBeNull();
  });
});

describe("inboxTarget of comments and reminders", () => {
  it("opens the task's drawer on the plate it is on, mine or one I may see", () => {
    for (const kind of ["task.commented", "comment.mentioned"] as const) {
      expect(inboxTarget(item({ kind }), "me", seesNobody)).toEqual({ to: "/plate", search: { task: "t1" } });
      expect(inboxTarget(item({ kind, ownerId: "pete" }), "me", managesPete)).toEqual({
        to: "/people/$id/plate",
        params: { id: "pete" },
        search: { task: "t1" },
      });
    }
  });

  it("opens a comment on a plate hidden from me at the request the task belongs to", () => {
    const commented = item({ kind: "task.commented", ownerId: "olga", requestId: "r1" });
    expect(inboxTarget(commented, "me", managesPete)).toEqual({ to: "/requests/$id", params: { id: "r1" } });
  });

  it("opens a reminder of a request at my task, on my plate", () => {
    const nudged = item({ kind: "request.nudged", requestId: "r1", to: "The survey closes Friday" });
    expect(inboxTarget(nudged, "me", seesNobody)).toEqual({ to: "/plate", search: { task: "t1" } });
  });
});

describe("inboxTarget of feedback", () => {
  it("leads to the list of the Feedback page that shows it, even when it is about a task of mine", () => {
    expect(inboxTarget(item({ kind: "feedback.received", feedbackId: "f1" }), "me", seesNobody)).toEqual({
      to: "/feedback",
      search: {},
    });
    const about = { taskId: undefined, ownerId: undefined, feedbackRequestId: "r1", aboutId: "pete" };
    expect(inboxTarget(item({ kind: "feedback.requested", ...about }), "me", managesPete)).toEqual({
      to: "/feedback",
      search: { tab: "asked" },
    });
    expect(inboxTarget(item({ kind: "feedback.answered", ...about }), "me", managesPete)).toEqual({
      to: "/feedback",
      search: { tab: "sent" },
    });
  });

  it("leads to the deliveries of a webhook turned off", () => {
    const off = item({ kind: "webhook.disabled", taskId: undefined, ownerId: undefined, webhookId: "w1" });
    expect(inboxTarget(off, "me", seesNobody)).toEqual({ to: "/webhooks", search: { deliveries: "w1" } });
  });
});
