import { describe, expect, it } from "vitest";
import { isOverdue, isoWeekAround } from "./due-dates";
import { plateLoad } from "./plate-load";
import { unchangedUntil } from "./plate-validity";

const now = new Date("2026-12-02T10:00:00.000Z"); // a Wednesday
const at = (iso: string) => Date.parse(iso);

describe("unchangedUntil", () => {
  it("is the next due instant after now, the moment that task turns overdue", () => {
    const dueAts = ["2026-12-01T09:00:00.000Z", "2026-12-03T17:00:00.000Z", null, "2026-12-02T12:00:00.000Z"];
    const until = unchangedUntil(now, [{ timeZone: "UTC", dueAts }]);
    expect(until).toBe(at("2026-12-02T12:00:00.000Z"));
    expect(isOverdue("2026-12-02T12:00:00.000Z", new Date(until - 1), false)).toBe(false);
    expect(isOverdue("2026-12-02T12:00:00.000Z", new Date(until), false)).toBe(true);
  });

  it("is the end of the owner's week when nothing falls due before it", () => {
    const until = unchangedUntil(now, [{ timeZone: "Asia/Tokyo", dueAts: ["2026-12-20T00:00:00.000Z"] }]);
    expect(until).toBe(at(isoWeekAround(now, "Asia/Tokyo").end));
    expect(until).toBe(at("2026-12-06T15:00:00.000Z"));
  });

  it("is the earliest moment of several plates in several zones", () => {
    const until = unchangedUntil(now, [
      { timeZone: "Asia/Tokyo", dueAts: [] },
      { timeZone: "Pacific/Kiritimati", dueAts: [] },
      { timeZone: "America/New_York", dueAts: ["2026-12-09T00:00:00.000Z"] },
    ]);
    expect(until).toBe(at("2026-12-06T10:00:00.000Z")); // Monday 00:00 at UTC+14
  });

  it("keeps a plate's load the same until then, and not after", () => {
    const dueAts = ["2026-12-07T05:00:00.000Z", "2026-12-02T10:30:00.000Z"];
    const zone = "America/New_York";
    const until = unchangedUntil(now, [{ timeZone: zone, dueAts }]);
    const load = (ms: number) => plateLoad(dueAts, 0, new Date(ms), zone);
    expect(load(until - 1)).toEqual(load(now.getTime()));
    expect(load(until)).not.toEqual(load(now.getTime()));
  });

  it("is at most a week away, even with no plate at all", () => {
    expect(unchangedUntil(now, [])).toBe(now.getTime() + 7 * 24 * 60 * 60 * 1000);
  });
});
