import { describe, expect, it } from "vitest";
import type { Goal } from "../../contract";
import { meetingGoalsView } from "./meetingGoals";

const goal = (id: string, ownerId: string): Goal => ({
  id,
  ownerId,
  title: `Goal ${id}`,
  description: "",
  due: null,
  state: "active",
  parentId: null,
  progress: { done: 1, total: 2 },
  latestCheckIn: null,
  createdAt: "2026-03-01T09:00:00.000Z",
  version: 1,
});
const names: Record<string, string> = { manny: "Manny Manager", rita: "Rita Report" };
const nameOf = (id: string) => names[id] ?? "Someone";

describe("meetingGoalsView", () => {
  it("shows each participant's goals under whose they are", () => {
    const view = meetingGoalsView(
      [
        { personId: "rita", goals: [goal("g1", "rita")] },
        { personId: "manny", goals: [goal("g2", "manny"), goal("g3", "manny")] },
      ],
      "manny",
      nameOf,
    );
    expect(view.shown.map((part) => [part.heading, part.goals.map((one) => one.id)])).toEqual([
      ["Rita Report's goals", ["g1"]],
      ["Your goals", ["g2", "g3"]],
    ]);
    expect(view.noneLine).toBeNull();
  });

  it("says in one line who has none, with no card for them", () => {
    const view = meetingGoalsView(
      [
        { personId: "rita", goals: [goal("g1", "rita")] },
        { personId: "manny", goals: [] },
      ],
      "rita",
      nameOf,
    );
    expect(view.shown.map((part) => part.heading)).toEqual(["Your goals"]);
    expect(view.noneLine).toBe("Manny Manager has no active goals.");
    expect(
      meetingGoalsView(
        [
          { personId: "rita", goals: [] },
          { personId: "manny", goals: [goal("g2", "manny")] },
        ],
        "rita",
        nameOf,
      ).noneLine,
    ).toBe("You have no active goals.");
  });

  it("says so in one line when nobody has goals, or none may be seen", () => {
    const nobody = meetingGoalsView(
      [
        { personId: "rita", goals: [] },
        { personId: "manny", goals: [] },
      ],
      "manny",
      nameOf,
    );
    expect(nobody).toEqual({ shown: [], noneLine: "No active goals." });
    expect(meetingGoalsView([], "manny", nameOf)).toEqual({ shown: [], noneLine: "No active goals." });
  });
});
