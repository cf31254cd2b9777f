import { describe, expect, it } from "vitest";
import {
  invitationAccountPath,
  isExpired,
  mayReplaceAccount,
  recoveryLimits,
  resetLinkExpiresAt,
} from "./account-recovery";

const now = new Date("2027-03-01T10:00:00.000Z");

describe("reset links", () => {
  it("work for an hour after they were asked for, and not from that instant on", () => {
    const expiresAt = resetLinkExpiresAt(now);
    expect(expiresAt.toISOString()).toBe("2027-03-01T11:00:00.000Z");
    expect(isExpired(expiresAt, new Date("2027-03-01T10:59:59.999Z"))).toBe(false);
    expect(isExpired(expiresAt, expiresAt)).toBe(true);
    expect(isExpired(expiresAt, new Date("2027-03-01T12:00:00.000Z"))).toBe(true);
  });
});

describe("recovery limits", () => {
  it("allow an office behind one address more requests than one person gets mails", () => {
    expect(recoveryLimits.resetRequestsPerAddress.max).toBeGreaterThan(recoveryLimits.mailsPerPerson.max);
  });
});

describe("an invitation to an e-mail that already has an account", () => {
  const unverified = { emailVerified: false, inOrganization: false };
  const verified = { emailVerified: true, inOrganization: false };
  const inOrganization = { emailVerified: false, inOrganization: true };

  it("makes a new account when there is none, whatever was asked", () => {
    expect(invitationAccountPath(null, false)).toEqual({ kind: "create" });
    expect(invitationAccountPath(null, true)).toEqual({ kind: "create" });
    expect(mayReplaceAccount(null)).toBe(false);
  });

  it("joins with the existing account's password unless asked to replace it", () => {
    expect(invitationAccountPath(unverified, false)).toEqual({ kind: "join" });
    expect(invitationAccountPath(verified, false)).toEqual({ kind: "join" });
  });

  it("replaces an account whose e-mail was never verified, when asked", () => {
    expect(invitationAccountPath(unverified, true)).toEqual({ kind: "replace" });
    expect(mayReplaceAccount(unverified)).toBe(true);
  });

  it("never replaces an account whose e-mail was verified", () => {
    expect(invitationAccountPath(verified, true)).toEqual({ kind: "refused", because: "verified" });
    expect(mayReplaceAccount(verified)).toBe(false);
  });

  it("never touches an account in an organization, verified or not", () => {
    expect(invitationAccountPath(inOrganization, false)).toEqual({
      kind: "refused",
      because: "in_organization",
    });
    expect(invitationAccountPath(inOrganization, true)).toEqual({
      kind: "refused",
      because: "in_organization",
    });
    expect(invitationAccountPath({ ...inOrganization, emailVerified: true }, true)).toEqual({
      kind: "refused",
      because: "in_organization",
    });
    expect(mayReplaceAccount(inOrganization)).toBe(false);
  });
});
