import { describe, expect, it } from "vitest";
import { urgentHelp } from "./urgentHelp";

describe("urgentHelp", () => {
  it("only marks one's own work", () => {
    expect(urgentHelp(null, 2)).toBe("Marks it urgent on your plate. Nobody is e-mailed.");
  });

  it("says that someone else is e-mailed in their working hours, and how often that may happen", () => {
    expect(urgentHelp("Rita", 2)).toBe(
      "E-mails Rita at once if it is within their working hours, otherwise when their working hours next begin. You can do this at most 2 times a week for Rita.",
    );
    expect(urgentHelp("Rita", 1)).toContain("at most 1 time a week for Rita.");
    expect(urgentHelp("Rita", null)).toContain("only a few times a week for each person.");
    expect(urgentHelp("Rita", 0)).toBe("Your organization does not allow marking others' work urgent.");
  });
});
