import { describe, expect, it } from "vitest";
import { type Actor, authorize, decide, type GoalSubject } from "./access";
import type { AppError } from "./errors";

/**
 *   top ── manager ─┬─ owner ── report
 *                   └─ peer
 *   stranger: same organization, another branch; elsewhere: another organization
 */
const org = "org-1";
const member = (id: string, organizationId: string | null = org): Actor => ({
  id,
  organizationId,
  role: "member",
});
const chains: Record<string, string[]> = {
  top: [],
  manager: ["top"],
  owner: ["manager", "top"],
  report: ["owner", "manager", "top"],
  peer: ["manager", "top"],
  stranger: [],
};

/** The goal of `ownerId` as `actorId` sees it. */
const goalOf = (ownerId: string, actorId: string): GoalSubject => ({
  ownerId,
  organizationId: org,
  chain: chains[ownerId] ?? [],
  actorChain: chains[actorId] ?? [],
});

const decideAs = (actorId: string, kind: "goal.read" | "goal.write", ownerId = "owner") =>
  decide(member(actorId), { kind, goal: goalOf(ownerId, actorId) });

describe("goal.read", () => {
  it("lets the owner and everyone above them read the goal", () => {
    for (const actor of ["owner", "manager", "top"]) expect(decideAs(actor, "goal.read")).toBe("allow");
  });

  it("lets everyone below the owner read it, however far down", () => {
    expect(decideAs("report", "goal.read")).toBe("allow");
    expect(decideAs("owner", "goal.read", "manager")).toBe("allow");
    expect(decideAs("report", "goal.read", "top")).toBe("allow");
    expect(decideAs("peer", "goal.read", "manager")).toBe("allow");
  });

  it("hides it from colleagues beside the owner and from other branches", () => {
    expect(decideAs("peer", "goal.read")).toBe("hide");
    expect(decideAs("stranger", "goal.read")).toBe("hide");
    expect(decideAs("stranger", "goal.read", "top")).toBe("hide");
  });

  it("hides it from another organization, even one whose chain names the owner", () => {
    const subject = { ...goalOf("manager", "owner"), organizationId: "org-2" };
    expect(decide(member("owner"), { kind: "goal.read", goal: subject })).toBe("hide");
    expect(decide(member("owner", "org-2"), { kind: "goal.read", goal: goalOf("manager", "owner") })).toBe(
      "hide",
    );
  });

  it("hides it from someone in no organization", () => {
    expect(decide(member("owner", null), { kind: "goal.read", goal: goalOf("owner", "owner") })).toBe("hide");
  });
});

describe("goal.write", () => {
  it("lets the owner and everyone above them change the goal", () => {
    for (const actor of ["owner", "manager", "top"]) expect(decideAs(actor, "goal.write")).toBe("allow");
  });

  it("forbids those below the owner, who read it, from changing it", () => {
    expect(decideAs("report", "goal.write")).toBe("forbid");
    expect(decideAs("owner", "goal.write", "manager")).toBe("forbid");
    expect(decideAs("peer", "goal.write", "manager")).toBe("forbid");
  });

  it("hides it from everyone who may not read it", () => {
    expect(decideAs("peer", "goal.write")).toBe("hide");
    expect(decideAs("stranger", "goal.write", "manager")).toBe("hide");
  });

  it("answers 403 with the reason below the owner, 404 elsewhere", () => {
    const asReport = () =>
      authorize(member("report"), { kind: "goal.write", goal: goalOf("owner", "report") });
    const asPeer = () => authorize(member("peer"), { kind: "goal.write", goal: goalOf("owner", "peer") });
    expect(asReport).toThrow(expect.objectContaining({ code: "forbidden" }) as AppError);
    expect(asReport).toThrow(/owner and their managers/);
    expect(asPeer).toThrow(expect.objectContaining({ code: "not_found" }) as AppError);
  });

  it("gives owners and admins of the organization no way round the reporting lines", () => {
    const admin: Actor = { id: "stranger", organizationId: org, role: "admin" };
    const owner: Actor = { id: "stranger", organizationId: org, role: "owner" };
    for (const actor of [admin, owner]) {
      expect(decide(actor, { kind: "goal.read", goal: goalOf("owner", "stranger") })).toBe("hide");
      expect(decide(actor, { kind: "goal.write", goal: goalOf("owner", "stranger") })).toBe("hide");
    }
  });
});
