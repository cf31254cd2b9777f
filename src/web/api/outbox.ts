import { infiniteQueryOptions } from "@tanstack/react-query";
import type { OutboxList } from "../../contract/outbox";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

export const OUTBOX_PAGE_SIZE = 50;

function outboxPath(before?: string): string {
  const query = new URLSearchParams({ limit: String(OUTBOX_PAGE_SIZE) });
  if (before) query.set("before", before);
  return `/api/v1/outbox?${query}`;
}

/** The organization's outgoing mail newest first (owners and admins), a page at a time. */
export const outboxPagesQuery = infiniteQueryOptions({
  queryKey: queryKeys.outbox,
  queryFn: ({ pageParam }) => apiFetch<OutboxList>(outboxPath(pageParam)),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) =>
    last.items.length < OUTBOX_PAGE_SIZE ? undefined : last.items[last.items.length - 1]?.createdAt,
});
