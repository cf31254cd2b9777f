import type { MentionItem, MentionSerializer } from "@mantine/core";

/**
 * How the composer keeps a mention inside what is being written: the name and the person's id
 * between private-use characters, which nobody types, so Markdown such as `@[text](link)` is never
 * taken for a mention. Only the composer sees this form: what is sent is `bodyOf`, with `@Name`.
 */
const OPEN = "\uE000";
const SPLIT = "\uE001";
const CLOSE = "\uE002";
const MENTION = new RegExp(`${OPEN}([^\\n${OPEN}${SPLIT}${CLOSE}]+)${SPLIT}([A-Za-z0-9_-]+)${CLOSE}`, "g");

export const mentionMarkup: MentionSerializer = {
  id: "docket-mention",
  insert: ({ id, display }) => `${OPEN}${display}${SPLIT}${id}${CLOSE}`,
  findAll: (value) =>
    [...value.matchAll(MENTION)].map((match) => ({
      markup: match[0],
      index: match.index,
      id: match[2] ?? "",
      display: match[1] ?? "",
    })),
};

/** Someone mentioned in what is being written. */
export interface Mentioned {
  id: string;
  name: string;
}

/** The comment as it is sent and read: each mention written as `@Name`. */
export function bodyOf(draft: string): string {
  return draft.replace(MENTION, (_, name: string) => `@${name}`);
}

/** Everyone mentioned in a draft, each once, in the order first named. */
export function mentionedIn(draft: string): Mentioned[] {
  const seen = new Map<string, Mentioned>();
  for (const { id, display } of mentionMarkup.findAll(draft)) {
    if (!seen.has(id)) seen.set(id, { id, name: display ?? id });
  }
  return [...seen.values()];
}

/** The draft without telling this person: each mention of them becomes their name as plain text. */
export function withoutMention(draft: string, personId: string): string {
  return draft.replace(MENTION, (markup, name: string, id: string) => (id === personId ? name : markup));
}

/** Who may be mentioned, as the composer offers them: everyone in the directory but the writer, by name. */
export function mentionChoices(
  people: readonly { id: string; name: string }[],
  writerId: string,
): MentionItem[] {
  return people
    .filter((person) => person.id !== writerId)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((person) => ({ id: person.id, display: person.name }));
}

/** The ids named by the server's field errors on `mentionIds.N`: the people it refused. */
export function refusedMentions(fieldPaths: readonly string[], sentIds: readonly string[]): Set<string> {
  const refused = new Set<string>();
  for (const path of fieldPaths) {
    const match = /^mentionIds\.(\d+)$/.exec(path);
    const id = match ? sentIds[Number(match[1])] : undefined;
    if (id) refused.add(id);
  }
  return refused;
}

/** Ctrl+Enter, or Cmd+Enter on a Mac: sends what is written. */
export function isSendKey(event: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.key === "Enter" && (event.ctrlKey || event.metaKey);
}
