import { describe, expect, it } from "vitest";
import { parseFeedbackSearch } from "./feedbackSearch";

describe("parseFeedbackSearch", () => {
  it("keeps a known list and leaves out the default", () => {
    expect(parseFeedbackSearch({ tab: "asked" })).toEqual({ tab: "asked" });
    expect(parseFeedbackSearch({ tab: "received" })).toEqual({});
    expect(parseFeedbackSearch({ tab: "everything" })).toEqual({});
    expect(parseFeedbackSearch({})).toEqual({});
  });
});
