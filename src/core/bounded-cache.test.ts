import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache";

describe("BoundedCache", () => {
  it("works an answer out once per key", () => {
    const cache = new BoundedCache<number>(4);
    let computed = 0;
    const square = (n: number) =>
      cache.remember(String(n), () => {
        computed++;
        return n * n;
      });
    expect([square(3), square(3), square(4), square(3)]).toEqual([9, 9, 16, 9]);
    expect(computed).toBe(2);
    expect(cache.size).toBe(2);
  });

  it("never holds more than its capacity, forgetting the least recently used", () => {
    const cache = new BoundedCache<string>(3);
    for (const key of ["a", "b", "c"]) cache.remember(key, () => key);
    cache.remember("a", () => "stale"); // a is now the most recently used
    cache.remember("d", () => "d"); // b goes
    expect(cache.size).toBe(3);
    expect(cache.remember("a", () => "again")).toBe("a");
    expect(cache.remember("b", () => "again")).toBe("again");
    for (let n = 0; n < 1000; n++) cache.remember(`k${n}`, () => "x");
    expect(cache.size).toBe(3);
  });

  it("remembers nothing when working out the answer throws", () => {
    const cache = new BoundedCache<number>(2);
    expect(() =>
      cache.remember("bad", () => {
        throw new RangeError("no");
      }),
    ).toThrow(RangeError);
    expect(cache.size).toBe(0);
    expect(cache.remember("bad", () => 1)).toBe(1);
  });

  it("refuses a capacity that is not a whole number of at least one", () => {
    for (const capacity of [0, -1, 1.5, Number.NaN])
      expect(() => new BoundedCache(capacity)).toThrow(RangeError);
  });
});
