import { describe, expect, it } from "vitest";
import { base, compose, entry, headings, section } from "./digest-fixtures";
import { renderDigest } from "./digest-render";

const turnedOff = (title: string) =>
  entry({ kind: "webhook.disabled", title, taskId: null, actorName: "Ada" });

describe("composeDigest: webhooks", () => {
  it("says which webhook was turned off after failing for a day, with a link to the webhooks", () => {
    expect(
      section({ entries: [turnedOff("Billing sync"), turnedOff("https://hooks.example.com")] }, "Webhooks"),
    ).toEqual([
      {
        text: "The webhook to “Billing sync” was turned off after failing for 24 hours: nothing more is sent to it until it is turned on again",
        href: `${base}/webhooks`,
      },
      {
        text: "The webhook to “https://hooks.example.com” was turned off after failing for 24 hours: nothing more is sent to it until it is turned on again",
        href: `${base}/webhooks`,
      },
    ]);
  });

  it("is news enough for a digest on its own, after feedback", () => {
    const content = compose({ entries: [turnedOff("Billing sync")] });
    expect(content.subject).toBe("Your Docket digest: 1 change");
    expect(renderDigest(content).text).toContain(
      "Webhooks\n--------\n- The webhook to “Billing sync” was turned off",
    );
    expect(
      headings({ entries: [turnedOff("Billing sync"), entry({ kind: "feedback.received", title: "" })] }),
    ).toEqual(["Feedback", "Webhooks"]);
  });
});
