import { describe, expect, it } from "vitest";
import { cadencePhrase, endTime, meetingTimePhrase, meetingTimes, weekdayName } from "./cadence";

describe("cadencePhrase", () => {
  it("says how often, on which day, from when to when, in which zone", () => {
    expect(cadencePhrase({ everyWeeks: 2, weekday: 2, time: "10:00", minutes: 30 }, "Europe/Berlin")).toBe(
      "Every 2 weeks on Tuesday, 10:00–10:30 Europe/Berlin",
    );
  });

  it("says every week for a weekly series", () => {
    expect(cadencePhrase({ everyWeeks: 1, weekday: 7, time: "09:15", minutes: 45 }, "UTC")).toBe(
      "Every week on Sunday, 09:15–10:00 UTC",
    );
  });

  it("ends past midnight on the next day's clock", () => {
    expect(
      cadencePhrase({ everyWeeks: 4, weekday: 5, time: "23:30", minutes: 120 }, "Australia/Sydney"),
    ).toBe("Every 4 weeks on Friday, 23:30–01:30 Australia/Sydney");
  });
});

describe("endTime", () => {
  it.each([
    ["10:00", 30, "10:30"],
    ["10:45", 15, "11:00"],
    ["08:05", 120, "10:05"],
    ["23:45", 15, "00:00"],
  ])("%s and %i minutes end at %s", (time, minutes, end) => {
    expect(endTime(time, minutes)).toBe(end);
  });
});

describe("weekdayName", () => {
  it("names ISO weekdays, Monday first", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(weekdayName)).toEqual([
      "Monday",
      "Tuesday",
      "Wednesday",
      "Thursday",
      "Friday",
      "Saturday",
      "Sunday",
    ]);
  });
});

describe("meetingTimes", () => {
  const at = "2026-03-17T09:00:00.000Z";

  it("says only my time when the other clock reads the same", () => {
    expect(meetingTimes(at, "Europe/Berlin", "Europe/Berlin").theirs).toBeNull();
    expect(meetingTimes(at, "Europe/Berlin", "Europe/Paris").theirs).toBeNull();
    expect(meetingTimePhrase(at, "Europe/Berlin", "Europe/Paris")).toBe(
      meetingTimes(at, "Europe/Berlin", "Europe/Berlin").mine,
    );
  });

  it("adds their time, named by its zone, when their clock differs", () => {
    const times = meetingTimes(at, "America/New_York", "Europe/Berlin");
    expect(times.mine).toMatch(/5:00/);
    expect(times.theirs).toMatch(/10:00.*Europe\/Berlin$/);
    expect(meetingTimePhrase(at, "America/New_York", "Europe/Berlin")).toBe(
      `${times.mine} (${times.theirs})`,
    );
  });
});
