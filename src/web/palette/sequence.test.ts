import { describe, expect, it } from "vitest";
import { NO_SEQUENCE, pressKey, SEQUENCE_WINDOW_MS, type SequenceState } from "./sequence";

/** The keys pressed one after another, each `at` its time: where the last one goes. */
function press(keys: [string, number][]): ReturnType<typeof pressKey> {
  let state: SequenceState = NO_SEQUENCE;
  let step = { state, goTo: null, consumed: false } as ReturnType<typeof pressKey>;
  for (const [key, at] of keys) {
    step = pressKey(state, key, at);
    state = step.state;
  }
  return step;
}

describe("the g sequence", () => {
  it("goes to My plate, Team or Inbox with g then p, t or i", () => {
    expect(
      press([
        ["g", 1_000],
        ["p", 1_200],
      ]).goTo,
    ).toBe("plate");
    expect(
      press([
        ["g", 1_000],
        ["t", 1_200],
      ]).goTo,
    ).toBe("team");
    expect(
      press([
        ["g", 1_000],
        ["i", 1_200],
      ]).goTo,
    ).toBe("inbox");
  });

  it("takes the keys in either case, as a held Caps Lock sends them", () => {
    expect(
      press([
        ["G", 0],
        ["I", 10],
      ]).goTo,
    ).toBe("inbox");
  });

  it("waits for the second key no longer than its window", () => {
    expect(
      press([
        ["g", 1_000],
        ["i", 1_000 + SEQUENCE_WINDOW_MS],
      ]).goTo,
    ).toBe("inbox");
    const late = press([
      ["g", 1_000],
      ["i", 1_001 + SEQUENCE_WINDOW_MS],
    ]);
    expect(late).toEqual({ state: NO_SEQUENCE, goTo: null, consumed: false });
  });

  it("does nothing with a second key alone", () => {
    expect(press([["p", 0]])).toEqual({ state: NO_SEQUENCE, goTo: null, consumed: false });
  });

  it("is broken off by any other key between the two", () => {
    expect(
      press([
        ["g", 0],
        ["j", 10],
        ["p", 20],
      ]).goTo,
    ).toBeNull();
  });

  it("starts again with each g, and ends with its second key", () => {
    const started = press([
      ["g", 0],
      ["g", 1_400],
    ]);
    expect(started).toEqual({ state: { startedAt: 1_400 }, goTo: null, consumed: true });
    expect(
      press([
        ["g", 0],
        ["g", 1_400],
        ["t", 2_800],
      ]).goTo,
    ).toBe("team");
    expect(
      press([
        ["g", 0],
        ["p", 10],
        ["t", 20],
      ]).goTo,
    ).toBeNull();
  });
});
