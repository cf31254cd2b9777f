import { describe, expect, it } from "vitest";
import { secondsUntilAllowed } from "./sign-in-limits";

const limit = { max: 3, windowMs: 60_000 };
const now = new Date("2026-03-29T01:30:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("secondsUntilAllowed", () => {
  it("allows while failures stay under the limit", () => {
    expect(secondsUntilAllowed([ago(1000), ago(2000)], limit, now)).toBeNull();
  });

  it("blocks at the limit until the oldest recent failure leaves the window", () => {
    expect(secondsUntilAllowed([ago(10_000), ago(5_000), ago(1_000)], limit, now)).toBe(50);
  });

  it("ignores failures older than the window", () => {
    expect(secondsUntilAllowed([ago(120_000), ago(61_000), ago(1_000), ago(500)], limit, now)).toBeNull();
  });

  it("waits for enough old failures to leave when far over the limit", () => {
    const failures = [ago(50_000), ago(40_000), ago(30_000), ago(20_000), ago(10_000)];
    // Five in the window, three allowed: the attempt waits until only two remain, i.e. the 30 s one leaves.
    expect(secondsUntilAllowed(failures, limit, now)).toBe(30);
  });
});
