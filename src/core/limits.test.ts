import { describe, expect, it } from "vitest";
import { dayMs, defaultLimits, perDay, waitInWords } from "./limits";
import { secondsUntilAllowed } from "./rate-windows";

describe("limits", () => {
  it("allow 20 live streams per person, as the API says", () => {
    expect(defaultLimits.liveStreamsPerPerson).toBe(20);
  });

  it("count a day as the last 24 hours: the next one is allowed when the oldest counted leaves it", () => {
    const now = new Date("2030-03-10T12:00:00.000Z");
    const made = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);
    const three = [made(23), made(5), made(1)];
    expect(secondsUntilAllowed(three, perDay(4), now)).toBeNull();
    // The one made 23 hours ago frees its place in one hour.
    expect(secondsUntilAllowed(three, perDay(3), now)).toBe(3600);
    // One made more than a day ago no longer counts.
    expect(secondsUntilAllowed([made(25), made(5), made(1)], perDay(3), now)).toBeNull();
    expect(perDay(50)).toEqual({ max: 50, windowMs: dayMs });
  });

  it("say how long to wait in the largest unit, rounded up", () => {
    expect(waitInWords(0.2)).toBe("1 second");
    expect(waitInWords(59)).toBe("59 seconds");
    expect(waitInWords(60)).toBe("1 minute");
    expect(waitInWords(61)).toBe("2 minutes");
    expect(waitInWords(3600)).toBe("1 hour");
    expect(waitInWords(3601)).toBe("2 hours");
    expect(waitInWords(86_400)).toBe("24 hours");
  });
});
