import { describe, expect, it } from "vitest";
import { entry, section } from "./digest-fixtures";

describe("digest: an import onto the plate", () => {
  it("tells of one import as one line: how many tasks, and the last of them", () => {
    const lines = section(
      { entries: [entry({ kind: "task.added", count: 120, title: "Last row", position: 131 })] },
      "New on your plate",
    );
    expect(lines?.map((line) => line.text)).toEqual(["120 tasks from Bob, the last “Last row”, at #131"]);
  });

  it("tells of a single add as before", () => {
    const lines = section({ entries: [entry({ kind: "task.added", position: 2 })] }, "New on your plate");
    expect(lines?.map((line) => line.text)).toEqual(["“Write the report” from Bob, at #2"]);
  });
});
