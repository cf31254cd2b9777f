import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { invalidateInbox, markInboxRead } from "../api/inbox";
import { queryKeys } from "../api/queryKeys";
import { type InboxPages, type ReadSelection, unreadAfter, unreadAmong, withEntriesRead } from "./readState";

/**
 * Marks entries read: the inbox and the navigation's count show it at once, the server is told,
 * and both are read again after (which also undoes the change when the server refused it).
 */
export function useMarkRead(): (selection: ReadSelection) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (selection) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.inbox });
      const pages = queryClient.getQueryData<InboxPages>(queryKeys.inboxList);
      const newlyRead = unreadAmong(pages, selection);
      if (pages) {
        queryClient.setQueryData(
          queryKeys.inboxList,
          withEntriesRead(pages, selection, new Date().toISOString()),
        );
      }
      queryClient.setQueryData<number>(queryKeys.inboxUnread, (unread) =>
        unread === undefined ? unread : unreadAfter(unread, selection, newlyRead),
      );
      try {
        await markInboxRead(selection === "all" ? { all: true } : { ids: [...selection] });
      } finally {
        void invalidateInbox(queryClient);
      }
    },
    [queryClient],
  );
}
