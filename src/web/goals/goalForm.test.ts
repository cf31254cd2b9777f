import { describe, expect, it } from "vitest";
import { EMPTY_GOAL, goalChanges, goalFieldFor, newGoal } from "./goalForm";

describe("goal forms", () => {
  it("sends a new goal without its empty parts", () => {
    expect(newGoal("rita", { ...EMPTY_GOAL, title: "  Ship v2 " })).toEqual({
      ownerId: "rita",
      title: "Ship v2",
    });
    expect(
      newGoal("rita", {
        ...EMPTY_GOAL,
        title: "Ship",
        description: "Why",
        due: "2026-06-30",
        parentId: "team",
      }),
    ).toEqual({
      ownerId: "rita",
      title: "Ship",
      description: "Why",
      due: { date: "2026-06-30" },
      parentId: "team",
    });
  });

  it("sends only what changed, clearing with null", () => {
    const base = { ...EMPTY_GOAL, title: "Ship", due: "2026-06-30", parentId: "team" };
    expect(goalChanges({ ...base }, base)).toEqual({});
    expect(goalChanges({ ...base, title: "Ship it ", due: "", parentId: null }, base)).toEqual({
      title: "Ship it",
      due: null,
      parentId: null,
    });
  });

  it("shows a due date's errors at the date field", () => {
    expect(goalFieldFor("due.date")).toBe("due");
    expect(goalFieldFor("parentId")).toBe("parentId");
    expect(goalFieldFor("version")).toBeNull();
  });
});
