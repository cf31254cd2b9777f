import { describe, expect, it } from "vitest";
import { type MonthlyItem, monthLabel, recordMonths } from "./record-months";

interface Item extends MonthlyItem {
  id: string;
}

const done = (id: string, finishedAt: string, onTime: boolean | null = null): Item => ({
  id,
  state: "done",
  finishedAt,
  onTime,
});
const dropped = (id: string, finishedAt: string): Item => ({
  id,
  state: "dropped",
  finishedAt,
  onTime: null,
});

const period = (from: string, to: string, items: Item[] = [], timeZone = "Europe/Paris") => ({
  timeZone,
  from,
  to,
  items,
});

describe("recordMonths", () => {
  it("lists every month the period touches, oldest first, empty ones included", () => {
    const months = recordMonths(period("2025-03-15", "2026-03-14"));
    expect(months.map((m) => m.month)).toEqual([
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
    ]);
    expect(months.map((m) => m.label).slice(0, 2)).toEqual(["March 2025", "April 2025"]);
    expect(months.every((m) => m.items.length === 0 && m.counts.completed === 0)).toBe(true);
  });

  it("clips the first and last month to the period and says which months are whole", () => {
    const months = recordMonths(period("2025-03-15", "2025-05-10"));
    expect(months.map(({ from, to, whole }) => ({ from, to, whole }))).toEqual([
      { from: "2025-03-15", to: "2025-03-31", whole: false },
      { from: "2025-04-01", to: "2025-04-30", whole: true },
      { from: "2025-05-01", to: "2025-05-10", whole: false },
    ]);
  });

  it("knows the length of each month, leap Februaries included", () => {
    expect(recordMonths(period("2024-02-01", "2024-02-29"))[0]).toMatchObject({
      to: "2024-02-29",
      whole: true,
    });
    expect(recordMonths(period("2025-02-01", "2025-02-28"))[0]).toMatchObject({
      to: "2025-02-28",
      whole: true,
    });
    expect(recordMonths(period("1900-02-01", "1900-03-01"))[0]?.to).toBe("1900-02-28");
    expect(recordMonths(period("2025-11-01", "2025-11-30"))[0]?.whole).toBe(true);
  });

  it("gives a one-day period its one month", () => {
    const months = recordMonths(period("2025-12-31", "2025-12-31", [done("a", "2025-12-31T12:00:00Z")]));
    expect(months).toHaveLength(1);
    expect(months[0]?.items.map((i) => i.id)).toEqual(["a"]);
  });

  it("puts each item in the month of its local finishing date in the person's zone", () => {
    // 00:30 on 1 April in Paris, still 31 March in UTC and in New York.
    const edge = done("edge", "2025-03-31T22:30:00Z");
    const paris = recordMonths(period("2025-03-01", "2025-04-30", [edge], "Europe/Paris"));
    expect(paris.map((m) => m.items.length)).toEqual([0, 1]);
    const newYork = recordMonths(period("2025-03-01", "2025-04-30", [edge], "America/New_York"));
    expect(newYork.map((m) => m.items.length)).toEqual([1, 0]);
  });

  it("lists a month's items newest first whatever order they come in", () => {
    const items = [
      done("middle", "2025-05-15T10:00:00Z"),
      done("oldest", "2025-05-01T10:00:00Z"),
      done("newest", "2025-05-30T10:00:00Z"),
    ];
    const [may] = recordMonths(period("2025-05-01", "2025-05-31", items));
    expect(may?.items.map((i) => i.id)).toEqual(["newest", "middle", "oldest"]);
  });

  it("counts completed on time, late and without a due, and dropped, per month", () => {
    const items = [
      done("on-time", "2025-06-02T10:00:00Z", true),
      done("late", "2025-06-03T10:00:00Z", false),
      done("late-2", "2025-06-04T10:00:00Z", false),
      done("no-due", "2025-06-05T10:00:00Z"),
      dropped("gone", "2025-06-06T10:00:00Z"),
      done("july", "2025-07-01T10:00:00Z", true),
    ];
    const [june, july] = recordMonths(period("2025-06-01", "2025-07-31", items));
    expect(june?.counts).toEqual({ completed: 4, onTime: 1, late: 2, withoutDue: 1, dropped: 1 });
    expect(july?.counts).toEqual({ completed: 1, onTime: 1, late: 0, withoutDue: 0, dropped: 0 });
  });

  it("leaves out items finished outside the period", () => {
    const items = [done("before", "2025-03-10T10:00:00Z"), done("inside", "2025-03-20T10:00:00Z")];
    const [march] = recordMonths(period("2025-03-15", "2025-03-31", items));
    expect(march?.items.map((i) => i.id)).toEqual(["inside"]);
    expect(march?.counts.completed).toBe(1);
  });
});

describe("monthLabel", () => {
  it("names the month and year of a month or a date", () => {
    expect(monthLabel("2026-03")).toBe("March 2026");
    expect(monthLabel("2025-12-31")).toBe("December 2025");
  });
});
