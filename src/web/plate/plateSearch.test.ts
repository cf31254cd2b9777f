import { describe, expect, it } from "vitest";
import { indexOnWholePlate, parsePlateSearch } from "./plateSearch";
import { placementForMove, reorderPlate } from "./reorder";
import { openTask } from "./taskFixture";

describe("parsePlateSearch", () => {
  it("keeps a known tab, the add flag and a goal filter", () => {
    expect(parsePlateSearch({ tab: "triage", add: true })).toEqual({ tab: "triage", add: true });
    expect(parsePlateSearch({ add: "true" })).toEqual({ add: true });
    expect(parsePlateSearch({ tab: "done", goalId: "goal_1-A" })).toEqual({
      tab: "done",
      goalId: "goal_1-A",
    });
  });

  it("keeps the task whose drawer is open", () => {
    expect(parsePlateSearch({ task: "task_7-B" })).toEqual({ task: "task_7-B" });
    expect(parsePlateSearch({ tab: "done", task: "t1" })).toEqual({ tab: "done", task: "t1" });
    expect(parsePlateSearch({ task: "<script>" })).toEqual({});
    expect(parsePlateSearch({ task: 7 })).toEqual({});
  });

  it("leaves out the default tab and anything it does not know", () => {
    expect(parsePlateSearch({ tab: "open" })).toEqual({});
    expect(parsePlateSearch({ tab: "secret", add: "yes" })).toEqual({});
    expect(parsePlateSearch({ goalId: "../../etc" })).toEqual({});
    expect(parsePlateSearch({ goalId: 12 })).toEqual({});
    expect(parsePlateSearch({ goalId: "" })).toEqual({});
  });
});

describe("indexOnWholePlate", () => {
  // The whole plate a..f; the goal's tasks among them are b, d and f.
  const all = ["a", "b", "c", "d", "e", "f"];
  const shown = ["b", "d", "f"];

  it("moves a task down past the one it lands on, as it showed on the filtered plate", () => {
    const to = indexOnWholePlate(shown, all, 1);
    expect(to).toBe(3);
    const moved = reorderPlate(
      all.map((id) => openTask(id)),
      "b",
      to,
    ).map((task) => task.id);
    expect(moved).toEqual(["a", "c", "d", "b", "e", "f"]);
    expect(moved.filter((id) => shown.includes(id))).toEqual(["d", "b", "f"]);
    expect(placementForMove(all, "b", to)).toEqual({ after: "d" });
  });

  it("moves a task up before the one it lands on", () => {
    const to = indexOnWholePlate(shown, all, 0);
    const moved = reorderPlate(
      all.map((id) => openTask(id)),
      "f",
      to,
    ).map((task) => task.id);
    expect(moved.filter((id) => shown.includes(id))).toEqual(["f", "b", "d"]);
    expect(placementForMove(all, "f", to)).toEqual({ after: "a" });
  });

  it("says -1 past the end of what is shown", () => {
    expect(indexOnWholePlate(shown, all, 3)).toBe(-1);
  });
});
