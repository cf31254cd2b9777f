/** The longest title the server takes for a task or a request, counted once its ends are trimmed. */
export const TITLE_LIMIT = 200;

/** From this length on, the field counts the characters left. */
const COUNT_FROM = 160;

export function titleLength(value: string): number {
  return value.trim().length;
}

/** "170 / 200" once a title nears the limit, else null. */
export function titleCounter(value: string): string | null {
  const length = titleLength(value);
  return length >= COUNT_FROM ? `${length} / ${TITLE_LIMIT}` : null;
}

/** Why a title cannot be saved as typed, or null: nothing but spaces, or past the limit. */
export function titleProblem(value: string, whenEmpty: string): string | null {
  const length = titleLength(value);
  if (length === 0) return whenEmpty;
  if (length > TITLE_LIMIT) {
    const over = length - TITLE_LIMIT;
    return `A title is at most ${TITLE_LIMIT} characters: take out ${over} ${over === 1 ? "character" : "characters"}.`;
  }
  return null;
}
