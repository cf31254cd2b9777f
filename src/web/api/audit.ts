import { infiniteQueryOptions } from "@tanstack/react-query";
import type { AuditEvent } from "../../contract/audit";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

export const AUDIT_PAGE_SIZE = 50;

/** Where the next page starts: just after the last entry shown. */
interface PageStart {
  before: string;
  beforeId: string;
}

function auditPath(start?: PageStart): string {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (start) {
    query.set("before", start.before);
    query.set("beforeId", start.beforeId);
  }
  return `/api/v1/audit?${query}`;
}

/** What owners and admins did, newest first (owners and admins only), a page at a time. */
export const auditPagesQuery = infiniteQueryOptions({
  queryKey: queryKeys.audit,
  queryFn: ({ pageParam }) => apiFetch<{ items: AuditEvent[] }>(auditPath(pageParam)),
  initialPageParam: undefined as PageStart | undefined,
  getNextPageParam: (last): PageStart | undefined => {
    const oldest = last.items[last.items.length - 1];
    return last.items.length < AUDIT_PAGE_SIZE || !oldest
      ? undefined
      : { before: oldest.at, beforeId: oldest.id };
  },
});
