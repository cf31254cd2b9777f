import { describe, expect, it } from "vitest";
import { safeRedirect } from "./guards";

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
