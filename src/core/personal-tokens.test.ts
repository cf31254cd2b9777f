import { describe, expect, it } from "vitest";
import {
  forgetExpiredBefore,
  isTokenExpired,
  tokenCapProblem,
  tokenExpiry,
  tokenRules,
} from "./personal-tokens";

const now = new Date("2026-03-29T01:30:00.000Z");

describe("tokenExpiry", () => {
  it("lasts until revoked without a lifetime", () => {
    expect(tokenExpiry(now, undefined)).toBeNull();
  });

  it("stops working whole days of 24 hours after it was made, whatever the clocks do that day", () => {
    // 29 March 2026 is the night Europe's clocks go forward: still 24 hours to a day.
    expect(tokenExpiry(now, 1)?.toISOString()).toBe("2026-03-30T01:30:00.000Z");
    expect(tokenExpiry(now, 30)?.toISOString()).toBe("2026-04-28T01:30:00.000Z");
  });
});

describe("isTokenExpired", () => {
  it("never expires a token without an expiry", () => {
    expect(isTokenExpired(null, new Date("2999-01-01T00:00:00Z"))).toBe(false);
  });

  it("works until the instant of its expiry, and not from then on", () => {
    expect(isTokenExpired("2026-03-29T01:30:00.001Z", now)).toBe(false);
    expect(isTokenExpired("2026-03-29T01:30:00.000Z", now)).toBe(true);
    expect(isTokenExpired("2026-03-28T01:30:00.000Z", now)).toBe(true);
  });
});

describe("forgetExpiredBefore", () => {
  it("keeps expired tokens listed for the days the rules say", () => {
    expect(now.getTime() - forgetExpiredBefore(now).getTime()).toBe(
      tokenRules.keptAfterExpiryDays * 24 * 60 * 60_000,
    );
  });
});

describe("tokenCapProblem", () => {
  it("allows tokens up to the cap, and explains why not beyond it", () => {
    expect(tokenCapProblem(0)).toBeNull();
    expect(tokenCapProblem(tokenRules.maxLivePerPerson - 1)).toBeNull();
    expect(tokenCapProblem(tokenRules.maxLivePerPerson)).toMatch(/revoke one/);
    expect(tokenCapProblem(tokenRules.maxLivePerPerson + 3)).toMatch(/20 tokens/);
  });
});
