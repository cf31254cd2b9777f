import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../../contract";
import { auditSentence } from "./auditSentence";

const NAMES: Record<string, string> = {
  olivia: "Olivia Owner",
  ivy: "Ivy Invited",
  lee: "Lee Lead",
};
const ctx = { nameOf: (id: string) => NAMES[id] };

const say = (event: Partial<AuditEvent> & Pick<AuditEvent, "action">) =>
  auditSentence({ id: "e1", actorId: "olivia", at: "2026-03-14T09:30:00.000Z", ...event }, ctx);

describe("auditSentence", () => {
  it("tells role changes with the role before", () => {
    expect(say({ action: "person.role_changed", personId: "ivy", from: "member", to: "admin" })).toBe(
      "Olivia Owner made Ivy Invited an admin (was member)",
    );
    expect(say({ action: "person.role_changed", personId: "ivy", from: "admin", to: "owner" })).toBe(
      "Olivia Owner made Ivy Invited an owner (was admin)",
    );
    expect(say({ action: "person.role_changed", personId: "ivy", from: "admin", to: "member" })).toBe(
      "Olivia Owner made Ivy Invited a member (was admin)",
    );
  });

  it("tells manager changes, including to and from no one", () => {
    expect(say({ action: "person.manager_changed", personId: "ivy", from: "olivia", to: "lee" })).toBe(
      "Olivia Owner moved Ivy Invited to report to Lee Lead (was Olivia Owner)",
    );
    expect(say({ action: "person.manager_changed", personId: "ivy", from: "lee", to: null })).toBe(
      "Olivia Owner made Ivy Invited report to no one (was Lee Lead)",
    );
    expect(say({ action: "person.manager_changed", personId: "ivy", from: null, to: "lee" })).toBe(
      "Olivia Owner moved Ivy Invited to report to Lee Lead (was no one)",
    );
  });

  it("tells title changes, set, changed and removed", () => {
    expect(say({ action: "person.title_changed", personId: "ivy", from: null, to: "Analyst" })).toBe(
      "Olivia Owner changed Ivy Invited's title to “Analyst”",
    );
    expect(say({ action: "person.title_changed", personId: "ivy", from: "Analyst", to: "Lead" })).toBe(
      "Olivia Owner changed Ivy Invited's title to “Lead” (was “Analyst”)",
    );
    expect(say({ action: "person.title_changed", personId: "ivy", from: "Lead", to: null })).toBe(
      "Olivia Owner removed Ivy Invited's title (was “Lead”)",
    );
  });

  it("tells invitations created, withdrawn and accepted", () => {
    expect(
      say({
        action: "invitation.created",
        to: { email: "ivy@example.com", role: "member", managerId: null },
      }),
    ).toBe("Olivia Owner invited ivy@example.com as member");
    expect(
      say({
        action: "invitation.created",
        to: { email: "ivy@example.com", role: "admin", managerId: "lee" },
      }),
    ).toBe("Olivia Owner invited ivy@example.com as admin, reporting to Lee Lead");
    expect(say({ action: "invitation.revoked", from: { email: "ivy@example.com" } })).toBe(
      "Olivia Owner withdrew the invitation to ivy@example.com",
    );
    expect(
      say({ action: "invitation.accepted", actorId: "ivy", personId: "ivy", to: { role: "member" } }),
    ).toBe("Ivy Invited joined by invitation as member");
  });

  it("tells changes to the organization", () => {
    expect(say({ action: "organization.created", to: { name: "Acme" } })).toBe(
      "Olivia Owner created the organization “Acme”",
    );
    expect(say({ action: "organization.created" })).toBe("Olivia Owner created the organization");
    expect(say({ action: "organization.renamed", from: "Acme", to: "Acme Ltd" })).toBe(
      "Olivia Owner renamed the organization to “Acme Ltd” (was “Acme”)",
    );
    expect(
      say({
        action: "organization.settings_changed",
        from: { urgentPerWeek: 2, staleAfterDays: 14 },
        to: { urgentPerWeek: 4, staleAfterDays: 14 },
      }),
    ).toBe("Olivia Owner changed the organization's rules: urgent items per week 2 → 4");
    expect(
      say({
        action: "organization.settings_changed",
        from: { urgentPerWeek: 2, staleAfterDays: 14 },
        to: { urgentPerWeek: 3, staleAfterDays: 30 },
      }),
    ).toBe(
      "Olivia Owner changed the organization's rules: urgent items per week 2 → 3, ask “still needed?” after 14 → 30 days",
    );
  });

  it("tells personal access tokens created, with how long they last, and revoked", () => {
    expect(
      say({
        action: "token.created",
        personId: "olivia",
        to: { id: "t1", name: "deploy bot", expiresAt: "2026-06-12T09:30:00.000Z" },
      }),
    ).toBe("Olivia Owner created the API token “deploy bot” for 90 days");
    expect(
      say({ action: "token.created", personId: "olivia", to: { id: "t1", name: "cli", expiresAt: null } }),
    ).toBe("Olivia Owner created the API token “cli” that works until revoked");
    expect(say({ action: "token.revoked", personId: "olivia", from: { id: "t1", name: "cli" } })).toBe(
      "Olivia Owner revoked the API token “cli”",
    );
  });

  it("tells password changes and resets, with the API tokens a reset revoked", () => {
    expect(say({ action: "person.password_changed", personId: "olivia" })).toBe(
      "Olivia Owner changed their password",
    );
    expect(say({ action: "person.password_reset", personId: "olivia" })).toBe(
      "Olivia Owner reset their password with a link mailed to them",
    );
    expect(say({ action: "person.password_reset", personId: "olivia", to: { tokensRevoked: 1 } })).toBe(
      "Olivia Owner reset their password with a link mailed to them, which revoked their API token, made before the address was confirmed",
    );
    expect(say({ action: "person.password_reset", personId: "olivia", to: { tokensRevoked: 3 } })).toBe(
      "Olivia Owner reset their password with a link mailed to them, which revoked their 3 API tokens, made before the address was confirmed",
    );
  });

  it("reads people missing from the directory as someone", () => {
    expect(
      say({ action: "person.manager_changed", actorId: "gone", personId: "left", from: "old", to: "lee" }),
    ).toBe("Someone moved someone to report to Lee Lead (was someone)");
    expect(say({ action: "person.role_changed", personId: "left", from: "member", to: "admin" })).toBe(
      "Olivia Owner made someone an admin (was member)",
    );
  });

  it("tells webhooks added, turned off and on, changed, deleted and sent again, by description or origin", () => {
    const hook = { id: "w1", origin: "https://hooks.example.com", events: ["task.created"], description: "" };
    expect(say({ action: "webhook.created", to: { ...hook, description: "Billing sync" } })).toBe(
      "Olivia Owner added the webhook “Billing sync”",
    );
    expect(
      say({ action: "webhook.changed", from: { ...hook, enabled: true }, to: { ...hook, enabled: false } }),
    ).toBe("Olivia Owner turned off the webhook “https://hooks.example.com”");
    expect(
      say({ action: "webhook.changed", from: { ...hook, enabled: false }, to: { ...hook, enabled: true } }),
    ).toBe("Olivia Owner turned the webhook “https://hooks.example.com” on again");
    expect(
      say({ action: "webhook.changed", from: { ...hook, enabled: true }, to: { ...hook, enabled: true } }),
    ).toBe("Olivia Owner changed the webhook “https://hooks.example.com”");
    expect(say({ action: "webhook.deleted", from: hook })).toBe(
      "Olivia Owner deleted the webhook “https://hooks.example.com”",
    );
    expect(say({ action: "webhook.resent", to: { id: "w1", deliveryId: "msg_1" } })).toBe(
      "Olivia Owner sent a webhook delivery again",
    );
  });
});
