import { describe, expect, it } from "vitest";
import { defaultPlacement } from "./placement-default";

describe("defaultPlacement", () => {
  it("puts urgent work at the top and anything else at the bottom", () => {
    expect(defaultPlacement(true)).toBe("top");
    expect(defaultPlacement(false)).toBe("bottom");
  });
});
