import { describe, expect, it } from "vitest";
import { finishesTask, taskEventType } from "./webhook-events";

describe("taskEventType", () => {
  it("is created for a new task, whatever else it was written with", () => {
    expect(taskEventType([{ kind: "created" }])).toBe("task.created");
    expect(taskEventType([{ kind: "created" }, { kind: "urgency_changed" }])).toBe("task.created");
  });

  it("is completed or dropped when the write finishes the task", () => {
    expect(taskEventType([{ kind: "completed", from: "open" }])).toBe("task.completed");
    expect(taskEventType([{ kind: "retitled" }, { kind: "completed", from: "in_progress" }])).toBe(
      "task.completed",
    );
    expect(taskEventType([{ kind: "dropped", from: "open" }])).toBe("task.dropped");
    expect(taskEventType([{ kind: "declined" }])).toBe("task.dropped");
  });

  it("is updated for every other change, a new reason for a dropped task included", () => {
    for (const kind of [
      "retitled",
      "notes_changed",
      "due_changed",
      "moved",
      "started",
      "stopped",
      "reopened",
    ]) {
      expect(taskEventType([{ kind }])).toBe("task.updated");
    }
    expect(taskEventType([{ kind: "accepted" }])).toBe("task.updated");
    expect(taskEventType([{ kind: "dropped", from: "dropped" }])).toBe("task.updated");
  });
});

describe("finishesTask", () => {
  it("is true when the task became done or dropped with this write", () => {
    expect(finishesTask([{ kind: "completed", from: "open" }])).toBe(true);
    expect(finishesTask([{ kind: "dropped", from: "in_progress" }])).toBe(true);
    expect(finishesTask([{ kind: "declined" }])).toBe(true);
    expect(finishesTask([{ kind: "dropped", from: "dropped" }])).toBe(false);
    expect(finishesTask([{ kind: "reopened" }])).toBe(false);
    expect(finishesTask([{ kind: "created" }])).toBe(false);
  });
});
