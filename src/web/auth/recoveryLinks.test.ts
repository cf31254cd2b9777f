import { describe, expect, it } from "vitest";
import { readVerificationLink, tokenFromFragment } from "./recoveryLinks";

const base64url = (value: object) =>
  Buffer.from(JSON.stringify(value))
    .toString("base64")
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const jwt = (payload: object) => `${base64url({ alg: "HS256" })}.${base64url(payload)}.signature`;

describe("recovery links", () => {
  it("find the token in the fragment, and nothing without one", () => {
    expect(tokenFromFragment("#token=abc123")).toBe("abc123");
    expect(tokenFromFragment("#token=a%2Bb")).toBe("a+b");
    expect(tokenFromFragment("token=abc")).toBe("abc");
    expect(tokenFromFragment("")).toBeNull();
    expect(tokenFromFragment("#token=")).toBeNull();
    expect(tokenFromFragment("#other=1")).toBeNull();
  });

  it("read the address and expiry a verification link carries", () => {
    const now = new Date("2027-03-01T10:00:00.000Z");
    const exp = now.getTime() / 1000;
    expect(readVerificationLink(jwt({ email: "zoë@example.com", exp: exp + 60 }), now)).toEqual({
      email: "zoë@example.com",
      expired: false,
    });
    expect(readVerificationLink(jwt({ email: "a@example.com", exp }), now)).toEqual({
      email: "a@example.com",
      expired: true,
    });
  });

  it("read nothing from a link that is cut short or garbled", () => {
    const now = new Date();
    expect(readVerificationLink("abc", now)).toEqual({ email: null, expired: false });
    expect(readVerificationLink("abc.!!!.def", now)).toEqual({ email: null, expired: false });
    expect(readVerificationLink(`x.${base64url({ email: 42 })}.y`, now)).toEqual({
      email: null,
      expired: false,
    });
  });
});
