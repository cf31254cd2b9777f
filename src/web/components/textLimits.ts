import { textLimits } from "../../contract/text-limits";

/** The longest text of each kind the server takes: the contract's limits, read without zod. */
const TEXT_LIMITS = textLimits;
/** The texts whose fields count their characters (notes are too long to be worth counting). */
export type LimitedText = Exclude<keyof typeof TEXT_LIMITS, "notes" | "meetingNotes">;

/** What a text of each kind is called in a sentence. */
const NOUNS: { [kind in LimitedText]: string } = {
  personName: "name",
  organizationName: "name",
  personTitle: "title",
  taskTitle: "title",
  requestTitle: "title",
  reason: "reason",
  tokenName: "name",
  talkingPoint: "talking point",
  goalTitle: "title",
  goalDescription: "description",
  checkInNote: "note",
  feedbackBody: "piece of feedback",
  feedbackQuestion: "question",
  webhookDescription: "description",
  comment: "comment",
  nudgeNote: "note",
  searchText: "search",
};

/** From this share of its limit on, a field counts the characters of what it holds. */
const COUNT_FROM = 0.8;

/** How long a text counts as the server counts it: without the spaces at its ends. */
export function textLength(value: string): number {
  return value.trim().length;
}

/** "170 / 200" once a text nears its limit, and past it; else null. */
export function lengthCounter(kind: LimitedText, value: string): string | null {
  const limit = TEXT_LIMITS[kind];
  const length = textLength(value);
  return length >= limit * COUNT_FROM ? `${length} / ${limit}` : null;
}

/** Why a text is too long to be saved as typed, saying how much to take out; null when it fits. */
export function lengthProblem(kind: LimitedText, value: string): string | null {
  const limit = TEXT_LIMITS[kind];
  const over = textLength(value) - limit;
  if (over <= 0) return null;
  return `A ${NOUNS[kind]} is at most ${limit} characters: take out ${over} ${over === 1 ? "character" : "characters"}.`;
}

/**
 * Why a text cannot be saved as typed, or null: past its limit, or nothing but spaces when one is
 * required (`whenEmpty` says what to write; without it, a blank text is fine).
 */
export function textProblem(kind: LimitedText, value: string, whenEmpty?: string): string | null {
  if (whenEmpty !== undefined && textLength(value) === 0) return whenEmpty;
  return lengthProblem(kind, value);
}
