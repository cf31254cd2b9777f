import { describe, expect, it } from "vitest";
import type { RecordSummary } from "../../contract";
import {
  completedDetail,
  dropText,
  formatPeriod,
  itemMark,
  oneOnOnesHeldLine,
  onTimeDetail,
  onTimeFigure,
  otherFacts,
  slipsText,
} from "./wording";

const summary = (fields: Partial<RecordSummary>): RecordSummary => ({
  completed: 0,
  completedOnTime: 0,
  completedLate: 0,
  completedWithoutDue: 0,
  onTimeRate: null,
  dropped: 0,
  slipped: 0,
  requestsReceived: 0,
  requestsCompleted: 0,
  medianDaysToComplete: null,
  ...fields,
});

describe("on-time wording", () => {
  it("gives the rate and what it is made of", () => {
    const some = summary({ completed: 6, completedOnTime: 5, completedLate: 1, onTimeRate: 5 / 6 });
    expect(onTimeFigure(some)).toBe("83%");
    expect(onTimeDetail(some)).toBe("5 of 6 tasks with a due date finished on time.");
  });

  it("says plainly when nothing with a due date was completed, never 0% or 100%", () => {
    const none = summary({ completed: 3, completedWithoutDue: 3 });
    expect(onTimeFigure(none)).toBe("No due dates yet");
    expect(onTimeDetail(none)).toBe("Nothing with a due date was completed in this period.");
  });

  it("says 0% when everything with a due date was late", () => {
    expect(onTimeFigure(summary({ completed: 2, completedLate: 2, onTimeRate: 0 }))).toBe("0%");
  });
});

describe("completedDetail", () => {
  it("splits the completed work", () => {
    expect(completedDetail(summary({ completedOnTime: 3, completedLate: 1, completedWithoutDue: 2 }))).toBe(
      "3 on time · 1 late · 2 without a due date",
    );
  });
});

describe("otherFacts", () => {
  it("says nothing when there is nothing to say", () => {
    expect(otherFacts(summary({}))).toEqual([]);
  });

  it("tells team requests and the typical time to complete", () => {
    expect(
      otherFacts(summary({ requestsReceived: 3, requestsCompleted: 2, medianDaysToComplete: 2.5 })),
    ).toEqual([
      "Team requests: 3 tasks received, 2 completed.",
      "Typically 2.5 days from being added to being completed.",
    ]);
    expect(otherFacts(summary({ medianDaysToComplete: 1 }))).toEqual([
      "Typically 1 day from being added to being completed.",
    ]);
    expect(otherFacts(summary({ medianDaysToComplete: 0 }))).toEqual([
      "Typically completed within a day of being added.",
    ]);
  });
});

describe("itemMark", () => {
  it("marks on time, late by some days, and no due", () => {
    expect(itemMark({ state: "done", onTime: true, daysLate: 0 })).toEqual({
      label: "On time",
      tone: "on-time",
    });
    expect(itemMark({ state: "done", onTime: false, daysLate: 3 })).toEqual({
      label: "Late by 3 days",
      tone: "late",
    });
    expect(itemMark({ state: "done", onTime: false, daysLate: 1 }).label).toBe("Late by 1 day");
    expect(itemMark({ state: "done", onTime: false, daysLate: 0 }).label).toBe("Late, same day");
    expect(itemMark({ state: "done", onTime: null, daysLate: null })).toEqual({
      label: "No due date",
      tone: "no-due",
    });
  });

  it("marks dropped work as no longer needed", () => {
    expect(itemMark({ state: "dropped", onTime: null, daysLate: null })).toEqual({
      label: "No longer needed",
      tone: "dropped",
    });
  });
});

describe("slipsText and dropText", () => {
  it("counts slips, and says nothing when the due never moved later", () => {
    expect(slipsText(0)).toBeNull();
    expect(slipsText(1)).toBe("Due moved later once");
    expect(slipsText(2)).toBe("Due moved later 2×");
  });

  it("gives the reason a task was dropped", () => {
    expect(dropText("The client cancelled")).toBe("No longer needed: The client cancelled");
    expect(dropText(null)).toBe("No longer needed");
  });
});

describe("formatPeriod", () => {
  it("reads both ends, or one day alone", () => {
    expect(formatPeriod({ from: "2025-11-11", to: "2026-05-10" })).toMatch(/Nov 11, 2025.*May 10, 2026/);
    const oneDay = formatPeriod({ from: "2026-05-10", to: "2026-05-10" });
    expect(oneDay).toMatch(/May 10, 2026/);
    expect(oneDay).not.toMatch(/–/);
  });
});

describe("oneOnOnesHeldLine", () => {
  it("counts the one-on-ones held, and says so when there were none", () => {
    expect(oneOnOnesHeldLine(0)).toBe("No one-on-ones held in this period.");
    expect(oneOnOnesHeldLine(1)).toBe("1 one-on-one held in this period.");
    expect(oneOnOnesHeldLine(12)).toBe("12 one-on-ones held in this period.");
  });
});
