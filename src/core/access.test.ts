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
