import { describe, expect, it } from "vitest";
import type { Task } from "../../contract";
import { openTask } from "./taskFixture";
import { NOTHING_TO_UNDO, nextExpiry, UNDO_MS, type UndoState, undoMessage, undoReducer } from "./undoState";

const task = (id: string, changes: Partial<Task> = {}) =>
  openTask(id, { title: `Task ${id}`, position: 1, ...changes });

const T0 = 1_000_000;

function completed(id: string, state: UndoState = NOTHING_TO_UNDO, now = T0): UndoState {
  const leaving = undoReducer(state, {
    type: "leaving",
    leaving: { task: task(id, { state: "in_progress" }), outcome: "done", order: ["a", "b", "c"] },
  });
  return undoReducer(leaving, {
    type: "finished",
    result: task(id, { state: "done", position: null, version: 4 }),
    now,
  });
}

describe("undoReducer", () => {
  it("holds a task in place from the click, and offers its undo with the version the server left", () => {
    const sent = undoReducer(NOTHING_TO_UNDO, {
      type: "leaving",
      leaving: { task: task("b"), outcome: "done", order: ["a", "b"] },
    });
    expect(sent.leaving.map((entry) => entry.task.id)).toEqual(["b"]);
    expect(sent.offer).toBeNull();
    expect(nextExpiry(sent)).toBeNull();

    const state = completed("b");
    expect(state.offer).toMatchObject({
      kind: "finish",
      task: { state: "in_progress" },
      result: { version: 4 },
    });
    expect(nextExpiry(state)).toBe(T0 + UNDO_MS);
  });

  it("lets go of the task when the server refuses", () => {
    const sent = undoReducer(NOTHING_TO_UNDO, {
      type: "leaving",
      leaving: { task: task("b"), outcome: "done", order: ["a", "b"] },
    });
    expect(undoReducer(sent, { type: "refused", taskId: "b" })).toEqual(NOTHING_TO_UNDO);
  });

  it("offers the last change only, while an earlier finished task keeps its own time", () => {
    const state = completed("c", completed("b"), T0 + 2_000);
    expect(state.offer).toMatchObject({ result: { id: "c" } });
    expect(state.leaving.map((entry) => entry.task.id)).toEqual(["b", "c"]);
    const later = undoReducer(state, { type: "tick", now: T0 + UNDO_MS });
    expect(later.leaving.map((entry) => entry.task.id)).toEqual(["c"]);
    expect(later.offer).not.toBeNull();
    expect(undoReducer(later, { type: "tick", now: T0 + 2_000 + UNDO_MS })).toEqual(NOTHING_TO_UNDO);
  });

  it("waits while the notice is held, and counts again in full once it is let go", () => {
    const held = undoReducer(completed("b"), { type: "held" });
    expect(nextExpiry(held)).toBeNull();
    expect(undoReducer(held, { type: "tick", now: T0 + 60_000 })).toBe(held);
    const released = undoReducer(held, { type: "released", now: T0 + 60_000 });
    expect(nextExpiry(released)).toBe(T0 + 60_000 + UNDO_MS);
  });

  it("hides the notice on undo but holds the task in place until it is back", () => {
    const undoing = undoReducer(completed("b"), { type: "undoing" });
    expect(undoing.offer).toBeNull();
    expect(undoing.leaving.map((entry) => entry.task.id)).toEqual(["b"]);
    expect(undoReducer(undoing, { type: "tick", now: T0 + 60_000 })).toBe(undoing);
    expect(undoReducer(undoing, { type: "restored", taskId: "b" })).toEqual(NOTHING_TO_UNDO);
  });

  it("lets go of the task at once when the notice is dismissed", () => {
    expect(undoReducer(completed("b"), { type: "dismissed" })).toEqual(NOTHING_TO_UNDO);
  });

  it("undoes moves of one task in a row back to where the first one found it", () => {
    const first = undoReducer(NOTHING_TO_UNDO, {
      type: "moved",
      result: task("c", { position: 2, version: 2 }),
      order: ["a", "b", "c"],
      now: T0,
    });
    const second = undoReducer(first, {
      type: "moved",
      result: task("c", { position: 1, version: 3 }),
      order: ["a", "c", "b"],
      now: T0 + 500,
    });
    expect(second.offer).toMatchObject({ kind: "move", order: ["a", "b", "c"], result: { version: 3 } });
    const other = undoReducer(second, {
      type: "moved",
      result: task("a", { position: 3, version: 2 }),
      order: ["c", "a", "b"],
      now: T0 + 900,
    });
    expect(other.offer).toMatchObject({ order: ["c", "a", "b"], result: { id: "a" } });
  });
});

describe("undoMessage", () => {
  it("says what was done", () => {
    const offer = completed("b").offer;
    if (offer?.kind !== "finish") throw new Error("a completion is offered");
    expect(undoMessage({ ...offer, outcome: "dropped" })).toBe("Dropped “Task b”.");
    expect(undoMessage(offer)).toBe("Completed “Task b”.");
    expect(
      undoMessage({ kind: "move", result: task("c", { position: 3 }), order: [], expiresAt: null }),
    ).toBe("Moved “Task c” to #3.");
  });
});
