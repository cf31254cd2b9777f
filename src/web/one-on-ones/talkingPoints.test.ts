import { describe, expect, it } from "vitest";
import { carriedOftenLabel, moveButtonToFocus, stepPlacement, stepped } from "./talkingPoints";

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

describe("moveButtonToFocus", () => {
  it("keeps the pressed button while the point can go on that way", () => {
    expect(moveButtonToFocus(points, "b", -1)).toBe("up");
    expect(moveButtonToFocus(points, "b", 1)).toBe("down");
  });

  it("hands over to the other button once the point reached that end", () => {
    expect(moveButtonToFocus(points, "a", -1)).toBe("down");
    expect(moveButtonToFocus(points, "c", 1)).toBe("up");
  });

  it("stays on the pressed button of a lone point, and has none for a point not shown", () => {
    expect(moveButtonToFocus([{ id: "a" }], "a", -1)).toBe("up");
    expect(moveButtonToFocus(points, "z", 1)).toBeNull();
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
