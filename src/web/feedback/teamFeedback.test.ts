import { describe, expect, it } from "vitest";
import { teamFeedbackChoice } from "./teamFeedback";

// ceo ← manny ← rita, ← sam; sam ← intern; pat reports to nobody.
const people = [
  { id: "ceo", managerId: null },
  { id: "manny", managerId: "ceo" },
  { id: "rita", managerId: "manny" },
  { id: "sam", managerId: "manny" },
  { id: "intern", managerId: "sam" },
  { id: "pat", managerId: null },
];

describe("teamFeedbackChoice", () => {
  it("offers everyone below me, at every level, and shows the one asked for", () => {
    expect(teamFeedbackChoice(people, "manny", "intern")).toEqual({
      options: ["rita", "sam", "intern"],
      chosen: "intern",
    });
  });

  it("shows the first when nobody, or somebody not below me, is asked for", () => {
    expect(teamFeedbackChoice(people, "manny", undefined).chosen).toBe("rita");
    expect(teamFeedbackChoice(people, "manny", "ceo").chosen).toBe("rita");
    expect(teamFeedbackChoice(people, "manny", "manny").chosen).toBe("rita");
  });

  it("offers nobody to someone nobody reports to", () => {
    expect(teamFeedbackChoice(people, "rita", "sam")).toEqual({ options: [], chosen: null });
  });
});
