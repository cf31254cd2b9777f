import { describe, expect, it } from "vitest";
import type { Webhook } from "../../contract";
import {
  EMPTY_WEBHOOK,
  newWebhook,
  webhookChanges,
  webhookFieldFor,
  webhookValidation,
  webhookValues,
} from "./webhookForm";

describe("webhook form", () => {
  it("asks for an address and at least one event before sending", () => {
    expect(webhookValidation.url("  ")).toBe("Give the address events are sent to");
    expect(webhookValidation.url("https://hooks.example.com/docket")).toBeNull();
    expect(webhookValidation.events([])).toBe("Choose at least one event");
    expect(webhookValidation.events(["task.created"])).toBeNull();
    expect(webhookValidation.description("x".repeat(501))).toMatch(/at most 500 characters/);
    expect(webhookValidation.description("")).toBeNull();
  });

  it("sends a new endpoint trimmed, its events in order, without a blank description", () => {
    expect(
      newWebhook({
        ...EMPTY_WEBHOOK,
        url: " https://h.example/x ",
        events: ["goal.updated", "task.created"],
      }),
    ).toEqual({ url: "https://h.example/x", events: ["task.created", "goal.updated"] });
    expect(
      newWebhook({ url: "https://h.example/x", description: " Billing ", events: ["task.created"] })
        .description,
    ).toBe("Billing");
  });

  it("sends only what an edit changed", () => {
    const webhook = {
      url: "https://h.example/x",
      description: "Billing",
      events: ["task.dropped", "task.created"],
    } as Webhook;
    const base = webhookValues(webhook);
    expect(base.events).toEqual(["task.created", "task.dropped"]);
    expect(webhookChanges({ ...base, events: ["task.dropped", "task.created"] }, base)).toEqual({});
    expect(webhookChanges({ ...base, events: ["task.created"] }, base)).toEqual({ events: ["task.created"] });
    expect(webhookChanges({ ...base, description: "" }, base)).toEqual({ description: "" });
  });

  it("shows the server's errors beside the field they concern", () => {
    expect(webhookFieldFor("url")).toBe("url");
    expect(webhookFieldFor("events")).toBe("events");
    expect(webhookFieldFor("events.2")).toBe("events");
    expect(webhookFieldFor("description")).toBe("description");
    expect(webhookFieldFor("enabled")).toBeNull();
  });
});
