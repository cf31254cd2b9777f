import { describe, expect, it } from "vitest";
import { choiceBody, isEmptyChoice, requestFieldFor } from "./assignees";

describe("choiceBody", () => {
  it("sends groups only when some are chosen", () => {
    expect(choiceBody({ ids: ["a"], groups: [] })).toEqual({ assigneeIds: ["a"] });
    expect(choiceBody({ ids: [], groups: ["direct_reports"] })).toEqual({
      assigneeIds: [],
      groups: ["direct_reports"],
    });
  });
});

describe("isEmptyChoice", () => {
  it("is empty without people and groups", () => {
    expect(isEmptyChoice({ ids: [], groups: [] })).toBe(true);
    expect(isEmptyChoice({ ids: [], groups: ["everyone_below"] })).toBe(false);
  });
});

describe("requestFieldFor", () => {
  it("sends people and groups to the assignee picker, due paths to the date", () => {
    expect(requestFieldFor("assigneeIds")).toBe("assignees");
    expect(requestFieldFor("assigneeIds.2")).toBe("assignees");
    expect(requestFieldFor("groups.0")).toBe("assignees");
    expect(requestFieldFor("due.date")).toBe("due");
    expect(requestFieldFor("title")).toBe("title");
    expect(requestFieldFor("version")).toBeNull();
  });
});
