import type { InfiniteData } from "@tanstack/react-query";
import type { InboxList } from "../../contract/inbox";

/** Which entries are being marked read: some by id, or every one. */
export type ReadSelection = readonly string[] | "all";

export type InboxPages = InfiniteData<InboxList, string | undefined>;

const isChosen = (selection: ReadSelection, id: string) => selection === "all" || selection.includes(id);

/** How many of the chosen entries shown are unread. */
export function unreadAmong(data: InboxPages | undefined, selection: ReadSelection): number {
  if (!data) return 0;
  return data.pages
    .flatMap((page) => page.items)
    .filter((item) => item.readAt === null && isChosen(selection, item.id)).length;
}

/** The unread count once the chosen entries are read: none left when every entry is marked. */
export function unreadAfter(unread: number, selection: ReadSelection, newlyRead: number): number {
  return selection === "all" ? 0 : Math.max(0, unread - newlyRead);
}

/**
 * The inbox pages as they will be once the chosen entries are read, so that the page and the badge
 * say so at once while the server is told.
 */
export function withEntriesRead(data: InboxPages, selection: ReadSelection, at: string): InboxPages {
  const newlyRead = unreadAmong(data, selection);
  return {
    ...data,
    pages: data.pages.map((page) => ({
      unread: unreadAfter(page.unread, selection, newlyRead),
      items: page.items.map((item) =>
        item.readAt === null && isChosen(selection, item.id) ? { ...item, readAt: at } : item,
      ),
    })),
  };
}
