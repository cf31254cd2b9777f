import { describe, expect, it } from "vitest";
import { pageTitle } from "./usePageTitle";

describe("pageTitle", () => {
  it("names the page, then the app", () => {
    expect(pageTitle("Alice's plate")).toBe("Alice's plate · Docket");
  });

  it("is the app's name alone when the page has no name yet", () => {
    expect(pageTitle(null)).toBe("Docket");
    expect(pageTitle("  ")).toBe("Docket");
  });
});
