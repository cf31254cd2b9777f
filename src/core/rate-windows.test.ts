import { describe, expect, it } from "vitest";
import { secondsPastLimit, secondsUntilAllowed, windowEnd } from "./rate-windows";

const now = new Date("2027-03-01T10:00:00.000Z");

describe("a fixed window", () => {
  const limit = { max: 3, windowMs: 60 * 60_000 };

  it("ends its length after it starts", () => {
    expect(windowEnd(limit, now).getTime() - now.getTime()).toBe(limit.windowMs);
  });

  it("lets the limit's count through and tells the one after it how long to wait", () => {
    const resetAt = windowEnd(limit, now);
    for (let count = 1; count <= limit.max; count++)
      expect(secondsPastLimit(limit, count, resetAt, now)).toBeNull();
    expect(secondsPastLimit(limit, limit.max + 1, resetAt, now)).toBe(limit.windowMs / 1000);
    const later = new Date(now.getTime() + limit.windowMs - 1_500);
    expect(secondsPastLimit(limit, limit.max + 1, resetAt, later)).toBe(2);
  });

  it("rounds up to whole seconds, and never answers less than one", () => {
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect(secondsPastLimit(limit, 9, at(0.2), now)).toBe(1);
    expect(secondsPastLimit(limit, 9, at(0), now)).toBe(1);
    expect(secondsPastLimit(limit, 9, at(12.001), now)).toBe(13);
  });
});

describe("a sliding window", () => {
  const limit = { max: 3, windowMs: 60_000 };
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it("allows while what was done stays under the limit", () => {
    expect(secondsUntilAllowed([ago(1000), ago(2000)], limit, now)).toBeNull();
  });

  it("blocks at the limit until the oldest recent one leaves the window", () => {
    expect(secondsUntilAllowed([ago(10_000), ago(5_000), ago(1_000)], limit, now)).toBe(50);
  });

  it("ignores what is older than the window", () => {
    expect(secondsUntilAllowed([ago(120_000), ago(61_000), ago(1_000), ago(500)], limit, now)).toBeNull();
  });

  it("waits for enough old ones to leave when far over the limit", () => {
    const times = [ago(50_000), ago(40_000), ago(30_000), ago(20_000), ago(10_000)];
    // Five in the window, three allowed: one more waits until only two remain, when the 30 s one leaves.
    expect(secondsUntilAllowed(times, limit, now)).toBe(30);
  });
});
