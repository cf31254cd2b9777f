import { describe, expect, it } from "vitest";
import type { Judged } from "../../core/record";
import { Judgments } from "./judgments";

const judged = (taskId: string) => ({ item: { taskId }, finishedMs: 0, finishedDay: 0 }) as unknown as Judged;

describe("Judgments", () => {
  it("remember a task at one version in one zone only", () => {
    const judgments = new Judgments();
    const one = judged("t1");
    judgments.set({ id: "t1", version: 3 }, "Europe/Berlin", one);
    expect(judgments.get({ id: "t1", version: 3 }, "Europe/Berlin")).toBe(one);
    expect(judgments.get({ id: "t1", version: 4 }, "Europe/Berlin")).toBeUndefined();
    expect(judgments.get({ id: "t1", version: 3 }, "Asia/Kathmandu")).toBeUndefined();
  });

  it("let the least recently used go first once full", () => {
    const judgments = new Judgments(2);
    judgments.set({ id: "a", version: 1 }, "UTC", judged("a"));
    judgments.set({ id: "b", version: 1 }, "UTC", judged("b"));
    judgments.get({ id: "a", version: 1 }, "UTC");
    judgments.set({ id: "c", version: 1 }, "UTC", judged("c"));
    expect(judgments.get({ id: "a", version: 1 }, "UTC")).toBeDefined();
    expect(judgments.get({ id: "b", version: 1 }, "UTC")).toBeUndefined();
    expect(judgments.get({ id: "c", version: 1 }, "UTC")).toBeDefined();
  });
});
