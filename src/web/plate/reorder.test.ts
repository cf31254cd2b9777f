import { describe, expect, it } from "vitest";
import { placementForMove, reorderPlate, withoutTask } from "./reorder";
import { openTask } from "./taskFixture";

const ids = ["a", "b", "c", "d"];

const task = (id: string, position: number) => openTask(id, { position });

describe("placementForMove", () => {
  it("names the task a moved task will follow", () => {
    expect(placementForMove(ids, "a", 2)).toEqual({ after: "c" });
    expect(placementForMove(ids, "d", 1)).toEqual({ after: "a" });
    expect(placementForMove(ids, "b", 3)).toEqual({ after: "d" });
  });

  it("names the first task when moving to the top", () => {
    expect(placementForMove(ids, "c", 0)).toEqual({ before: "a" });
    expect(placementForMove(ids, "a", 1)).toEqual({ after: "b" });
  });

  it("is null when nothing moves", () => {
    expect(placementForMove(ids, "b", 1)).toBeNull();
    expect(placementForMove(ids, "x", 1)).toBeNull();
    expect(placementForMove(ids, "a", 4)).toBeNull();
    expect(placementForMove(["a"], "a", 0)).toBeNull();
  });
});

describe("reorderPlate", () => {
  const plate = ids.map((id, index) => task(id, index + 1));

  it("moves a task and renumbers every position from 1", () => {
    const moved = reorderPlate(plate, "d", 0);
    expect(moved.map((item) => [item.id, item.position])).toEqual([
      ["d", 1],
      ["a", 2],
      ["b", 3],
      ["c", 4],
    ]);
  });

  it("closes the gap a finished task leaves", () => {
    expect(withoutTask(plate, "b").map((item) => [item.id, item.position])).toEqual([
      ["a", 1],
      ["c", 2],
      ["d", 3],
    ]);
  });
});
