import { describe, expect, it } from "vitest";
import { cadenceValues, minutesProblem, timeProblem, toCadence } from "./cadenceForm";

describe("cadence fields", () => {
  it("hold a cadence and give it back", () => {
    const cadence = { everyWeeks: 2, weekday: 4, time: "16:30", minutes: 45 };
    expect(cadenceValues(cadence)).toEqual({ everyWeeks: "2", weekday: "4", time: "16:30", minutes: 45 });
    expect(toCadence(cadenceValues(cadence))).toEqual(cadence);
  });

  it("send a time field's seconds as HH:MM", () => {
    expect(toCadence({ everyWeeks: "1", weekday: "1", time: "09:05:00", minutes: "30" })).toEqual({
      everyWeeks: 1,
      weekday: 1,
      time: "09:05",
      minutes: 30,
    });
  });
});

describe("minutesProblem", () => {
  it.each([15, 30, 120, "60"])("takes %j", (minutes) => {
    expect(minutesProblem(minutes)).toBeNull();
  });

  it.each([0, 14, 121, 30.5, ""])("refuses %j", (minutes) => {
    expect(minutesProblem(minutes)).not.toBeNull();
  });
});

describe("timeProblem", () => {
  it("takes a time of day and refuses anything else", () => {
    expect(timeProblem("00:00")).toBeNull();
    expect(timeProblem("23:59")).toBeNull();
    expect(timeProblem("")).not.toBeNull();
    expect(timeProblem("24:00")).not.toBeNull();
    expect(timeProblem("9:00")).not.toBeNull();
  });
});
