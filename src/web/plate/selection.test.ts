import { describe, expect, it } from "vitest";
import { keptSelection, stepSelection } from "./selection";

const plate = ["a", "b", "c"];

describe("stepSelection", () => {
  it("moves the selection one place down or up", () => {
    expect(stepSelection(plate, "a", 1)).toBe("b");
    expect(stepSelection(plate, "c", -1)).toBe("b");
  });

  it("starts at the top going down and at the bottom going up", () => {
    expect(stepSelection(plate, null, 1)).toBe("a");
    expect(stepSelection(plate, null, -1)).toBe("c");
    expect(stepSelection(plate, "gone", 1)).toBe("a");
  });

  it("stays at either end", () => {
    expect(stepSelection(plate, "c", 1)).toBe("c");
    expect(stepSelection(plate, "a", -1)).toBe("a");
  });

  it("selects nothing on an empty plate", () => {
    expect(stepSelection([], null, 1)).toBeNull();
  });
});

describe("keptSelection", () => {
  it("keeps the selected task while it is on the plate, wherever it moved", () => {
    expect(keptSelection(["c", "a", "b"], "a")).toBe("a");
  });

  it("clears the selection when its task left the plate", () => {
    expect(keptSelection(["a", "c"], "b")).toBeNull();
    expect(keptSelection(plate, null)).toBeNull();
  });
});
