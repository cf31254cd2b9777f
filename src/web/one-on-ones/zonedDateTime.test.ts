import { describe, expect, it } from "vitest";
import { instantOfLocalDateTime, localDateTimeIn } from "./zonedDateTime";

const at = (iso: string) => Date.parse(iso);

describe("localDateTimeIn", () => {
  it("reads an instant on a zone's clock, to the minute", () => {
    expect(localDateTimeIn(at("2026-03-17T09:00:59Z"), "Europe/Berlin")).toBe("2026-03-17T10:00");
    expect(localDateTimeIn(at("2026-03-17T09:00:00Z"), "America/New_York")).toBe("2026-03-17T05:00");
    expect(localDateTimeIn(at("2026-03-17T09:00:00Z"), "Asia/Kathmandu")).toBe("2026-03-17T14:45");
  });
});

describe("instantOfLocalDateTime", () => {
  it("is the instant the zone's clock reads it", () => {
    expect(instantOfLocalDateTime("2026-03-17T10:00", "Europe/Berlin")).toBe(at("2026-03-17T09:00:00Z"));
    expect(instantOfLocalDateTime("2026-07-17T10:00", "Europe/Berlin")).toBe(at("2026-07-17T08:00:00Z"));
    expect(instantOfLocalDateTime("2026-01-05T23:30", "Pacific/Chatham")).toBe(at("2026-01-05T09:45:00Z"));
  });

  it("round-trips with localDateTimeIn", () => {
    for (const zone of ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kathmandu", "UTC"]) {
      const local = "2026-11-02T08:30";
      const instant = instantOfLocalDateTime(local, zone);
      expect(instant).not.toBeNull();
      expect(localDateTimeIn(instant ?? 0, zone)).toBe(local);
    }
  });

  it("takes the earlier of a reading the clock shows twice", () => {
    expect(instantOfLocalDateTime("2026-10-25T02:30", "Europe/Berlin")).toBe(at("2026-10-25T00:30:00Z"));
  });

  it("takes the reading an hour later when the clock skips it", () => {
    const instant = instantOfLocalDateTime("2026-03-29T02:30", "Europe/Berlin");
    expect(instant).toBe(at("2026-03-29T01:30:00Z"));
    expect(localDateTimeIn(instant ?? 0, "Europe/Berlin")).toBe("2026-03-29T03:30");
  });

  it.each(["", "2026-02-30T10:00", "2026-03-17", "2026-03-17T25:00", "yesterday"])("refuses %j", (local) => {
    expect(instantOfLocalDateTime(local, "Europe/Berlin")).toBeNull();
  });
});
