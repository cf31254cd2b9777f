import { describe, expect, it } from "vitest";
import { WebhookEventType } from "../../contract/webhooks";
import { EVENT_TYPES, eventExplanation, eventLabel, inFormOrder } from "./webhookEvents";

describe("webhook events", () => {
  it("offers every event of the contract, once each", () => {
    expect([...EVENT_TYPES].sort()).toEqual([...WebhookEventType.options].sort());
  });

  it("names each event and says what sends it", () => {
    expect(eventLabel("task.completed")).toBe("Task completed");
    expect(eventLabel("meeting.held")).toBe("1:1 held");
    for (const type of EVENT_TYPES) {
      expect(eventLabel(type)).not.toBe(type);
      expect(eventExplanation(type).length).toBeGreaterThan(10);
    }
    expect(new Set(EVENT_TYPES.map(eventLabel)).size).toBe(EVENT_TYPES.length);
  });

  it("says a held one-on-one is sent without its notes", () => {
    expect(eventExplanation("meeting.held")).toMatch(/never its notes/);
  });

  it("puts events in the form's order, whatever order they came in", () => {
    expect(inFormOrder(["goal.updated", "task.created", "meeting.held"])).toEqual([
      "task.created",
      "meeting.held",
      "goal.updated",
    ]);
  });
});
