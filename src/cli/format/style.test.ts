import { describe, expect, it } from "vitest";
import { colourWanted, painter } from "./style";

describe("colour", () => {
  it("is wanted only on a terminal without NO_COLOR", () => {
    expect(colourWanted({ isTTY: true }, {})).toBe(true);
    expect(colourWanted({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(colourWanted({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
    expect(colourWanted({ isTTY: false }, {})).toBe(false);
    expect(colourWanted({}, {})).toBe(false);
  });

  it("wraps text in ANSI codes when on, and leaves it alone when off", () => {
    expect(painter(true)(["bold", "red"], "late")).toBe("\u001b[1m\u001b[31mlate\u001b[22m\u001b[39m");
    expect(painter(true)([], "late")).toBe("late");
    expect(painter(false)(["bold", "red"], "late")).toBe("late");
  });
});
