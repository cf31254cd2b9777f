import { describe, expect, it } from "vitest";
import { displayWidth, fitTable, printable, truncate } from "./columns";
import { painter } from "./style";

const plain = painter(false);

describe("terminal widths", () => {
  it("counts wide characters as two columns and a grapheme as one", () => {
    expect(displayWidth("plate")).toBe(5);
    expect(displayWidth("計画")).toBe(4);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("🚀 go")).toBe(5);
  });

  it("cuts text to a width with an ellipsis, never splitting a character", () => {
    expect(truncate("Write the review", 20)).toBe("Write the review");
    expect(truncate("Write the review", 10)).toBe("Write the…");
    expect(truncate("計画を立てる", 5)).toBe("計画…");
    expect(displayWidth(truncate("計画を立てる", 5))).toBeLessThanOrEqual(5);
    expect(truncate("abc", 0)).toBe("");
  });

  it("shows control characters instead of letting them reach the terminal", () => {
    expect(printable("red\u001b[31m")).toBe("red\uFFFD[31m");
  });
});

describe("fitting a table", () => {
  const rows = [
    [{ text: "1" }, { text: "Write the quarterly review for the whole team" }, { text: "tomorrow" }],
    [{ text: "12" }, { text: "Plan" }, { text: "2 days overdue" }],
  ];
  const columns = [{ align: "right" as const }, { flex: true }, {}];

  it("aligns columns, right-aligned where asked", () => {
    const lines = fitTable(rows, columns, 200, plain);
    expect(lines).toEqual([
      " 1  Write the quarterly review for the whole team  tomorrow",
      "12  Plan                                           2 days overdue",
    ]);
  });

  it("cuts the flexible column so every line fits the width", () => {
    const lines = fitTable(rows, columns, 40, plain);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(lines).toEqual([" 1  Write the quarterly…  tomorrow", "12  Plan                  2 days overdue"]);
  });

  it("keeps a readable flexible column on a very narrow terminal", () => {
    const [first] = fitTable(rows, columns, 10, plain);
    expect(first).toBe(" 1  Write the q…  tomorrow");
  });

  it("leaves out a column empty in every row", () => {
    const lines = fitTable(
      [
        [{ text: "a" }, { text: "" }, { text: "b" }],
        [{ text: "c" }, { text: "" }, { text: "d" }],
      ],
      [{}, {}, {}],
      80,
      plain,
    );
    expect(lines).toEqual(["a  b", "c  d"]);
  });

  it("styles the text of a cell, not its padding, and measures without the styles", () => {
    const lines = fitTable(
      [
        [{ text: "x", style: ["red"] }, { text: "y" }],
        [{ text: "long" }, { text: "z" }],
      ],
      [{}, {}],
      80,
      painter(true),
    );
    expect(lines[0]).toBe("\u001b[31mx\u001b[39m     y");
  });
});

describe("a column that spills under the row", () => {
  const id = "3adf87ab-8e05-434c-b1b2-71f527750b63";
  const rows = [
    [{ text: "1" }, { text: "Fix the release build before Friday" }, { text: id }],
    [{ text: "2" }, { text: "Plan" }, { text: "" }],
  ];
  const columns = [{ align: "right" as const }, { flex: true }, { spill: true }];

  it("stays in the row while the flexible column has room", () => {
    expect(fitTable(rows, columns, 120, plain)).toEqual([
      `1  Fix the release build before Friday  ${id}`,
      "2  Plan",
    ]);
  });

  it("moves under the flexible column when the row is too narrow for it", () => {
    expect(fitTable(rows, columns, 60, plain)).toEqual([
      "1  Fix the release build before Friday",
      `   ${id}`,
      "2  Plan",
    ]);
  });
});
