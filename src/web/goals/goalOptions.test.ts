import { describe, expect, it } from "vitest";
import { goalOptions } from "./goalOptions";

const goal = (id: string, state = "active" as const, parentId: string | null = null) => ({
  id,
  title: id.toUpperCase(),
  state,
  parentId,
});

describe("goalOptions", () => {
  it("groups active goals by owner and leaves out empty groups", () => {
    const options = goalOptions([
      { ownerName: "Rita", goals: [goal("ship"), { ...goal("old"), state: "achieved" }] },
      { ownerName: "Manny", goals: [goal("team")] },
      { ownerName: "Sam", goals: [{ ...goal("gone"), state: "dropped" }] },
    ]);
    expect(options).toEqual([
      { group: "Rita", items: [{ value: "ship", label: "SHIP" }] },
      { group: "Manny", items: [{ value: "team", label: "TEAM" }] },
    ]);
  });

  it("keeps the goal already chosen even once it ended, and lists a goal once", () => {
    const ended = { ...goal("old"), state: "missed" as const };
    const options = goalOptions(
      [
        { ownerName: "Rita", goals: [ended, goal("ship")] },
        { ownerName: "Rita again", goals: [goal("ship")] },
      ],
      { keep: "old" },
    );
    expect(options).toEqual([
      {
        group: "Rita",
        items: [
          { value: "old", label: "OLD" },
          { value: "ship", label: "SHIP" },
        ],
      },
    ]);
  });

  it("never offers a goal as its own parent, nor any goal below it", () => {
    const options = goalOptions(
      [
        {
          ownerName: "Manny",
          goals: [goal("top"), goal("mid", "active", "top"), goal("low", "active", "mid")],
        },
      ],
      { without: "mid" },
    );
    expect(options).toEqual([{ group: "Manny", items: [{ value: "top", label: "TOP" }] }]);
  });
});
