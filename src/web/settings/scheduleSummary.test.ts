import { describe, expect, it } from "vitest";
import { daysPhrase, digestSchedulePhrase, listing, workingHoursPhrase } from "./scheduleSummary";

describe("schedule summary", () => {
  it("lists parts as a sentence would", () => {
    expect(listing([])).toBe("");
    expect(listing(["08:00"])).toBe("08:00");
    expect(listing(["08:00", "13:00", "17:30"])).toBe("08:00, 13:00 and 17:30");
  });

  it("names the days plainly", () => {
    expect(daysPhrase([1, 2, 3, 4, 5, 6, 7])).toBe("every day");
    expect(daysPhrase([5, 4, 3, 2, 1])).toBe("Monday to Friday");
    expect(daysPhrase([1])).toBe("on Mondays");
    expect(daysPhrase([5, 1, 3])).toBe("on Mon, Wed and Fri");
  });

  it("says when the digest arrives, in which zone, or that none is scheduled", () => {
    expect(digestSchedulePhrase({ times: ["13:00", "08:00"], days: [1, 2, 3, 4, 5] }, "Europe/Berlin")).toBe(
      "Your digest arrives at 08:00 and 13:00, Monday to Friday, in Europe/Berlin.",
    );
    expect(digestSchedulePhrase({ times: [], days: [1] }, "UTC")).toBe(
      "No digest is scheduled: you will not get one until you pick a time and a day.",
    );
  });
});

describe("workingHoursPhrase", () => {
  it("says the days and hours, or nothing without working days", () => {
    expect(workingHoursPhrase({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" })).toBe(
      "Monday to Friday, 09:00–17:00",
    );
    expect(workingHoursPhrase({ days: [2, 4], start: "08:30", end: "12:00" })).toBe(
      "On Tue and Thu, 08:30–12:00",
    );
    expect(workingHoursPhrase({ days: [], start: "09:00", end: "17:00" })).toBeNull();
  });
});
