import { describe, expect, it } from "vitest";
import { isAbove } from "./reportingChain";

const people = [
  { id: "ceo", managerId: null },
  { id: "vp", managerId: "ceo" },
  { id: "lead", managerId: "vp" },
  { id: "dev", managerId: "lead" },
  { id: "peer", managerId: "ceo" },
];

describe("isAbove", () => {
  it("finds a manager anywhere up the chain", () => {
    expect(isAbove(people, "lead", "dev")).toBe(true);
    expect(isAbove(people, "ceo", "dev")).toBe(true);
  });

  it("is false for peers, reports and oneself", () => {
    expect(isAbove(people, "peer", "dev")).toBe(false);
    expect(isAbove(people, "dev", "lead")).toBe(false);
    expect(isAbove(people, "dev", "dev")).toBe(false);
  });

  it("ends on a cycle instead of looping", () => {
    const loop = [
      { id: "a", managerId: "b" },
      { id: "b", managerId: "a" },
    ];
    expect(isAbove(loop, "c", "a")).toBe(false);
  });
});
