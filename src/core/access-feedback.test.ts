import { describe, expect, it } from "vitest";
import { type Actor, authorize, decide, type FeedbackSubject, type Role } from "./access";
import type { AppError } from "./errors";

/**
 *   top ── manager ─┬─ receiver ── report
 *                   └─ peer
 *   stranger: same organization, another branch; elsewhere: another organization
 *   giver: whoever gave the feedback (a colleague of the receiver's, outside their chain)
 */
const org = "org-1";
const person = (id: string, role: Role = "member", organizationId: string | null = org): Actor => ({
  id,
  organizationId,
  role,
});
const chains: Record<string, string[]> = {
  top: [],
  manager: ["top"],
  receiver: ["manager", "top"],
  report: ["receiver", "manager", "top"],
  peer: ["manager", "top"],
};

const feedback = (visibility: FeedbackSubject["visibility"], toId = "receiver"): FeedbackSubject => ({
  organizationId: org,
  fromId: "giver",
  toId,
  visibility,
  receiverChain: chains[toId] ?? [],
});

const reads = (actor: Actor, subject: FeedbackSubject) =>
  decide(actor, { kind: "feedback.read", feedback: subject });

describe("feedback.give", () => {
  it("lets anyone give feedback to anyone of their organization, whatever their role", () => {
    for (const role of ["member", "admin", "owner"] as const) {
      expect(
        decide(person("peer", role), { kind: "feedback.give", to: { id: "receiver", organizationId: org } }),
      ).toBe("allow");
    }
  });

  it("hides people of another organization, and everyone from someone in none", () => {
    const elsewhere = { id: "x", organizationId: "org-2" };
    expect(decide(person("peer"), { kind: "feedback.give", to: elsewhere })).toBe("hide");
    expect(
      decide(person("loner", "member", null), {
        kind: "feedback.give",
        to: { id: "receiver", organizationId: org },
      }),
    ).toBe("hide");
    expect(() => authorize(person("peer"), { kind: "feedback.give", to: elsewhere })).toThrowError(
      expect.objectContaining({ status: 404 }) as AppError,
    );
  });
});

describe("feedback.read", () => {
  it("lets its giver and its receiver read it, private or not", () => {
    for (const visibility of ["private", "with_manager"] as const) {
      expect(reads(person("giver"), feedback(visibility))).toBe("allow");
      expect(reads(person("receiver"), feedback(visibility))).toBe("allow");
    }
  });

  it("lets the receiver's whole chain read with_manager feedback, and none of it read private feedback", () => {
    for (const above of ["manager", "top"]) {
      expect(reads(person(above), feedback("with_manager"))).toBe("allow");
      expect(reads(person(above), feedback("private"))).toBe("hide");
    }
  });

  it("hides it from the receiver's reports, colleagues and owners or admins outside the chain", () => {
    for (const visibility of ["private", "with_manager"] as const) {
      expect(reads(person("report"), feedback(visibility))).toBe("hide");
      expect(reads(person("peer"), feedback(visibility))).toBe("hide");
      expect(reads(person("stranger", "admin"), feedback(visibility))).toBe("hide");
      expect(reads(person("stranger", "owner"), feedback(visibility))).toBe("hide");
    }
  });

  it("hides it from another organization, even from someone with the same id as its giver", () => {
    for (const visibility of ["private", "with_manager"] as const) {
      expect(reads(person("giver", "member", "org-2"), feedback(visibility))).toBe("hide");
      expect(reads(person("manager", "owner", "org-2"), feedback(visibility))).toBe("hide");
    }
  });

  it("is a 404 when hidden: nobody learns it exists", () => {
    expect(() =>
      authorize(person("peer"), { kind: "feedback.read", feedback: feedback("private") }),
    ).toThrowError(expect.objectContaining({ status: 404 }) as AppError);
  });
});

describe("feedbackRequest.create", () => {
  const about = (id: string) => ({ ownerId: id, organizationId: org, chain: chains[id] ?? [] });
  const create = (actor: Actor, aboutId: string) =>
    decide(actor, { kind: "feedbackRequest.create", about: about(aboutId) });

  it("lets a person ask about themselves, and anyone above a report ask about them", () => {
    expect(create(person("receiver"), "receiver")).toBe("allow");
    expect(create(person("manager"), "receiver")).toBe("allow");
    expect(create(person("top"), "report")).toBe("allow");
  });

  it("forbids asking about a colleague or one's own manager, even for admins, and hides other organizations", () => {
    expect(create(person("peer"), "receiver")).toBe("forbid");
    expect(create(person("report"), "receiver")).toBe("forbid");
    expect(create(person("stranger", "admin"), "receiver")).toBe("forbid");
    expect(create(person("manager", "member", "org-2"), "receiver")).toBe("hide");
  });
});

describe("feedbackRequest.read", () => {
  const request = { organizationId: org, askedBy: "manager", askedIds: ["peer", "stranger"] };
  const readsRequest = (actor: Actor) => decide(actor, { kind: "feedbackRequest.read", request });

  it("lets the one who asked and the people asked read it", () => {
    for (const id of ["manager", "peer", "stranger"]) expect(readsRequest(person(id))).toBe("allow");
  });

  it("hides it from everyone else: the person it is about, the asker's manager, owners and admins", () => {
    expect(readsRequest(person("receiver"))).toBe("hide");
    expect(readsRequest(person("top"))).toBe("hide");
    expect(readsRequest(person("someone", "owner"))).toBe("hide");
    expect(readsRequest(person("someone", "admin"))).toBe("hide");
    expect(readsRequest(person("peer", "member", "org-2"))).toBe("hide");
  });
});
