import { describe, expect, it } from "vitest";
import { tokenLifetimeDays } from "../../../contract";
import { formatDate } from "../../components/format";
import { DEFAULT_LIFETIME, expiresInDaysOf, expiryState, LIFETIME_OPTIONS } from "./tokenLifetime";

const now = Date.parse("2026-03-29T12:00:00Z");
const day = 24 * 60 * 60_000;

describe("expiresInDaysOf", () => {
  it("asks for the chosen number of days, and for none when the token should last until revoked", () => {
    expect(expiresInDaysOf("30")).toEqual({ expiresInDays: 30 });
    expect(expiresInDaysOf("never")).toEqual({});
  });

  it("offers only lifetimes the server accepts, with a default among them", () => {
    for (const { value } of LIFETIME_OPTIONS) {
      const days = expiresInDaysOf(value).expiresInDays;
      if (days !== undefined) expect(days).toBeLessThanOrEqual(tokenLifetimeDays.max);
    }
    expect(LIFETIME_OPTIONS.map((option) => option.value)).toContain(DEFAULT_LIFETIME);
  });
});

describe("expiryState", () => {
  it("says never for a token without an expiry", () => {
    expect(expiryState(null, now)).toEqual({ kind: "never", text: "Never" });
  });

  it("says the day a token will expire", () => {
    const expiresAt = new Date(now + 29 * day).toISOString();
    expect(expiryState(expiresAt, now)).toEqual({ kind: "expires", text: formatDate(expiresAt) });
    expect(expiryState(new Date(now + 1).toISOString(), now).kind).toBe("expires");
  });

  it("says expired from the instant of its expiry on", () => {
    expect(expiryState(new Date(now).toISOString(), now)).toEqual({ kind: "expired", text: "Expired" });
    expect(expiryState(new Date(now - day).toISOString(), now)).toEqual({ kind: "expired", text: "Expired" });
  });
});
