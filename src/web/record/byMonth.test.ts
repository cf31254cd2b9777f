import { describe, expect, it } from "vitest";
import type { RecordItem } from "../../contract";
import { finishedDate, groupByMonth, monthLabel } from "./byMonth";

const item = (taskId: string, finishedAt: string): RecordItem => ({
  taskId,
  title: taskId,
  state: "done",
  requesterId: "rita",
  requestId: null,
  goalId: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  finishedAt,
  due: null,
  dueAt: null,
  onTime: null,
  daysLate: null,
  slips: 0,
  dropReason: null,
});

describe("groupByMonth", () => {
  it("groups by the month in the person's zone, newest month and item first", () => {
    const items = [
      item("january", "2026-01-20T10:00:00.000Z"),
      item("march-late", "2026-03-30T10:00:00.000Z"),
      item("march-early", "2026-03-02T10:00:00.000Z"),
    ];
    expect(groupByMonth(items, "UTC")).toEqual([
      { month: "2026-03", items: [items[1], items[2]] },
      { month: "2026-01", items: [items[0]] },
    ]);
  });

  it("puts an item finished late on the last day of a month in that month for someone west of UTC", () => {
    const lateEvening = item("late", "2026-04-01T02:00:00.000Z");
    expect(groupByMonth([lateEvening], "America/New_York")[0]?.month).toBe("2026-03");
    expect(groupByMonth([lateEvening], "Asia/Tokyo")[0]?.month).toBe("2026-04");
    expect(finishedDate(lateEvening, "America/New_York")).toBe("2026-03-31");
  });

  it("gives no months for no items", () => {
    expect(groupByMonth([], "UTC")).toEqual([]);
  });
});

describe("monthLabel", () => {
  it("names the month and its year", () => {
    expect(monthLabel("2026-03")).toMatch(/March.*2026/);
    expect(monthLabel("2025-12")).toMatch(/December.*2025/);
  });
});
