import { describe, expect, it } from "vitest";
import { asPercentage, formatPercent } from "./percent";

describe("formatPercent", () => {
  it("rounds to a whole percentage", () => {
    expect(formatPercent(0.8333)).toBe("83%");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0)).toBe("0%");
  });

  it("says 100% only when everything was on time, and 0% only when nothing was", () => {
    expect(formatPercent(199 / 200)).toBe("99%");
    expect(formatPercent(1 / 300)).toBe("1%");
  });
});

describe("asPercentage", () => {
  it("turns a share into 0–100 to a tenth, and leaves null alone", () => {
    expect(asPercentage(2 / 3)).toBe(66.7);
    expect(asPercentage(1)).toBe(100);
    expect(asPercentage(null)).toBeNull();
  });
});
