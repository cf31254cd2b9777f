import { describe, expect, it } from "vitest";
import { WebhookEventType } from "../../contract/webhooks";
import { bitOf, maskOf, typesOf } from "./event-types";

describe("event masks", () => {
  it("give each of the eight types a bit of its own, in a permanent order", () => {
    expect(WebhookEventType.options.map(bitOf)).toEqual([1, 2, 4, 8, 16, 32, 64, 128]);
    expect(bitOf("task.created")).toBe(1);
    expect(bitOf("goal.updated")).toBe(128);
  });

  it("hold any set of types, once each, and give them back in order", () => {
    expect(maskOf(["meeting.held", "task.created", "task.created"])).toBe(1 | 64);
    expect(typesOf(maskOf(["goal.updated", "task.dropped", "request.created"]))).toEqual([
      "task.dropped",
      "request.created",
      "goal.updated",
    ]);
    expect(typesOf(maskOf(WebhookEventType.options))).toEqual(WebhookEventType.options);
    expect(typesOf(0)).toEqual([]);
  });
});
