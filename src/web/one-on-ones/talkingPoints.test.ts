import { describe, expect, it } from "vitest";
import { carriedOftenLabel, stepPlacement, stepped } from "./talkingPoints";

const points = [{ id: "a" }, { id: "b" }, { id: "c" }];

describe("stepPlacement", () => {
  it("moves up before the point above, down after the point below", () => {
    expect(stepPlacement(points, "b", -1)).toEqual({ before: "a" });
    expect(stepPlacement(points, "b", 1)).toEqual({ after: "c" });
  });

  it("goes nowhere past either end, or for a point not in the list", () => {
    expect(stepPlacement(points, "a", -1)).toBeNull();
    expect(stepPlacement(points, "c", 1)).toBeNull();
    expect(stepPlacement(points, "z", 1)).toBeNull();
  });
});

describe("stepped", () => {
  it("shows the list as the move leaves it", () => {
    expect(stepped(points, "b", -1).map((point) => point.id)).toEqual(["b", "a", "c"]);
    expect(stepped(points, "a", 1).map((point) => point.id)).toEqual(["b", "a", "c"]);
    expect(stepped(points, "c", 1).map((point) => point.id)).toEqual(["a", "b", "c"]);
  });
});

describe("carriedOftenLabel", () => {
  it("says so from the third carry on", () => {
    expect(carriedOftenLabel(0)).toBeNull();
    expect(carriedOftenLabel(2)).toBeNull();
    expect(carriedOftenLabel(3)).toBe("Carried 3 times");
    expect(carriedOftenLabel(5)).toBe("Carried 5 times");
  });
});
