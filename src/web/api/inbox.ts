import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import type { DigestPreview, InboxList, MarkRead } from "../../contract/inbox";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

export const INBOX_PAGE_SIZE = 50;

/** How often the unread count is read again when no live event says so sooner. */
const UNREAD_REFRESH_MS = 60_000;

/** Where the next page starts: just after the last entry shown. */
interface PageStart {
  before: string;
  beforeId: string;
}

function inboxPath(limit: number, start?: PageStart): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (start) {
    query.set("before", start.before);
    query.set("beforeId", start.beforeId);
  }
  return `/api/v1/inbox?${query}`;
}

/** The inbox newest first, a page at a time; each next page starts before the oldest entry shown. */
export const inboxPagesQuery = infiniteQueryOptions({
  queryKey: queryKeys.inboxList,
  queryFn: ({ pageParam }) => apiFetch<InboxList>(inboxPath(INBOX_PAGE_SIZE, pageParam)),
  initialPageParam: undefined as PageStart | undefined,
  getNextPageParam: (last): PageStart | undefined => {
    const oldest = last.items[last.items.length - 1];
    return last.items.length < INBOX_PAGE_SIZE || !oldest
      ? undefined
      : { before: oldest.at, beforeId: oldest.id };
  },
});

/** How many entries are unread, for the navigation's badge. */
export const inboxUnreadQuery = queryOptions({
  queryKey: queryKeys.inboxUnread,
  queryFn: async () => (await apiFetch<InboxList>(inboxPath(1))).unread,
  refetchInterval: UNREAD_REFRESH_MS,
});

export const digestPreviewQuery = queryOptions({
  queryKey: queryKeys.digestPreview,
  queryFn: () => apiFetch<DigestPreview>("/api/v1/me/digest/preview"),
});

export function markInboxRead(body: MarkRead): Promise<void> {
  return apiFetch<void>("/api/v1/inbox/read", { method: "POST", body });
}

/** Reads the inbox, its count and the digest preview again. */
export function invalidateInbox(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
}
