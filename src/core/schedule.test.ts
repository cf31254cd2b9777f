import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { digestSlotsBetween, dueDigestSlot, isAwayAt, isWorkingAt, nextWorkingStart } from "./schedule";

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
const at = (instant: string) => new Date(instant);
const hour = 3_600_000;

describe("digestSlotsBetween", () => {
  it("gives each time on each digest day, in the person's zone, oldest first", () => {
    // Monday 2026-11-23 to Wednesday 2026-11-25 in Tokyo (UTC+9), digests at 08:30 and 17:00 on Mon and Wed.
    const slots = digestSlotsBetween(
      { times: ["17:00", "08:30"], days: [1, 3] },
      "Asia/Tokyo",
      at("2026-11-22T15:00:00Z"),
      at("2026-11-25T15:00:00Z"),
    );
    expect(iso(slots)).toEqual([
      "2026-11-22T23:30:00.000Z",
      "2026-11-23T08:00:00.000Z",
      "2026-11-24T23:30:00.000Z",
      "2026-11-25T08:00:00.000Z",
    ]);
  });

  it("excludes the start of the window and includes its end", () => {
    const schedule = { times: ["09:00"], days: [1, 2, 3, 4, 5, 6, 7] };
    const nine = at("2026-11-23T09:00:00Z");
    expect(digestSlotsBetween(schedule, "UTC", nine, at("2026-11-23T10:00:00Z"))).toEqual([]);
    expect(iso(digestSlotsBetween(schedule, "UTC", at("2026-11-23T08:00:00Z"), nine))).toEqual([
      "2026-11-23T09:00:00.000Z",
    ]);
  });

  it("shifts a time that does not exist that day forward, and takes the first of a repeated one", () => {
    // New York skips 02:00-03:00 on 2026-03-08 and repeats 01:00-02:00 on 2026-11-01 (both Sundays).
    const schedule = { times: ["02:30", "01:30"], days: [7] };
    const spring = digestSlotsBetween(
      schedule,
      "America/New_York",
      at("2026-03-08T00:00:00Z"),
      at("2026-03-09T00:00:00Z"),
    );
    expect(iso(spring)).toEqual(["2026-03-08T06:30:00.000Z", "2026-03-08T07:30:00.000Z"]);
    const autumn = digestSlotsBetween(
      schedule,
      "America/New_York",
      at("2026-11-01T00:00:00Z"),
      at("2026-11-02T00:00:00Z"),
    );
    expect(iso(autumn)).toEqual(["2026-11-01T05:30:00.000Z", "2026-11-01T07:30:00.000Z"]);
  });

  it("follows Lord Howe's half-hour shift", () => {
    // Lord Howe goes from +10:30 to +11 at 02:00 on Sunday 2026-10-04: 02:15 does not exist and becomes 02:45.
    const slots = digestSlotsBetween(
      { times: ["02:15"], days: [7] },
      "Australia/Lord_Howe",
      at("2026-10-03T00:00:00Z"),
      at("2026-10-04T12:00:00Z"),
    );
    expect(iso(slots)).toEqual(["2026-10-03T15:45:00.000Z"]);
  });

  it("has no slots without times or days", () => {
    const window = [at("2026-11-01T00:00:00Z"), at("2026-12-01T00:00:00Z")] as const;
    expect(digestSlotsBetween({ times: [], days: [1] }, "UTC", ...window)).toEqual([]);
    expect(digestSlotsBetween({ times: ["09:00"], days: [] }, "UTC", ...window)).toEqual([]);
  });

  const zones = [
    "UTC",
    "America/New_York",
    "Europe/Paris",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "America/Sao_Paulo",
  ];
  const time = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

  it("gives, for any schedule and window, sorted distinct slots inside it, each on a digest day at a digest time or just after a gap", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.uniqueArray(time, { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 1, max: 10 * 24 }),
        (zone, times, days, start, hours) => {
          const after = new Date(start);
          const until = new Date(start + hours * hour);
          const slots = digestSlotsBetween({ times, days }, zone, after, until);
          for (let i = 0; i < slots.length; i++) {
            const slot = slots[i] as Date;
            if (slot <= after || slot > until) return false;
            if (i > 0 && (slots[i - 1] as Date) >= slot) return false;
            const local = Temporal.Instant.fromEpochMilliseconds(slot.getTime()).toZonedDateTimeISO(zone);
            if (!days.includes(local.dayOfWeek)) return false;
            const clock = local.toPlainTime().toString().slice(0, 5);
            // A time inside a gap is shifted forward by at most the gap (an hour here).
            const near = times.some((t) => {
              const wanted = Temporal.PlainTime.from(t);
              const diff = local.toPlainTime().since(wanted).total("minutes");
              return clock === t || (diff > 0 && diff <= 60);
            });
            if (!near) return false;
          }
          // Every day of the window with a digest day has its slots: count them against a plain walk.
          return slots.length <= Math.ceil(hours / 24 + 2) * times.length;
        },
      ),
    );
  });

  it("never misses or repeats a slot when the window is cut in two anywhere", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.uniqueArray(time, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.integer({ min: 1, max: 14 * 24 - 1 }),
        (zone, times, start, cut) => {
          const schedule = { times, days: [1, 2, 3, 4, 5, 6, 7] };
          const [a, b, c] = [new Date(start), new Date(start + cut * hour), new Date(start + 14 * 24 * hour)];
          const whole = iso(digestSlotsBetween(schedule, zone, a, c));
          const parts = [
            ...iso(digestSlotsBetween(schedule, zone, a, b)),
            ...iso(digestSlotsBetween(schedule, zone, b, c)),
          ];
          return JSON.stringify(whole) === JSON.stringify(parts);
        },
      ),
    );
  });
});

