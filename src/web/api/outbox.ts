import { infiniteQueryOptions } from "@tanstack/react-query";
import type { OutboxList } from "../../contract/outbox";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

export const OUTBOX_PAGE_SIZE = 50;

/** Where the next page starts: just after the last message shown. */
interface PageStart {
  before: string;
  beforeId: string;
}

function outboxPath(start?: PageStart): string {
  const query = new URLSearchParams({ limit: String(OUTBOX_PAGE_SIZE) });
  if (start) {
    query.set("before", start.before);
    query.set("beforeId", start.beforeId);
  }
  return `/api/v1/outbox?${query}`;
}

/** The organization's outgoing mail newest first (owners and admins), a page at a time. */
export const outboxPagesQuery = infiniteQueryOptions({
  queryKey: queryKeys.outbox,
  queryFn: ({ pageParam }) => apiFetch<OutboxList>(outboxPath(pageParam)),
  initialPageParam: undefined as PageStart | undefined,
  getNextPageParam: (last): PageStart | undefined => {
    const oldest = last.items[last.items.length - 1];
    return last.items.length < OUTBOX_PAGE_SIZE || !oldest
      ? undefined
      : { before: oldest.createdAt, beforeId: oldest.id };
  },
});
