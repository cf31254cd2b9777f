import { describe, expect, it } from "vitest";
import { byStateAndDue, stateChanges } from "./goalStates";

describe("stateChanges", () => {
  it("ends an active goal achieved, missed or dropped", () => {
    expect(stateChanges("active").map((change) => change.to)).toEqual(["achieved", "missed", "dropped"]);
  });

  it("only reopens an ended goal", () => {
    for (const state of ["achieved", "missed", "dropped"] as const) {
      expect(stateChanges(state)).toEqual([{ to: "active", label: "Reopen" }]);
    }
  });
});

describe("byStateAndDue", () => {
  it("puts active goals first, each part soonest due first and undated last", () => {
    const goals = [
      { id: "done", state: "achieved" as const, due: { date: "2026-01-01" } },
      { id: "undated", state: "active" as const, due: null },
      { id: "later", state: "active" as const, due: { date: "2026-09-01" } },
      { id: "sooner", state: "active" as const, due: { date: "2026-03-01" } },
    ];
    expect(byStateAndDue(goals).map((goal) => goal.id)).toEqual(["sooner", "later", "undated", "done"]);
  });
});
