import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { isFinished, isOnPlate, stateChange } from "./task-states";

describe("stateChange", () => {
  it("names every move between plate states", () => {
    expect(stateChange("open", "in_progress")).toBe("started");
    expect(stateChange("in_progress", "open")).toBe("stopped");
    expect(stateChange("open", "done")).toBe("completed");
    expect(stateChange("in_progress", "done")).toBe("completed");
    expect(stateChange("in_progress", "dropped")).toBe("dropped");
  });

  it("reopens finished work into either plate state", () => {
    expect(stateChange("done", "open")).toBe("reopened");
    expect(stateChange("dropped", "in_progress")).toBe("reopened");
    expect(stateChange("done", "dropped")).toBe("dropped");
    expect(stateChange("dropped", "done")).toBe("completed");
  });

  it("is nothing when the state stays", () => {
    expect(stateChange("done", "done")).toBeNull();
    expect(stateChange("open", "open")).toBeNull();
  });

  it("lets a triage task be dropped but not started or finished", () => {
    expect(stateChange("triage", "dropped")).toBe("dropped");
    for (const to of ["open", "in_progress", "done"] as const) {
      expect(() => stateChange("triage", to)).toThrow(AppError);
    }
  });
});

describe("isOnPlate / isFinished", () => {
  it("splits the states", () => {
    expect(["triage", "open", "in_progress", "done", "dropped"].map((s) => isOnPlate(s as never))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(["triage", "open", "in_progress", "done", "dropped"].map((s) => isFinished(s as never))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});
