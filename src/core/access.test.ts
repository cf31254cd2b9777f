import { describe, expect, it } from "vitest";
import { type Action, type Actor, authorize, decide, type Role } from "./access";
import { AppError } from "./errors";

const org = "org-1";
const actor = (role: Role | null, organizationId: string | null = org): Actor => ({
  id: "me",
  organizationId,
  role,
});
const someone = (role: Role = "member", organizationId: string | null = org) => ({
  id: "them",
  organizationId,
  role,
});

/** A plate owned by `ownerId` ("me" unless said), with the people above its owner. */
const plate = (chain: string[], ownerId = chain.length === 0 ? "me" : "them") => ({
  ownerId,
  organizationId: org,
  chain,
});

describe("decide", () => {
  const cases: [string, Actor, Action, ReturnType<typeof decide>][] = [
    ["a member reads a colleague", actor("member"), { kind: "person.read", person: someone() }, "allow"],
    [
      "a member reads someone elsewhere",
      actor("member"),
      { kind: "person.read", person: someone("member", "org-2") },
      "hide",
    ],
    [
      "someone in no organization reads a person",
      actor(null, null),
      { kind: "person.read", person: someone() },
      "hide",
    ],
    ["a member changes a colleague", actor("member"), { kind: "person.update", person: someone() }, "forbid"],
    ["an admin changes a member", actor("admin"), { kind: "person.update", person: someone() }, "allow"],
    [
      "an admin changes an owner",
      actor("admin"),
      { kind: "person.update", person: someone("owner") },
      "forbid",
    ],
    [
      "an owner changes an owner",
      actor("owner"),
      { kind: "person.update", person: someone("owner") },
      "allow",
    ],
    [
      "an owner changes someone elsewhere",
      actor("owner"),
      { kind: "person.update", person: someone("member", "org-2") },
      "hide",
    ],
    [
      "an admin makes a member admin",
      actor("admin"),
      { kind: "person.changeRole", person: { role: "member" }, newRole: "admin" },
      "allow",
    ],
    [
      "an admin makes a member owner",
      actor("admin"),
      { kind: "person.changeRole", person: { role: "member" }, newRole: "owner" },
      "forbid",
    ],
    [
      "an owner makes a member owner",
      actor("owner"),
      { kind: "person.changeRole", person: { role: "member" }, newRole: "owner" },
      "allow",
    ],
    ["a member invites", actor("member"), { kind: "invitation.create", role: "member" }, "forbid"],
    ["an admin invites a member", actor("admin"), { kind: "invitation.create", role: "member" }, "allow"],
    ["an admin invites an owner", actor("admin"), { kind: "invitation.create", role: "owner" }, "forbid"],
    ["an owner invites an owner", actor("owner"), { kind: "invitation.create", role: "owner" }, "allow"],
    ["a member manages invitations", actor("member"), { kind: "invitation.manage" }, "forbid"],
    ["an admin manages invitations", actor("admin"), { kind: "invitation.manage" }, "allow"],
    [
      "a member reads their organization",
      actor("member"),
      { kind: "organization.read", organizationId: org },
      "allow",
    ],
    [
      "a member reads another organization",
      actor("member"),
      { kind: "organization.read", organizationId: "org-2" },
      "hide",
    ],
    ["a person reads their own record", actor("member"), { kind: "record.read", plate: plate([]) }, "allow"],
    [
      "a skip-level manager reads a record",
      actor("member"),
      { kind: "record.read", plate: plate(["boss", "me"]) },
      "allow",
    ],
    [
      "an admin outside the chain reads a record",
      actor("admin"),
      { kind: "record.read", plate: plate(["boss"], "them") },
      "hide",
    ],
    [
      "a manager elsewhere reads a record",
      actor("member", "org-2"),
      { kind: "record.read", plate: plate(["me"], "them") },
      "hide",
    ],
    ...oneOnOneCases(),
  ];

  it.each(cases)("%s", (_, who, action, expected) => {
    expect(decide(who, action)).toBe(expected);
  });
});

describe("authorize", () => {
  it("answers hidden subjects as not found and forbidden ones as forbidden", () => {
    const hidden = () => authorize(actor("owner"), { kind: "organization.read", organizationId: "org-2" });
    const forbidden = () => authorize(actor("member"), { kind: "invitation.manage" });
    expect(hidden).toThrow(AppError);
    expect(() => hidden()).toThrow(/does not exist or is not visible/);
    try {
      forbidden();
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).status).toBe(403);
    }
  });

  it("lets allowed actions through", () => {
    expect(() => authorize(actor("admin"), { kind: "invitation.manage" })).not.toThrow();
  });
});

/** A one-on-one between `participantIds`, in the actor's organization unless said. */
const series = (participantIds: string[], organizationId = org) => ({ organizationId, participantIds });

function oneOnOneCases(): [string, Actor, Action, ReturnType<typeof decide>][] {
  const ours = series(["me", "them"]);
  const theirs = series(["them", "other"]);
  return [
    [
      "a member sets up a 1:1 with a colleague",
      actor("member"),
      { kind: "oneOnOne.create", with: someone() },
      "allow",
    ],
    [
      "a member sets up a 1:1 with someone elsewhere",
      actor("member"),
      { kind: "oneOnOne.create", with: someone("member", "org-2") },
      "hide",
    ],
    ["a participant reads their 1:1", actor("member"), { kind: "oneOnOne.read", series: ours }, "allow"],
    ["a participant writes in their 1:1", actor("member"), { kind: "oneOnOne.write", series: ours }, "allow"],
    ["an owner reads someone else's 1:1", actor("owner"), { kind: "oneOnOne.read", series: theirs }, "hide"],
    [
      "an admin writes in someone else's 1:1",
      actor("admin"),
      { kind: "oneOnOne.write", series: theirs },
      "hide",
    ],
    [
      "a participant of another organization's 1:1 by id",
      actor("member"),
      { kind: "oneOnOne.read", series: series(["me", "them"], "org-2") },
      "hide",
    ],
    [
      "a participant reads an action item of their meeting on someone else's plate",
      actor("member"),
      {
        kind: "task.read",
        task: { ...plate(["boss"], "them"), requesterId: "them", meetingParticipantIds: ["me", "them"] },
      },
      "allow",
    ],
    [
      "a participant completes an action item on someone else's plate",
      actor("member"),
      {
        kind: "task.manage",
        task: { ...plate(["boss"], "them"), requesterId: "them", meetingParticipantIds: ["me", "them"] },
      },
      "forbid",
    ],
    [
      "an admin reads an action item of others' meeting",
      actor("admin"),
      {
        kind: "task.read",
        task: { ...plate(["boss"], "them"), requesterId: "them", meetingParticipantIds: ["x", "them"] },
      },
      "hide",
    ],
    [
      "the author rewords their point",
      actor("member"),
      { kind: "talkingPoint.reword", series: ours, authorId: "me" },
      "allow",
    ],
    [
      "the other participant rewords a point",
      actor("member"),
      { kind: "talkingPoint.reword", series: ours, authorId: "them" },
      "forbid",
    ],
    [
      "an owner rewords a point of someone else's 1:1",
      actor("owner"),
      { kind: "talkingPoint.reword", series: theirs, authorId: "them" },
      "hide",
    ],
  ];
}
