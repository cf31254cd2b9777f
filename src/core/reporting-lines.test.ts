import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wouldCreateCycle } from "./reporting-lines";

describe("wouldCreateCycle", () => {
  it("refuses a person as their own manager", () => {
    expect(wouldCreateCycle("a", "a", [])).toBe(true);
  });

  it("refuses a manager who already reports to the person, directly or not", () => {
    expect(wouldCreateCycle("a", "b", ["a"])).toBe(true);
    expect(wouldCreateCycle("a", "c", ["b", "a", "root"])).toBe(true);
  });

  it("accepts a manager from another branch", () => {
    expect(wouldCreateCycle("a", "c", ["b", "root"])).toBe(false);
  });

  it("never lets a forest of reporting lines grow a cycle", () => {
    // Apply random manager changes through the rule and check the lines always stay a forest.
    const people = ["p0", "p1", "p2", "p3", "p4", "p5"];
    const change = fc.tuple(fc.constantFrom(...people), fc.constantFrom(...people));
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        const managerOf = new Map<string, string>();
        const chainAbove = (id: string) => {
          const chain: string[] = [];
          for (let current = managerOf.get(id); current !== undefined; current = managerOf.get(current)) {
            if (chain.includes(current)) return null; // a cycle: the rule failed
            chain.push(current);
          }
          return chain;
        };
        for (const [person, manager] of changes) {
          const above = chainAbove(manager);
          if (above === null) return false;
          if (!wouldCreateCycle(person, manager, above)) managerOf.set(person, manager);
        }
        return people.every((person) => chainAbove(person) !== null);
      }),
    );
  });
});
