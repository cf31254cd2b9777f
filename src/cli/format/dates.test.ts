import { describe, expect, it } from "vitest";
import { daysBetween, describeDue, describeWhen, localDateTime } from "./dates";

/** 2030-03-14 10:30 in Kolkata (UTC+05:30), still the 13th in New York. */
const now = new Date("2030-03-14T05:00:00Z");
const kolkata = "Asia/Kolkata";

const onDate = (date: string, overdue = false) => ({ due: { date }, dueAt: null, overdue });
const atInstant = (at: string, overdue = false) => ({ due: { at }, dueAt: at, overdue });

describe("local dates", () => {
  it("reads an instant's date and time in the zone given, not the host's", () => {
    expect(localDateTime(now, kolkata)).toEqual({ date: "2030-03-14", time: "10:30" });
    expect(localDateTime(now, "America/New_York")).toEqual({ date: "2030-03-14", time: "01:00" });
    expect(localDateTime("2030-03-14T03:59:00Z", "America/New_York")).toEqual({
      date: "2030-03-13",
      time: "23:59",
    });
    expect(localDateTime("2030-01-01T00:00:00Z", "UTC").time).toBe("00:00");
  });

  it("counts whole days between local dates across months, years and DST", () => {
    expect(daysBetween("2030-03-14", "2030-03-14")).toBe(0);
    expect(daysBetween("2030-02-27", "2030-03-02")).toBe(3);
    expect(daysBetween("2029-12-31", "2030-01-01")).toBe(1);
    expect(daysBetween("2030-03-14", "2030-03-09")).toBe(-5);
    expect(daysBetween("2030-03-09", "2030-03-11")).toBe(2);
  });
});

describe("a due as a person reads it", () => {
  it("says nothing without a due", () => {
    expect(describeDue({ due: null, dueAt: null, overdue: false }, now, kolkata)).toBe("");
  });

  it("names today, tomorrow and the next seven days, then the date", () => {
    expect(describeDue(onDate("2030-03-14"), now, kolkata)).toBe("today");
    expect(describeDue(onDate("2030-03-15"), now, kolkata)).toBe("tomorrow");
    expect(describeDue(onDate("2030-03-17"), now, kolkata)).toBe("in 3 days");
    expect(describeDue(onDate("2030-03-21"), now, kolkata)).toBe("in 7 days");
    expect(describeDue(onDate("2030-03-22"), now, kolkata)).toBe("2030-03-22");
  });

  it("counts from today in the person's zone", () => {
    // 05:00 UTC is the 14th in Kolkata and still the 13th in Los Angeles.
    expect(describeDue(onDate("2030-03-14"), now, "America/Los_Angeles")).toBe("tomorrow");
    expect(describeDue(onDate("2030-03-14"), now, kolkata)).toBe("today");
  });

  it("says how long overdue, in days, beyond a week since when", () => {
    expect(describeDue(onDate("2030-03-13", true), now, kolkata)).toBe("1 day overdue");
    expect(describeDue(onDate("2030-03-12", true), now, kolkata)).toBe("2 days overdue");
    expect(describeDue(onDate("2030-03-07", true), now, kolkata)).toBe("7 days overdue");
    expect(describeDue(onDate("2030-03-01", true), now, kolkata)).toBe("overdue since 2030-03-01");
  });

  it("gives a fixed due its local time, and calls one passed today overdue", () => {
    expect(describeDue(atInstant("2030-03-14T09:30:00Z"), now, kolkata)).toBe("today 15:00");
    expect(describeDue(atInstant("2030-03-15T03:30:00Z"), now, kolkata)).toBe("tomorrow 09:00");
    expect(describeDue(atInstant("2030-03-18T03:30:00Z"), now, kolkata)).toBe("in 4 days 09:00");
    expect(describeDue(atInstant("2030-04-18T03:30:00Z"), now, kolkata)).toBe("2030-04-18 09:00");
    expect(describeDue(atInstant("2030-03-14T04:00:00Z", true), now, kolkata)).toBe("overdue");
    expect(describeDue(atInstant("2030-03-11T04:00:00Z", true), now, kolkata)).toBe("3 days overdue");
  });
});

describe("when something happened", () => {
  it("reads today and yesterday with the time, then days ago, then the date", () => {
    expect(describeWhen("2030-03-14T03:33:00Z", now, kolkata)).toBe("today 09:03");
    expect(describeWhen("2030-03-13T12:00:00Z", now, kolkata)).toBe("yesterday 17:30");
    expect(describeWhen("2030-03-11T12:00:00Z", now, kolkata)).toBe("3 days ago");
    expect(describeWhen("2030-03-01T12:00:00Z", now, kolkata)).toBe("2030-03-01");
  });
});
