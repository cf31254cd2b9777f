import { describe, expect, it } from "vitest";
import {
  addedLine,
  addLabel,
  moreLine,
  previewHeadline,
  shownOf,
  skippedHeadline,
  sourceLine,
} from "./importPreview";

const task = (row: number) => ({ row, title: `Row ${row}`, due: null });

describe("importPreview", () => {
  it("says what confirming adds, and where", () => {
    expect(previewHeadline({ added: [task(1), task(2)] }, "your plate")).toBe(
      "2 tasks will be added at the bottom of your plate, in the file's order.",
    );
    expect(previewHeadline({ added: [task(1)] }, "Sam's plate")).toBe(
      "1 task will be added at the bottom of Sam's plate, in the file's order.",
    );
    expect(previewHeadline({ added: [] }, "your plate")).toBe(
      "Nothing to add: no row of the file is open work.",
    );
    expect(addLabel(5000)).toBe("Add 5,000 tasks");
    expect(addLabel(1)).toBe("Add 1 task");
    expect(addedLine(3, "your plate")).toBe("3 tasks added at the bottom of your plate.");
    expect(skippedHeadline(1)).toBe("1 row will be skipped:");
  });

  it("names the tool the file came from", () => {
    expect(sourceLine("asana")).toBe("Read as an export of Asana.");
    expect(sourceLine("todoist")).toMatch(/not its sections or notes/);
  });

  it("shows the first 200 rows of a list and counts the rest", () => {
    const rows = Array.from({ length: 205 }, (_, index) => task(index + 1));
    const { shown, more } = shownOf(rows);
    expect(shown).toHaveLength(200);
    expect(shown.at(-1)?.row).toBe(200);
    expect(more).toBe(5);
    expect(shownOf(rows.slice(0, 3))).toEqual({ shown: rows.slice(0, 3), more: 0 });
    expect(moreLine(5, "task")).toBe("and 5 more tasks");
    expect(moreLine(1, "row")).toBe("and 1 more row");
  });
});