describe("dueDigestSlot", () => {
  const schedule = { times: ["09:00"], days: [1, 2, 3, 4, 5] };

  it("is the latest slot within the catch-up window, or none", () => {
    // Monday 2026-11-23, Paris (UTC+1): 09:00 local is 08:00Z.
    expect(dueDigestSlot(schedule, "Europe/Paris", at("2026-11-23T07:59:59Z"), 12 * hour)).toBeNull();
    expect(
      dueDigestSlot(schedule, "Europe/Paris", at("2026-11-23T08:00:00Z"), 12 * hour)?.toISOString(),
    ).toBe("2026-11-23T08:00:00.000Z");
    // Back from an outage at 19:59 the same day: still within 12 hours.
    expect(
      dueDigestSlot(schedule, "Europe/Paris", at("2026-11-23T19:59:00Z"), 12 * hour)?.toISOString(),
    ).toBe("2026-11-23T08:00:00.000Z");
    expect(dueDigestSlot(schedule, "Europe/Paris", at("2026-11-23T20:00:01Z"), 12 * hour)).toBeNull();
  });
});

describe("working hours", () => {
  const hours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" };

  it("is working from the start, up to but not including the end, on working days, in the person's zone", () => {
    // Friday 2026-11-27 in Kathmandu (UTC+5:45): 09:00 is 03:15Z, 17:30 is 11:45Z.
    expect(isWorkingAt(hours, "Asia/Kathmandu", at("2026-11-27T03:14:59Z"))).toBe(false);
    expect(isWorkingAt(hours, "Asia/Kathmandu", at("2026-11-27T03:15:00Z"))).toBe(true);
    expect(isWorkingAt(hours, "Asia/Kathmandu", at("2026-11-27T11:44:59Z"))).toBe(true);
    expect(isWorkingAt(hours, "Asia/Kathmandu", at("2026-11-27T11:45:00Z"))).toBe(false);
    // Saturday.
    expect(isWorkingAt(hours, "Asia/Kathmandu", at("2026-11-28T06:00:00Z"))).toBe(false);
  });

  it("finds the start of the next working period: now when at work, else later today or the next working day", () => {
    const zone = "America/Los_Angeles";
    expect(nextWorkingStart(hours, zone, at("2026-11-25T18:00:00Z"))?.toISOString()).toBe(
      "2026-11-25T18:00:00.000Z",
    );
    // Wednesday 06:00 local: 09:00 the same day.
    expect(nextWorkingStart(hours, zone, at("2026-11-25T14:00:00Z"))?.toISOString()).toBe(
      "2026-11-25T17:00:00.000Z",
    );
    // Friday 18:00 local: Monday 09:00.
    expect(nextWorkingStart(hours, zone, at("2026-11-28T02:00:00Z"))?.toISOString()).toBe(
      "2026-11-30T17:00:00.000Z",
    );
    expect(nextWorkingStart({ ...hours, days: [] }, zone, at("2026-11-28T02:00:00Z"))).toBeNull();
  });

  it("always answers an instant at work, never earlier than asked, with no working moment skipped", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("UTC", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Europe/London"),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 22 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) }),
        (zone, days, startHour, length, when) => {
          const end = Math.min(startHour + length, 23);
          const schedule = {
            days,
            start: `${String(startHour).padStart(2, "0")}:00`,
            end: `${String(end).padStart(2, "0")}:59`,
          };
          const now = new Date(when);
          const next = nextWorkingStart(schedule, zone, now);
          if (next === null || next < now || !isWorkingAt(schedule, zone, next)) return false;
          // Half-hourly probes between now and the answer find nobody at work.
          for (let t = now.getTime() + 30 * 60_000; t < next.getTime(); t += 30 * 60_000) {
            if (isWorkingAt(schedule, zone, new Date(t))) return false;
          }
          return true;
        },
      ),
    );
  });
});

describe("isAwayAt", () => {
  it("covers whole local days, from the first to the last", () => {
    const away = { from: "2026-12-21", until: "2026-12-24" };
    // Auckland is UTC+13 in December.
    expect(isAwayAt(away, "Pacific/Auckland", at("2026-12-20T10:59:59Z"))).toBe(false);
    expect(isAwayAt(away, "Pacific/Auckland", at("2026-12-20T11:00:00Z"))).toBe(true);
    expect(isAwayAt(away, "Pacific/Auckland", at("2026-12-24T10:59:59Z"))).toBe(true);
    expect(isAwayAt(away, "Pacific/Auckland", at("2026-12-24T11:00:00Z"))).toBe(false);
    expect(isAwayAt(null, "UTC", at("2026-12-22T00:00:00Z"))).toBe(false);
  });
});
