import { describe, expect, it } from "vitest";
import type { Actor, TaskSubject } from "./access";
import {
  type CommentFacts,
  commentNotices,
  distinctMentions,
  mentionsRefused,
  mentionsWhoCannotSee,
} from "./comments";
import type { Notice } from "./inbox-notices";

const member = (id: string, organizationId = "org-1"): Actor => ({ id, organizationId, role: "member" });

/** Sam's task, asked for by Pat; Manny and Olivia sit above Sam. */
const task: TaskSubject = {
  ownerId: "sam",
  organizationId: "org-1",
  chain: ["manny", "olivia"],
  requesterId: "pat",
};

const facts = (overrides: Partial<CommentFacts>): CommentFacts => ({
  taskId: "t1",
  title: "Write the report",
  task,
  requestId: null,
  authorId: "manny",
  mentionIds: [],
  earlierCommenters: [],
  ...overrides,
});

/** The notices as (person, kind, key) triples. */
const who = (notices: Notice[]) => notices.map((n) => [n.personId, n.kind, n.coalesceKey]);

describe("distinctMentions", () => {
  it("keeps each id once, in the order first named", () => {
    expect(distinctMentions(["bo", "ada", "bo", "ada", "cy"])).toEqual(["bo", "ada", "cy"]);
    expect(distinctMentions(undefined)).toEqual([]);
  });
});

describe("mentionsWhoCannotSee", () => {
  it("answers those who may not read the task, by the rules of task.read", () => {
    const people = [member("sam"), member("olivia"), member("pat"), member("bo"), member("manny", "org-2")];
    expect(mentionsWhoCannotSee(task, people).map((one) => one.id)).toEqual(["bo", "manny"]);
  });

  it("lets the pair of the one-on-one an action item came from be mentioned", () => {
    const item = { ...task, meetingParticipantIds: ["sam", "mia"] };
    expect(mentionsWhoCannotSee(item, [member("mia")])).toEqual([]);
  });
});

describe("mentionsRefused", () => {
  it("names who cannot see the task, and says nothing was posted", () => {
    const error = mentionsRefused([
      { index: 0, name: "Ada Lovelace" },
      { index: 2, name: null },
    ]);
    expect(error.status).toBe(422);
    expect(error.message).toBe(
      "Ada Lovelace cannot see this task. Someone you mentioned is not a person of your organization. Nothing was posted.",
    );
    expect(error.details.errors).toEqual([
      { path: "mentionIds.0", message: "Ada Lovelace cannot see this task" },
      { path: "mentionIds.2", message: "not a person of your organization" },
    ]);
  });
});

describe("commentNotices", () => {
  it("tells the owner and the requester, never the author", () => {
    const notices = commentNotices(facts({ authorId: "manny" }));
    expect(notices).toEqual([
      {
        personId: "sam",
        kind: "task.commented",
        taskId: "t1",
        requestId: null,
        coalesceKey: "commented:t1:manny",
        data: { title: "Write the report" },
      },
      {
        personId: "pat",
        kind: "task.commented",
        taskId: "t1",
        requestId: null,
        coalesceKey: "commented:t1:manny",
        data: { title: "Write the report" },
      },
    ]);
    expect(who(commentNotices(facts({ authorId: "sam" })))).toEqual([
      ["pat", "task.commented", "commented:t1:sam"],
    ]);
  });

  it("tells those mentioned of the mention instead, and the author mentioning themself tells nobody more", () => {
    const notices = commentNotices(
      facts({ authorId: "pat", mentionIds: ["sam", "olivia", "pat"], requestId: "r1" }),
    );
    expect(who(notices)).toEqual([
      ["sam", "comment.mentioned", "mentioned:t1:pat"],
      ["olivia", "comment.mentioned", "mentioned:t1:pat"],
    ]);
    expect(notices.every((notice) => notice.requestId === "r1" && notice.taskId === "t1")).toBe(true);
  });

  it("tells earlier commenters who may still read the task, once each", () => {
    const notices = commentNotices(
      facts({
        authorId: "sam",
        earlierCommenters: [member("olivia"), member("manny"), member("sam"), member("pat"), member("bo")],
        mentionIds: ["manny"],
      }),
    );
    // Bo commented while they could read the task; now they may not, and hear nothing of it.
    expect(who(notices)).toEqual([
      ["manny", "comment.mentioned", "mentioned:t1:sam"],
      ["pat", "task.commented", "commented:t1:sam"],
      ["olivia", "task.commented", "commented:t1:sam"],
    ]);
  });
});
