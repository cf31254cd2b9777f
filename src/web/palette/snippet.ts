/** A run of a search result's snippet: plain text, or words the search found. */
export interface SnippetPart {
  text: string;
  found: boolean;
}

const OPEN = "«";
const CLOSE = "»";

/**
 * A snippet as the search API writes it, the words found between « and », as runs to draw: the
 * marks themselves are left out. A mark left open or closed without opening is shown as written,
 * and empty runs are dropped.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, found: boolean) => {
    if (text === "") return;
    const last = parts.at(-1);
    if (last && last.found === found) last.text += text;
    else parts.push({ text, found });
  };
  let rest = snippet;
  while (rest !== "") {
    const open = rest.indexOf(OPEN);
    const close = open === -1 ? -1 : rest.indexOf(CLOSE, open + OPEN.length);
    if (open === -1 || close === -1) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    const inside = rest.slice(open + OPEN.length, close);
    // A mark opened again before it closed: the first « is text, the search found what follows the last.
    const reopened = inside.lastIndexOf(OPEN);
    if (reopened !== -1) {
      push(OPEN + inside.slice(0, reopened), false);
      push(inside.slice(reopened + OPEN.length), true);
    } else {
      push(inside, true);
    }
    rest = rest.slice(close + CLOSE.length);
  }
  return parts;
}
