import { describe, expect, it } from "vitest";
import { initialsOf } from "./initials";

describe("initialsOf", () => {
  it.each([
    ["Ada Lovelace", "AL"],
    ["Manny Manager", "MM"],
    ["Jean Paul Sartre", "JP"],
    ["Plato", "PL"],
    ["  Grace   Hopper  ", "GH"],
    ["émile zola", "ÉZ"],
    ["𝒜lice Smith", "𝒜S"],
    ["", ""],
  ])("gives %j the initials %j", (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
