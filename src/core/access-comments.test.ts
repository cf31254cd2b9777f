import { describe, expect, it } from "vitest";
import { type Actor, authorize, decide, type RequestSubject, type Role, type TaskSubject } from "./access";
import type { AppError } from "./errors";

const person = (
  id: string,
  role: Role | null = "member",
  organizationId: string | null = "org-1",
): Actor => ({
  id,
  organizationId,
  role,
});

/** Sam's task on Sam's plate (Manny above Sam, Olivia above Manny), asked for by Pat. */
const task: TaskSubject = {
  ownerId: "sam",
  organizationId: "org-1",
  chain: ["manny", "olivia"],
  requesterId: "pat",
};
/** An action item of Sam's one-on-one with Manny's peer Mia, on Sam's plate. */
const actionItem: TaskSubject = { ...task, requesterId: "sam", meetingParticipantIds: ["sam", "mia"] };

const refusal = (actor: Actor, action: Parameters<typeof authorize>[1]) => {
  try {
    authorize(actor, action);
  } catch (error) {
    return { status: (error as AppError).status, message: (error as AppError).message };
  }
  return null;
};

describe("comment.write", () => {
  const write = (actor: Actor, subject: TaskSubject = task) =>
    decide(actor, { kind: "comment.write", task: subject });

  it("lets everyone who may read the task comment: its owner, their chain, its requester, the meeting's pair", () => {
    for (const id of ["sam", "manny", "olivia", "pat"]) expect(write(person(id))).toBe("allow");
    expect(write(person("mia"), actionItem)).toBe("allow");
  });

  it("hides the task from everyone else, admins and another organization included", () => {
    expect(write(person("bo"))).toBe("hide");
    expect(write(person("adam", "admin"))).toBe("hide");
    expect(write(person("sam", "member", "org-2"))).toBe("hide");
    expect(write(person("sam", null, null))).toBe("hide");
    expect(refusal(person("bo"), { kind: "comment.write", task })).toEqual({
      status: 404,
      message: "Task does not exist or is not visible to you",
    });
  });
});

describe("comment.edit", () => {
  const edit = (actor: Actor, authorId: string, subject: TaskSubject = task) =>
    decide(actor, { kind: "comment.edit", task: subject, authorId });

  it("lets the author edit and delete their own comment while they may read the task", () => {
    expect(edit(person("pat"), "pat")).toBe("allow");
    expect(edit(person("manny"), "manny")).toBe("allow");
    expect(edit(person("mia"), "mia", actionItem)).toBe("allow");
  });

  it("forbids everyone else who sees the task, the owner and their managers included", () => {
    for (const id of ["sam", "manny", "olivia"]) expect(edit(person(id), "pat")).toBe("forbid");
    expect(refusal(person("sam"), { kind: "comment.edit", task, authorId: "pat" })).toEqual({
      status: 403,
      message: "Only the person who wrote a comment can edit or delete it.",
    });
  });

  it("hides the comment from those who cannot see the task, its author too once they no longer may", () => {
    expect(edit(person("bo"), "pat")).toBe("hide");
    // Pat wrote it as the requester; on another task of Sam's, Pat is nobody.
    expect(edit(person("pat"), "pat", { ...task, requesterId: "sam" })).toBe("hide");
    expect(edit(person("pat", "member", "org-2"), "pat")).toBe("hide");
    expect(refusal(person("bo"), { kind: "comment.edit", task, authorId: "pat" })).toEqual({
      status: 404,
      message: "Comment does not exist or is not visible to you",
    });
  });
});

describe("request.nudge", () => {
  const request: RequestSubject = { organizationId: "org-1", requesterId: "sam", assigneeIds: ["pat", "bo"] };
  const nudge = (actor: Actor) => decide(actor, { kind: "request.nudge", request });

  it("lets only the requester remind the request's people", () => {
    expect(nudge(person("sam"))).toBe("allow");
  });

  it("forbids those who see the request (its assignees, owners and admins), and hides it from everyone else", () => {
    expect(nudge(person("pat"))).toBe("forbid");
    expect(nudge(person("adam", "admin"))).toBe("forbid");
    expect(nudge(person("olivia", "owner"))).toBe("forbid");
    expect(nudge(person("manny"))).toBe("hide");
    expect(nudge(person("sam", "member", "org-2"))).toBe("hide");
    expect(nudge(person("olivia", "owner", "org-2"))).toBe("hide");
    expect(refusal(person("pat"), { kind: "request.nudge", request })).toEqual({
      status: 403,
      message: "Only the person who sent this request can remind its people.",
    });
    expect(refusal(person("manny"), { kind: "request.nudge", request })).toEqual({
      status: 404,
      message: "Request does not exist or is not visible to you",
    });
  });
});
