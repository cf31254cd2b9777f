import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  type CadenceSeries,
  cadenceAnswers,
  nextOccurrence,
  occurrenceAt,
  occurrenceIndex,
  occurrencesBetween,
} from "./meeting-cadence";
import { at, berlin, newYork, series, sydney } from "./meeting-cadence-fixtures";

// 2026 clock changes: the US on 8 March and 1 November, Europe on 29 March and 25 October,
// Sydney back to standard time on 5 April and forward again on 4 October.

/** The answer worked out afresh: nothing remembered before or kept after. */
function uncached<T>(answer: () => T): T {
  cadenceAnswers.clear();
  const value = answer();
  cadenceAnswers.clear();
  return value;
}

const zones = [berlin, newYork, sydney, "Pacific/Chatham", "Asia/Kathmandu", "UTC"] as const;
// Times inside the gaps and overlaps of those zones' clock changes, and ordinary ones.
const times = [
  "00:00",
  "00:30",
  "01:30",
  "02:00",
  "02:30",
  "02:45",
  "03:00",
  "03:45",
  "10:00",
  "23:59",
] as const;

const seriesArbitrary: fc.Arbitrary<CadenceSeries> = fc
  .record({
    zone: fc.constantFrom(...zones),
    day: fc.integer({ min: 0, max: 364 }),
    time: fc.constantFrom(...times),
    everyWeeks: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ zone, day, time, everyWeeks }) => {
    const anchor = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    return series(zone, anchor, { time, everyWeeks });
  });

const instantArbitrary = fc
  .integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2027, 6, 1) })
  .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));

afterEach(() => cadenceAnswers.clear());

describe("remembered cadence answers", () => {
  it("are the answers worked out afresh, across clock changes and many series at once", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(seriesArbitrary, instantArbitrary, fc.integer({ min: 0, max: 80 })), {
          minLength: 1,
          maxLength: 30,
        }),
        (cases) => {
          const fresh = cases.map(([s, after, index]) =>
            uncached(() => [nextOccurrence(s, after).getTime(), occurrenceAt(s, index).getTime()]),
          );
          // Twice with the cache filling up: misses first, then hits among the other series' answers.
          for (let round = 0; round < 2; round++) {
            const remembered = cases.map(([s, after, index]) => [
              nextOccurrence(s, after).getTime(),
              occurrenceAt(s, index).getTime(),
            ]);
            expect(remembered).toEqual(fresh);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("tell apart series that differ in one thing only", () => {
    const base = series(berlin, "2026-03-23", { time: "02:30" });
    const variants: CadenceSeries[] = [
      base,
      { ...base, timeZone: newYork },
      { ...base, anchor: "2026-03-25" },
      { ...base, cadence: { ...base.cadence, time: "03:30" } },
      { ...base, cadence: { ...base.cadence, everyWeeks: 2 } },
    ];
    const after = at("2026-03-24T00:00:00Z");
    const fresh = variants.map((s) => uncached(() => [nextOccurrence(s, after), occurrenceAt(s, 1)]));
    const remembered = variants.map((s) => [nextOccurrence(s, after), occurrenceAt(s, 1)]);
    expect(remembered).toEqual(fresh);
    expect(new Set(fresh.map(([next]) => next?.getTime())).size).toBe(variants.length);
  });

  it("give the same meetings between two instants and the same meeting numbers", () => {
    const s = series(sydney, "2026-03-30", { time: "02:30" });
    const from = at("2026-03-01T00:00:00Z");
    const until = at("2026-11-01T00:00:00Z");
    const fresh = uncached(() => occurrencesBetween(s, from, until));
    expect(occurrencesBetween(s, from, until)).toEqual(fresh);
    expect(fresh.map((meeting) => occurrenceIndex(s, meeting))).toEqual(fresh.map((_, index) => index));
  });

  it("hand each caller its own Date, so changing one changes nothing remembered", () => {
    const s = series(berlin, "2026-03-23");
    const after = at("2026-03-24T00:00:00Z");
    const first = nextOccurrence(s, after);
    const expected = first.getTime();
    first.setTime(0);
    occurrenceAt(s, 1).setTime(0);
    expect(nextOccurrence(s, after).getTime()).toBe(expected);
    expect(occurrenceAt(s, 1).getTime()).toBe(expected);
  });

  it("stay bounded however many series and instants are asked about", () => {
    const s = series(berlin, "2026-01-05");
    for (let n = 0; n < cadenceAnswers.capacity + 500; n++)
      nextOccurrence(s, new Date(Date.UTC(2026, 0, 1) + n * 60_000));
    expect(cadenceAnswers.size).toBe(cadenceAnswers.capacity);
  });
});
