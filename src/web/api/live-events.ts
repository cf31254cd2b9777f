import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { invalidateInbox } from "./inbox";
import { queryKeys } from "./queryKeys";
import { invalidateTaskViews, moveMutationKey } from "./tasks";

/** What a `task.changed` event says: which task, on whose plate. */
export interface TaskChange {
  taskId: string;
  ownerId: string;
}

/** The data of a `task.changed` event, or null when it is not one. */
export function parseTaskChange(data: string): TaskChange | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== "object" || value === null) return null;
    const { taskId, ownerId } = value as Record<string, unknown>;
    return typeof taskId === "string" && typeof ownerId === "string" ? { taskId, ownerId } : null;
  } catch {
    return null;
  }
}

/** Waits before opening the stream again when the server closed it for good (a restart, say). */
const RECONNECT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

function refreshEverythingLive(queryClient: QueryClient): void {
  const live = [
    ["plates"],
    queryKeys.teams,
    ["records"],
    queryKeys.teamRecords,
    ["tasks"],
    queryKeys.requests,
    queryKeys.inbox,
  ];
  for (const queryKey of live) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

function applyChange(queryClient: QueryClient, change: TaskChange): void {
  // A change someone else made may have written to my inbox (and so to my next digest).
  void invalidateInbox(queryClient);
  // The task may belong to a request on screen: its progress, or an assignee's load, moved.
  void queryClient.invalidateQueries({ queryKey: queryKeys.requests });
  // While a reorder of this plate is on its way, its own refresh follows; reading the plate now
  // would briefly undo the order shown.
  if (queryClient.isMutating({ mutationKey: moveMutationKey(change.ownerId) }) > 0) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.task(change.taskId) });
    return;
  }
  void invalidateTaskViews(queryClient, change);
}

/**
 * Keeps open views current while signed in: one EventSource on `/api/v1/events`; each change to a
 * task refreshes its owner's plate, the team views, the task, the requests shown and the inbox, without a word to the viewer.
 * After the stream was interrupted, everything live is read again, since changes may have been missed.
 */
export function useLiveEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let source: EventSource | null = null;
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let interrupted = false;

    const connect = () => {
      source = new EventSource("/api/v1/events");
      source.addEventListener("open", () => {
        failures = 0;
        if (interrupted) refreshEverythingLive(queryClient);
        interrupted = false;
      });
      source.addEventListener("task.changed", (event) => {
        const change = parseTaskChange((event as MessageEvent<string>).data);
        if (change) applyChange(queryClient, change);
      });
      source.addEventListener("error", () => {
        interrupted = true;
        if (source?.readyState !== EventSource.CLOSED) return;
        const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)];
        failures += 1;
        reconnectTimer = setTimeout(connect, delay);
      });
    };

    connect();
    return () => {
      clearTimeout(reconnectTimer);
      source?.close();
    };
  }, [queryClient]);
}
