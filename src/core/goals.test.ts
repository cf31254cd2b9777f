import { describe, expect, it } from "vitest";
import { maxGoalLevels, parentProblem, progressOf } from "./goals";

/** A line of `n` goals above and including a parent, nearest first: g1 (the parent), g2, … */
const line = (n: number) => Array.from({ length: n }, (_, index) => `g${index + 1}`);

describe("parentProblem", () => {
  it("lets a new goal sit under a goal with room above it", () => {
    expect(parentProblem(null, ["company"], 1)).toBeNull();
    expect(parentProblem(null, line(maxGoalLevels - 1), 1)).toBeNull();
  });

  it("refuses a goal as its own parent", () => {
    expect(parentProblem("g1", ["g1"], 1)).toBe("own_ancestor");
  });

  it("refuses a parent that the goal already sits above, however far up the line it is found", () => {
    expect(parentProblem("g3", line(3), 1)).toBe("own_ancestor");
    expect(parentProblem("g2", line(4), 2)).toBe("own_ancestor");
  });

  it("says own ancestor rather than too deep when both hold", () => {
    expect(parentProblem("g1", line(maxGoalLevels), 3)).toBe("own_ancestor");
  });

  it("refuses a line longer than the bound, counting the goals below the one that moves", () => {
    expect(parentProblem(null, line(maxGoalLevels), 1)).toBe("too_deep");
    expect(parentProblem("mover", line(maxGoalLevels - 2), 2)).toBeNull();
    expect(parentProblem("mover", line(maxGoalLevels - 2), 3)).toBe("too_deep");
  });

  it("lets a goal keep or take a parent elsewhere in the same tree", () => {
    expect(parentProblem("leaf", ["sibling", "root"], 1)).toBeNull();
  });
});

describe("progressOf", () => {
  it("counts done tasks out of all of them", () => {
    expect(
      progressOf([
        { state: "open", count: 2 },
        { state: "in_progress", count: 1 },
        { state: "done", count: 3 },
      ]),
    ).toEqual({ done: 3, total: 6 });
  });

  it("counts dropped tasks in neither", () => {
    expect(
      progressOf([
        { state: "done", count: 1 },
        { state: "dropped", count: 5 },
      ]),
    ).toEqual({ done: 1, total: 1 });
  });

  it("counts a task waiting in triage as still to do", () => {
    expect(progressOf([{ state: "triage", count: 1 }])).toEqual({ done: 0, total: 1 });
  });

  it("is nothing of nothing for a goal without tasks", () => {
    expect(progressOf([])).toEqual({ done: 0, total: 0 });
  });
});
