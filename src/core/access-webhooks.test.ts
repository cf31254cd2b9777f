import { describe, expect, it } from "vitest";
import { type Actor, authorize, decide, type Role } from "./access";
import type { AppError } from "./errors";

const person = (role: Role | null, organizationId: string | null = "org-1"): Actor => ({
  id: `${role}-${organizationId}`,
  organizationId,
  role,
});
const manage = (actor: Actor, organizationId: string | null = "org-1") =>
  decide(actor, { kind: "webhook.manage", organizationId });

describe("webhook.manage", () => {
  it("lets owners and admins manage their own organization's webhooks", () => {
    expect(manage(person("owner"))).toBe("allow");
    expect(manage(person("admin"))).toBe("allow");
  });

  it("forbids members of the organization, and hides another organization's webhooks from everyone", () => {
    expect(manage(person("member"))).toBe("forbid");
    for (const role of ["owner", "admin", "member"] as const) {
      expect(manage(person(role, "org-2"))).toBe("hide");
    }
    expect(manage(person(null, null))).toBe("hide");
    expect(manage(person("owner"), null)).toBe("hide");
  });

  it("says why, or that there is no such webhook", () => {
    const refusal = (actor: Actor) => {
      try {
        authorize(actor, { kind: "webhook.manage", organizationId: "org-1" });
      } catch (error) {
        return { status: (error as AppError).status, message: (error as AppError).message };
      }
      return null;
    };
    expect(refusal(person("owner"))).toBeNull();
    expect(refusal(person("member"))).toEqual({
      status: 403,
      message: "Only an owner or admin can see and change the organization's webhooks.",
    });
    expect(refusal(person("admin", "org-2"))).toEqual({
      status: 404,
      message: "Webhook does not exist or is not visible to you",
    });
  });
});
