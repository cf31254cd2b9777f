import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DigestReader, meetingNoticeWindow, meetingsToTell } from "./meeting-notice";
import { digestSlotsBetween } from "./schedule";

const at = (instant: string) => new Date(instant);
const hour = 3_600_000;
const day = 24 * hour;
/** 09:00 on weekdays in Berlin (UTC+1 in winter): 08:00Z. */
const berlin: DigestReader = {
  schedule: { times: ["09:00"], days: [1, 2, 3, 4, 5] },
  timeZone: "Europe/Berlin",
};
/** Slots of `berlin`: Thursday 3, Friday 4 and Monday 7 December 2026. */
const thursday = at("2026-12-03T08:00:00Z");
const friday = at("2026-12-04T08:00:00Z");
const monday = at("2026-12-07T08:00:00Z");
const longBefore = at("2026-11-01T00:00:00Z");

/** Whether the digest at `slot` tells of a meeting at `scheduledAt`, written at its slot. */
const tells = (reader: DigestReader, slot: Date, scheduledAt: string) =>
  meetingsToTell(reader, slot, slot, [{ scheduledAt }]).length === 1;

describe("meetingsToTell: the last digest at least two hours before a meeting", () => {
  it("tells of a meeting exactly two hours after a slot in that slot, not the one before", () => {
    expect(tells(berlin, friday, "2026-12-04T10:00:00Z")).toBe(true);
    expect(tells(berlin, thursday, "2026-12-04T10:00:00Z")).toBe(false);
  });

  it("tells of a meeting right after a slot in the slot before it", () => {
    // Friday 09:30 in Berlin: Friday's 09:00 digest is too late, Thursday's says it.
    expect(tells(berlin, friday, "2026-12-04T08:30:00Z")).toBe(false);
    expect(tells(berlin, thursday, "2026-12-04T08:30:00Z")).toBe(true);
    // Even one minute after the slot.
    expect(tells(berlin, thursday, "2026-12-04T08:01:00Z")).toBe(true);
  });

  it("tells of a meeting just under two hours after a slot in the slot before it", () => {
    expect(tells(berlin, friday, "2026-12-04T09:59:00Z")).toBe(false);
    expect(tells(berlin, thursday, "2026-12-04T09:59:00Z")).toBe(true);
  });

  it("tells of a Monday morning meeting on Friday, across the weekend with no digests", () => {
    expect(tells(berlin, friday, "2026-12-07T08:30:00Z")).toBe(true);
    expect(tells(berlin, monday, "2026-12-07T08:30:00Z")).toBe(false);
    // A Saturday meeting, too, is told on Friday.
    expect(tells(berlin, friday, "2026-12-05T14:00:00Z")).toBe(true);
    // Monday afternoon is Monday's.
    expect(tells(berlin, friday, "2026-12-07T13:00:00Z")).toBe(false);
    expect(tells(berlin, monday, "2026-12-07T13:00:00Z")).toBe(true);
  });

  it("tells nobody whose digests are off", () => {
    const noTimes: DigestReader = { schedule: { times: [], days: [1, 2, 3, 4, 5] }, timeZone: "UTC" };
    const noDays: DigestReader = { schedule: { times: ["09:00"], days: [] }, timeZone: "UTC" };
    for (const reader of [noTimes, noDays]) {
      expect(meetingNoticeWindow(reader, friday)).toBeNull();
      expect(tells(reader, friday, "2026-12-04T12:00:00Z")).toBe(false);
    }
  });

  it("works the slots out in the reader's own zone", () => {
    // The same meeting, Friday 15:00 UTC: 16:00 in Berlin, 10:00 in New York.
    const newYork: DigestReader = { schedule: berlin.schedule, timeZone: "America/New_York" };
    // New York's 09:00 Friday slot is 14:00Z, an hour before: Thursday's (14:00Z) tells.
    expect(tells(newYork, at("2026-12-04T14:00:00Z"), "2026-12-04T15:00:00Z")).toBe(false);
    expect(tells(newYork, at("2026-12-03T14:00:00Z"), "2026-12-04T15:00:00Z")).toBe(true);
    expect(tells(berlin, friday, "2026-12-04T15:00:00Z")).toBe(true);
  });

  it("takes the following slot of several times a day", () => {
    const twice: DigestReader = {
      schedule: { times: ["08:00", "13:00"], days: [1, 2, 3, 4, 5] },
      timeZone: "UTC",
    };
    // 16:00: the 13:00 slot is three hours before.
    expect(tells(twice, at("2026-12-04T13:00:00Z"), "2026-12-04T16:00:00Z")).toBe(true);
    expect(tells(twice, at("2026-12-04T08:00:00Z"), "2026-12-04T16:00:00Z")).toBe(false);
    // 14:00: the 13:00 slot is too late, the 08:00 one tells.
    expect(tells(twice, at("2026-12-04T08:00:00Z"), "2026-12-04T14:00:00Z")).toBe(true);
  });

  it("does not announce a meeting already begun when the digest is written late", () => {
    const meeting = [{ scheduledAt: "2026-12-04T12:00:00Z" }];
    expect(meetingsToTell(berlin, friday, at("2026-12-04T11:00:00Z"), meeting)).toEqual(meeting);
    expect(meetingsToTell(berlin, friday, at("2026-12-04T12:00:00Z"), meeting)).toEqual([]);
  });

  it("answers the meetings it tells of soonest first", () => {
    const told = meetingsToTell(berlin, friday, friday, [
      { scheduledAt: "2026-12-07T07:00:00Z", id: "monday" },
      { scheduledAt: "2026-12-04T08:30:00Z", id: "too soon" },
      { scheduledAt: "2026-12-04T15:00:00Z", id: "friday" },
      { scheduledAt: longBefore.toISOString(), id: "past" },
    ]);
    expect(told.map((meeting) => meeting.id)).toEqual(["friday", "monday"]);
  });

  it("tells of every meeting in exactly one slot, the last at least two hours before it", () => {
    const zones = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kathmandu"];
    const times = ["06:30", "08:00", "09:00", "12:15", "17:00", "23:30"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.uniqueArray(fc.constantFrom(...times), { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        // Any minute in 2026, DST changes included.
        fc.integer({ min: 0, max: 364 * 24 * 60 }),
        (timeZone, slotTimes, days, minute) => {
          const reader: DigestReader = { schedule: { times: slotTimes, days }, timeZone };
          const scheduledAt = new Date(Date.parse("2026-01-08T00:00:00Z") + minute * 60_000);
          const slots = digestSlotsBetween(
            reader.schedule,
            timeZone,
            new Date(scheduledAt.getTime() - 9 * day),
            scheduledAt,
          );
          const telling = slots.filter((slot) => tells(reader, slot, scheduledAt.toISOString()));
          const lastEarly = slots.filter((slot) => slot.getTime() <= scheduledAt.getTime() - 2 * hour).at(-1);
          expect(telling).toEqual(lastEarly ? [lastEarly] : []);
        },
      ),
    );
  });
});
