import { describe, expect, it } from "vitest";
import { parsePlateSearch } from "./plateSearch";

describe("parsePlateSearch", () => {
  it("keeps a known tab and the add flag", () => {
    expect(parsePlateSearch({ tab: "triage", add: true })).toEqual({ tab: "triage", add: true });
    expect(parsePlateSearch({ add: "true" })).toEqual({ add: true });
  });

  it("leaves out the default tab and anything it does not know", () => {
    expect(parsePlateSearch({ tab: "open" })).toEqual({});
    expect(parsePlateSearch({ tab: "secret", add: "yes" })).toEqual({});
  });
});
