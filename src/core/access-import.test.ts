import { describe, expect, it } from "vitest";
import { type Actor, decide, type PlateSubject } from "./access";

/**
 *   top ── manager ─┬─ owner
 *                   └─ peer
 *   elsewhere: another organization
 */
const actor = (
  id: string,
  organizationId: string | null = "org-1",
  role: Actor["role"] = "member",
): Actor => ({
  id,
  organizationId,
  role,
});
const plate: PlateSubject = { ownerId: "owner", organizationId: "org-1", chain: ["manager", "top"] };
const decideAs = (who: Actor) => decide(who, { kind: "task.import", plate });

describe("task.import", () => {
  it("lets the owner and everyone above them import onto the plate", () => {
    for (const id of ["owner", "manager", "top"]) expect(decideAs(actor(id))).toBe("allow");
  });

  it("forbids the rest of the organization, admins too, who may only ask one task at a time", () => {
    expect(decideAs(actor("peer"))).toBe("forbid");
    expect(decideAs(actor("admin", "org-1", "admin"))).toBe("forbid");
    expect(decide(actor("peer"), { kind: "task.create", plate })).toBe("allow");
  });

  it("hides the plate from other organizations and from people in none", () => {
    expect(decideAs(actor("manager", "org-2"))).toBe("hide");
    expect(decideAs(actor("owner", null))).toBe("hide");
  });
});
