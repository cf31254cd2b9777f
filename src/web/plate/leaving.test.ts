import { describe, expect, it } from "vitest";
import { indexOfPlacement, type LeavingTask, placeAmong, withLeaving } from "./leaving";
import { openTask } from "./taskFixture";

const task = (id: string) => openTask(id, { version: 2 });

const leavingOf = (id: string, order: string[]): LeavingTask => ({ task: task(id), outcome: "done", order });
const shown = (rows: ReturnType<typeof withLeaving>) =>
  rows.map((row) => (row.kind === "open" ? `${row.task.id}${row.index}` : `(${row.leaving.task.id})`));

describe("placeAmong", () => {
  it("goes after the task that stood above it", () => {
    expect(placeAmong(["a", "b", "c"], "b", ["a", "c"])).toEqual({ after: "a" });
  });

  it("steps over tasks above it that left, then goes before the one below when none is left above", () => {
    expect(placeAmong(["a", "b", "c", "d"], "c", ["a", "d"])).toEqual({ after: "a" });
    expect(placeAmong(["a", "b", "c"], "b", ["c", "x"])).toEqual({ before: "c" });
  });

  it("goes to the top of a plate that kept none of its neighbours, or when it was never seen", () => {
    expect(placeAmong(["a", "b"], "b", ["x", "y"])).toBe("top");
    expect(placeAmong([], "b", ["x"])).toBe("top");
  });

  it("never places a task next to itself", () => {
    expect(placeAmong(["a", "b", "c"], "b", ["b", "c"])).toEqual({ before: "c" });
  });
});

describe("indexOfPlacement", () => {
  const others = ["a", "b", "c"];
  it("reads each kind of placement as an index among the other tasks", () => {
    expect(indexOfPlacement("top", others)).toBe(0);
    expect(indexOfPlacement("bottom", others)).toBe(3);
    expect(indexOfPlacement({ after: "b" }, others)).toBe(2);
    expect(indexOfPlacement({ before: "b" }, others)).toBe(1);
  });
});

describe("withLeaving", () => {
  it("keeps a completed task where it stood, and counts open tasks only", () => {
    const rows = withLeaving([task("a"), task("c")], [leavingOf("b", ["a", "b", "c"])]);
    expect(shown(rows)).toEqual(["a0", "(b)", "c1"]);
  });

  it("keeps several in order however they were finished", () => {
    // b went first, then a, whose order had b still shown below it.
    const rows = withLeaving([task("c")], [leavingOf("b", ["a", "b", "c"]), leavingOf("a", ["a", "b", "c"])]);
    expect(shown(rows)).toEqual(["(a)", "(b)", "c0"]);
  });

  it("shows a task once when it is open again (an undo that landed)", () => {
    const rows = withLeaving([task("a"), task("b")], [leavingOf("b", ["a", "b"])]);
    expect(shown(rows)).toEqual(["a0", "b1"]);
  });

  it("holds the only task of a plate in place", () => {
    expect(shown(withLeaving([], [leavingOf("a", ["a"])]))).toEqual(["(a)"]);
  });
});
