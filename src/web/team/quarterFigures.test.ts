import { describe, expect, it } from "vitest";
import { quarterFigures } from "./quarterFigures";

describe("quarterFigures", () => {
  it("gives completions and the on-time rate", () => {
    expect(quarterFigures({ completed: 4, onTimeRate: 0.75 })).toEqual({
      completed: "4 completed this quarter",
      onTime: "75% on time",
    });
  });

  it("says plainly when nothing with a due date was completed", () => {
    expect(quarterFigures({ completed: 2, onTimeRate: null })).toEqual({
      completed: "2 completed this quarter",
      onTime: "No due dates yet",
    });
    expect(quarterFigures({ completed: 0, onTimeRate: null }).onTime).toBe("No due dates yet");
  });
});
