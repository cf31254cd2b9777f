import { describe, expect, it } from "vitest";
import { homePath, safeRedirect } from "./guards";

describe("safeRedirect", () => {
  it("keeps a path of this site, with its query", () => {
    expect(safeRedirect("/people?tab=1")).toBe("/people?tab=1");
  });

  it.each(["//evil.test/x", "/\\evil.test", "https://evil.test", "people", "", 42, undefined])(
    "refuses %s",
    (value) => {
      expect(safeRedirect(value)).toBeUndefined();
    },
  );
});

describe("homePath", () => {
  it("leads a member of an organization to their plate", () => {
    expect(homePath({ organizationId: "org-1" })).toBe("/plate");
  });

  it("leads someone in no organization yet to the welcome page", () => {
    expect(homePath({ organizationId: null })).toBe("/welcome");
  });
});
