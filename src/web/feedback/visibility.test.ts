import { describe, expect, it } from "vitest";
import { askFieldFor, feedbackFieldFor, visibilityBadge, visibilityChoices } from "./visibility";

describe("visibilityChoices", () => {
  it("offers private first, and says who else reads feedback shared with managers", () => {
    const choices = visibilityChoices({ name: "Rita", hasManager: true }, false);
    expect(choices.map((choice) => choice.value)).toEqual(["private", "with_manager"]);
    expect(choices[0]?.label).toBe("Only Rita and you");
    expect(choices[0]?.description).toContain("not Rita's manager");
    expect(choices[1]?.description).toContain("Rita's manager, and anyone above them, can read it too.");
  });

  it("says so when the receiver has no manager yet", () => {
    const [, shared] = visibilityChoices({ name: "Pat", hasManager: false }, false);
    expect(shared?.description).toContain("Pat has no manager now");
  });

  it("offers only sharing with managers for an answer a manager asked for", () => {
    const choices = visibilityChoices({ name: "Rita", hasManager: true }, true);
    expect(choices.map((choice) => choice.value)).toEqual(["with_manager"]);
    expect(choices[0]?.description).toMatch(/^A manager asked for it/);
  });

  it("names each kind on its badge", () => {
    expect(visibilityBadge("private")).toBe("Private");
    expect(visibilityBadge("with_manager")).toBe("Shared with managers");
  });
});

describe("form fields of the server's errors", () => {
  it("shows each error beside its field", () => {
    expect(feedbackFieldFor("body")).toBe("body");
    expect(feedbackFieldFor("requestId")).toBeNull();
    expect(askFieldFor("fromIds.3")).toBe("fromIds");
    expect(askFieldFor("question")).toBe("question");
  });
});
