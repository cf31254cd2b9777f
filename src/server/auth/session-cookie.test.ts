import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sessionTokenFromCookie } from "./session-cookie";

const secret = "a-secret-of-some-length-0123456789";
const signed = (token: string, key = secret) =>
  encodeURIComponent(`${token}.${createHmac("sha256", key).update(token).digest("base64")}`);

describe("sessionTokenFromCookie", () => {
  it("reads the token of a correctly signed cookie among others", () => {
    const header = `theme=dark; docket.session_token=${signed("abc123")}; other=1`;
    expect(sessionTokenFromCookie(header, "docket.session_token", secret)).toBe("abc123");
  });

  it("refuses a cookie signed with another secret, or tampered with", () => {
    expect(
      sessionTokenFromCookie(
        `docket.session_token=${signed("abc123", "another")}`,
        "docket.session_token",
        secret,
      ),
    ).toBeNull();
    const tampered = signed("abc123").replace("abc123", "abc124");
    expect(
      sessionTokenFromCookie(`docket.session_token=${tampered}`, "docket.session_token", secret),
    ).toBeNull();
  });

  it("finds nothing in an absent, unsigned or malformed cookie", () => {
    expect(sessionTokenFromCookie("theme=dark", "docket.session_token", secret)).toBeNull();
    expect(sessionTokenFromCookie("docket.session_token=abc123", "docket.session_token", secret)).toBeNull();
    expect(
      sessionTokenFromCookie("docket.session_token=%E0%A4%A", "docket.session_token", secret),
    ).toBeNull();
    expect(
      sessionTokenFromCookie(`x-docket.session_token=${signed("abc")}`, "docket.session_token", secret),
    ).toBeNull();
  });
});
