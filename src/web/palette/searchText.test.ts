import { describe, expect, it } from "vitest";
import { textLimits } from "../../contract/text-limits";
import { searchTextOf } from "./searchText";

describe("searchTextOf", () => {
  it("searches for what was typed, trimmed", () => {
    expect(searchTextOf("  quarterly plan ")).toBe("quarterly plan");
    expect(searchTextOf('"exact words" -not OR NEAR(')).toBe('"exact words" -not OR NEAR(');
  });

  it("searches for nothing while the text is blank", () => {
    expect(searchTextOf("")).toBeNull();
    expect(searchTextOf(" \t ")).toBeNull();
  });

  it("makes a pasted text one line", () => {
    expect(searchTextOf("plan\nfor\tAcme\u2028now\u202Eevil\u0000")).toBe("plan for Acme now evil");
    expect(searchTextOf("lone \uD800 half")).toBe("lone   half");
  });

  it("cuts a long text to the API's limit, never through a surrogate pair", () => {
    expect(searchTextOf("a".repeat(500))).toHaveLength(textLimits.searchText);
    const cut = searchTextOf(`${"a".repeat(textLimits.searchText - 1)}😀`);
    expect(cut).toBe("a".repeat(textLimits.searchText - 1));
  });
});
