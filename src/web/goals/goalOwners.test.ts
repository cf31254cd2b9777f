import { describe, expect, it } from "vitest";
import { chainAbove, directReports, goalOwnersFor, mayChangeGoal, meAndBelow } from "./goalOwners";

// ceo ← manny ← rita, ← sam; sam ← intern; pat reports to nobody.
const people = [
  { id: "ceo", managerId: null },
  { id: "manny", managerId: "ceo" },
  { id: "rita", managerId: "manny" },
  { id: "sam", managerId: "manny" },
  { id: "intern", managerId: "sam" },
  { id: "pat", managerId: null },
];

describe("whose goals", () => {
  it("reads the chain above a person, nearest first", () => {
    expect(chainAbove(people, "intern")).toEqual(["sam", "manny", "ceo"]);
    expect(chainAbove(people, "pat")).toEqual([]);
  });

  it("stops at a loop in the lines rather than going round", () => {
    const looped = [
      { id: "a", managerId: "b" },
      { id: "b", managerId: "a" },
    ];
    expect(chainAbove(looped, "a")).toEqual(["b"]);
  });

  it("offers a person's own goals, their managers' and their reports'", () => {
    expect(directReports(people, "manny")).toEqual(["rita", "sam"]);
    expect(goalOwnersFor(people, "sam")).toEqual(["sam", "manny", "ceo", "intern"]);
  });

  it("sets goals for oneself and anyone below, and changes only those", () => {
    expect(meAndBelow(people, "manny")).toEqual(["manny", "rita", "sam", "intern"]);
    expect(meAndBelow(people, "rita")).toEqual(["rita"]);
    expect(mayChangeGoal(people, "manny", "intern")).toBe(true);
    expect(mayChangeGoal(people, "rita", "manny")).toBe(false);
    expect(mayChangeGoal(people, "pat", "pat")).toBe(true);
  });
});
