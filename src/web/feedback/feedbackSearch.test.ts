import { describe, expect, it } from "vitest";
import { parseFeedbackSearch } from "./feedbackSearch";

describe("parseFeedbackSearch", () => {
  it("keeps a known list and leaves out the default", () => {
    expect(parseFeedbackSearch({ tab: "asked" })).toEqual({ tab: "asked" });
    expect(parseFeedbackSearch({ tab: "received" })).toEqual({});
    expect(parseFeedbackSearch({ tab: "everything" })).toEqual({});
    expect(parseFeedbackSearch({})).toEqual({});
  });

  it("keeps whose feedback the team's list shows, and only there", () => {
    expect(parseFeedbackSearch({ tab: "team", personId: "rita" })).toEqual({ tab: "team", personId: "rita" });
    expect(parseFeedbackSearch({ tab: "team" })).toEqual({ tab: "team" });
    expect(parseFeedbackSearch({ tab: "team", personId: 7 })).toEqual({ tab: "team" });
    expect(parseFeedbackSearch({ tab: "given", personId: "rita" })).toEqual({ tab: "given" });
  });
});
