import { describe, expect, it } from "vitest";
import { redactText, redactUrl } from "./log-redaction";

const secret = "Zk3xQ9-secret_token-8Hq2";

describe("redactUrl", () => {
  it.each([
    [`/api/v1/invitations/${secret}`, "/api/v1/invitations/[redacted]"],
    [`/api/v1/invitations/${secret}/accept`, "/api/v1/invitations/[redacted]/accept"],
    [`/invite/${secret}`, "/invite/[redacted]"],
    [`/still-needed/${secret}.sig`, "/still-needed/[redacted]"],
    [
      `/api/auth/reset-password/${secret}?callbackURL=%2Freset`,
      "/api/auth/reset-password/[redacted]?callbackURL=%2Freset",
    ],
    [`/reset-password/${secret}`, "/reset-password/[redacted]"],
    [`/api/v1/feeds/${secret}.ics`, "/api/v1/feeds/[redacted]"],
    [`/api/v1/feeds/people/${secret}/plate.ics`, "/api/v1/feeds/[redacted]"],
    [`/api/v1/people/abc/${secret}.ics`, "/api/v1/people/abc/[redacted].ics"],
    [
      `/api/auth/verify-email?token=${secret}&callbackURL=%2F`,
      "/api/auth/verify-email?token=[redacted]&callbackURL=%2F",
    ],
    [`/reset-password?token=${secret}`, "/reset-password?token=[redacted]"],
    [
      `/api/auth/callback/oidc?code=${secret}&state=${secret}`,
      "/api/auth/callback/oidc?code=[redacted]&state=[redacted]",
    ],
    [
      `/x?access_token=${secret}&id_token=${secret}&page=2`,
      "/x?access_token=[redacted]&id_token=[redacted]&page=2",
    ],
    [`/x?TOKEN=${secret}`, "/x?TOKEN=[redacted]"],
    [`/api/v1/anything?token=${secret}&state=done`, "/api/v1/anything?token=[redacted]&state=done"],
    [`/x?%74oken=${secret}`, "/x?%74oken=[redacted]"],
    [`/reset#token=${secret}`, "/reset#token=[redacted]"],
    [`https://docket.example.com/invite/${secret}`, "https://docket.example.com/invite/[redacted]"],
  ])("redacts %s", (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
    expect(redactUrl(url)).not.toContain(secret);
  });

  it.each([
    "/api/v1/invitations",
    "/api/v1/people/abc/tasks?state=done&limit=5",
    "/api/auth/sign-in/email",
    "/plate",
    "/assets/index-3f2a.js",
  ])("leaves %s as it is", (url) => {
    expect(redactUrl(url)).toBe(url);
  });
});

describe("redactText", () => {
  it("redacts the URLs in a message and leaves the rest", () => {
    expect(redactText(`Route GET:/invite/${secret} not found`)).toBe(
      "Route GET:/invite/[redacted] not found",
    );
    expect(redactText(`There is nothing at POST /still-needed/${secret}.`)).toBe(
      "There is nothing at POST /still-needed/[redacted]",
    );
    expect(redactText(`Invalid callbackURL: https://evil.example/reset-password/${secret}?x=1`)).toBe(
      "Invalid callbackURL: https://evil.example/reset-password/[redacted]?x=1",
    );
  });

  it("leaves the file paths of a stack trace alone", () => {
    const stack = "Error: boom\n    at answerLink (/srv/docket/src/server/still-needed/answer.ts:27:3)";
    expect(redactText(stack)).toBe(stack);
  });
});
