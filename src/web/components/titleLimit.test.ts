import { describe, expect, it } from "vitest";
import { TITLE_LIMIT, titleCounter, titleProblem } from "./titleLimit";

describe("titleProblem", () => {
  it("asks for a title when there is none but spaces", () => {
    expect(titleProblem("   ", "Give the task a title")).toBe("Give the task a title");
  });

  it("takes a title up to the limit, its ends trimmed as the server trims them", () => {
    expect(titleProblem("a".repeat(TITLE_LIMIT), "empty")).toBeNull();
    expect(titleProblem(`  ${"a".repeat(TITLE_LIMIT)}  `, "empty")).toBeNull();
  });

  it("says how much to take out past the limit", () => {
    expect(titleProblem("a".repeat(TITLE_LIMIT + 1), "empty")).toBe(
      "A title is at most 200 characters: take out 1 character.",
    );
    expect(titleProblem("a".repeat(TITLE_LIMIT + 37), "empty")).toMatch(/take out 37 characters/);
  });
});

describe("titleCounter", () => {
  it("counts only near the limit, and past it", () => {
    expect(titleCounter("a".repeat(159))).toBeNull();
    expect(titleCounter("a".repeat(160))).toBe("160 / 200");
    expect(titleCounter("a".repeat(201))).toBe("201 / 200");
  });
});
