/** Where a two-key shortcut beginning with `g` goes. */
export type GoTo = "plate" | "team" | "inbox";

/** How long after `g` its second key still counts, in milliseconds. */
export const SEQUENCE_WINDOW_MS = 1_500;

const SECOND_KEYS: Record<string, GoTo> = { p: "plate", t: "team", i: "inbox" };

/** Whether a `g` was pressed, and when: the start of a sequence waiting for its second key. */
export interface SequenceState {
  startedAt: number | null;
}

export const NO_SEQUENCE: SequenceState = { startedAt: null };

export interface SequenceStep {
  state: SequenceState;
  /** Where to go, when this key completed a sequence. */
  goTo: GoTo | null;
  /** Whether the key belongs to a sequence (its start or its end): nothing else should act on it. */
  consumed: boolean;
}

/**
 * The sequence after one more key pressed at `now` (a key as KeyboardEvent.key names it, without
 * modifiers): `g` starts one, `p`, `t` or `i` within the window after it ends it, and any other key,
 * or one too late, leaves none waiting.
 */
export function pressKey(state: SequenceState, key: string, now: number): SequenceStep {
  const name = key.toLowerCase();
  const waiting = state.startedAt !== null && now - state.startedAt <= SEQUENCE_WINDOW_MS;
  const goTo = waiting ? (SECOND_KEYS[name] ?? null) : null;
  if (goTo) return { state: NO_SEQUENCE, goTo, consumed: true };
  if (name === "g") return { state: { startedAt: now }, goTo: null, consumed: true };
  return { state: NO_SEQUENCE, goTo: null, consumed: false };
}
