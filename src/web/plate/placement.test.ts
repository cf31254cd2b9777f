import { describe, expect, it } from "vitest";
import {
  choiceAt,
  defaultChoice,
  insertionIndex,
  placementOptions,
  pushedDownSummary,
  toPlacement,
  validChoice,
} from "./placement";

const plate = [
  { id: "a", title: "Write the plan" },
  { id: "b", title: "Review PRs" },
  { id: "c", title: "Book the offsite" },
];

describe("placement choices", () => {
  it("put urgent work at the top until a place is chosen, anything else at the bottom", () => {
    expect(defaultChoice(true)).toBe("top");
    expect(defaultChoice(false)).toBe("bottom");
  });

  it("offer the top, after every task but the last, and the bottom", () => {
    expect(placementOptions(plate)).toEqual([
      { value: "top", label: "Top of the plate" },
      { value: "after:a", label: "After #1 “Write the plan”" },
      { value: "after:b", label: "After #2 “Review PRs”" },
      { value: "bottom", label: "Bottom of the plate" },
    ]);
    expect(placementOptions([])).toEqual([{ value: "top", label: "Top of the plate" }]);
  });

  it("turn into the API's placement", () => {
    expect(toPlacement("top")).toBe("top");
    expect(toPlacement("bottom")).toBe("bottom");
    expect(toPlacement("after:b")).toEqual({ after: "b" });
  });

  it("name the index the work takes, and back", () => {
    expect(insertionIndex("top", plate)).toBe(0);
    expect(insertionIndex("after:a", plate)).toBe(1);
    expect(insertionIndex("bottom", plate)).toBe(3);
    expect([0, 1, 2, 3].map((index) => choiceAt(index, plate))).toEqual([
      "top",
      "after:a",
      "after:b",
      "bottom",
    ]);
  });

  it("fall back to the bottom when the task to follow has left the plate or is last", () => {
    expect(validChoice("after:gone", plate)).toBe("bottom");
    expect(validChoice("after:c", plate)).toBe("bottom");
    expect(insertionIndex("after:gone", plate)).toBe(3);
  });

  it("say what moves down", () => {
    expect(pushedDownSummary(3, plate)).toBe("Nothing moves down.");
    expect(pushedDownSummary(2, plate)).toBe("“Book the offsite” moves down to #4.");
    expect(pushedDownSummary(1, plate)).toBe("2 tasks move down one place, from “Review PRs” on.");
  });
});
