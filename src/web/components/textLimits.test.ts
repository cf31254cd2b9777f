import { describe, expect, it } from "vitest";
import { lengthCounter, lengthProblem, textProblem } from "./textLimits";

describe("textProblem", () => {
  it("asks for a required text when there is none but spaces", () => {
    expect(textProblem("taskTitle", "   ", "Give the task a title")).toBe("Give the task a title");
  });

  it("takes a blank text that is not required", () => {
    expect(textProblem("personTitle", "  ")).toBeNull();
  });

  it("takes a text up to its limit, its ends trimmed as the server trims them", () => {
    expect(textProblem("taskTitle", "a".repeat(200), "empty")).toBeNull();
    expect(textProblem("taskTitle", `  ${"a".repeat(200)}  `, "empty")).toBeNull();
    expect(textProblem("tokenName", "a".repeat(80), "empty")).toBeNull();
  });

  it("says how much to take out past the limit, naming the kind of text", () => {
    expect(textProblem("taskTitle", "a".repeat(201), "empty")).toBe(
      "A title is at most 200 characters: take out 1 character.",
    );
    expect(textProblem("requestTitle", "a".repeat(237), "empty")).toMatch(/take out 37 characters/);
    expect(textProblem("personTitle", "a".repeat(121))).toBe(
      "A title is at most 120 characters: take out 1 character.",
    );
    expect(textProblem("personName", "a".repeat(125), "empty")).toBe(
      "A name is at most 120 characters: take out 5 characters.",
    );
    expect(lengthProblem("organizationName", "a".repeat(122))).toBe(
      "A name is at most 120 characters: take out 2 characters.",
    );
    expect(lengthProblem("tokenName", "a".repeat(81))).toBe(
      "A name is at most 80 characters: take out 1 character.",
    );
    expect(lengthProblem("reason", "a".repeat(503))).toBe(
      "A reason is at most 500 characters: take out 3 characters.",
    );
  });

  it("counts a character outside the Basic Multilingual Plane as the server does, as two", () => {
    expect(lengthProblem("tokenName", "🙂".repeat(40))).toBeNull();
    expect(lengthProblem("tokenName", `${"🙂".repeat(40)}a`)).toMatch(/take out 1 character\./);
  });
});

describe("lengthCounter", () => {
  it("counts from four fifths of the limit on, and past it", () => {
    expect(lengthCounter("taskTitle", "a".repeat(159))).toBeNull();
    expect(lengthCounter("taskTitle", "a".repeat(160))).toBe("160 / 200");
    expect(lengthCounter("taskTitle", "a".repeat(201))).toBe("201 / 200");
    expect(lengthCounter("personTitle", "a".repeat(95))).toBeNull();
    expect(lengthCounter("personTitle", "a".repeat(96))).toBe("96 / 120");
    expect(lengthCounter("tokenName", "a".repeat(64))).toBe("64 / 80");
    expect(lengthCounter("reason", "a".repeat(399))).toBeNull();
  });

  it("does not count the spaces at the ends", () => {
    expect(lengthCounter("tokenName", `${" ".repeat(10)}${"a".repeat(63)}`)).toBeNull();
  });
});
