import { describe, expect, it } from "vitest";
import { hiddenTasksLine, progressLabel, progressPercent } from "./progress";

describe("goal progress", () => {
  it("is the share of its tasks done, rounded", () => {
    expect(progressPercent({ done: 1, total: 3 })).toBe(33);
    expect(progressPercent({ done: 3, total: 3 })).toBe(100);
    expect(progressLabel({ done: 2, total: 5 })).toBe("2 / 5 tasks done");
    expect(progressLabel({ done: 0, total: 1 })).toBe("0 / 1 task done");
  });

  it("is nothing, said plainly, while no work is linked", () => {
    expect(progressPercent({ done: 0, total: 0 })).toBe(0);
    expect(progressLabel({ done: 0, total: 0 })).toBe("No tasks yet");
  });
});

describe("hiddenTasksLine", () => {
  it("counts the tasks on plates the reader cannot see, and says nothing of none", () => {
    expect(hiddenTasksLine(0)).toBeNull();
    expect(hiddenTasksLine(1)).toBe("1 more on a plate you cannot see");
    expect(hiddenTasksLine(4)).toBe("4 more on plates you cannot see");
  });
});
