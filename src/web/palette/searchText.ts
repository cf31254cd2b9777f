import { textLimits } from "../../contract/text-limits";

/** What contract/text.ts refuses in one line: controls, line and paragraph separators, bidirectional controls. */
const notInOneLine = "\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069";
/** Those, and lone surrogates. */
const NOT_IN_ONE_LINE = new RegExp(`[${notInOneLine}]|\\p{Cs}`, "gu");

/**
 * What the search API takes of the text typed or pasted into the palette: one line, so control
 * characters, line and paragraph separators, bidirectional controls and lone surrogates become
 * spaces; trimmed; cut to the API's limit (never through a surrogate pair). Null when nothing is left.
 */
export function searchTextOf(typed: string): string | null {
  let text = typed.replace(NOT_IN_ONE_LINE, " ").trim().slice(0, textLimits.searchText);
  if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  text = text.trim();
  return text === "" ? null : text;
}
