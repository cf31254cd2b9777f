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

/** What a `meeting.changed` event says: which meeting of which series. */
export interface MeetingChange {
  meetingId: string;
  seriesId: string;
}

/** The data of a `meeting.changed` event, or null when it is not one. */
export function parseMeetingChange(data: string): MeetingChange | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== "object" || value === null) return null;
    const { meetingId, seriesId } = value as Record<string, unknown>;
    return typeof meetingId === "string" && typeof seriesId === "string" ? { meetingId, seriesId } : null;
  } catch {
    return null;
  }
}

/** Waits before opening the stream again when the server closed it for good (a restart, say). */
const RECONNECT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** After the stream was interrupted: every view that live changes reach is read again. */
export function refreshEverythingLive(queryClient: QueryClient): void {
  const live = [
    ["plates"],
    queryKeys.teams,
    ["records"],
    queryKeys.teamRecords,
    ["tasks"],
    queryKeys.requests,
    queryKeys.inbox,
    queryKeys.oneOnOnes,
    queryKeys.meetings,
    queryKeys.goals,
    queryKeys.feedback,
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

/** A meeting changed: it, and the series views that show its agenda count, are read again. */
function applyMeetingChange(queryClient: QueryClient, change: MeetingChange): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.meeting(change.meetingId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.oneOnOnes });
}

/**
 * Keeps open views current while signed in: one EventSource on `/api/v1/events`; each change to a
 * task refreshes its owner's plate, the team views, the task, the requests shown and the inbox, and
 * each change to a one-on-one's meeting refreshes that meeting and the series views, without a word to the viewer.
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
      source.addEventListener("meeting.changed", (event) => {
        const change = parseMeetingChange((event as MessageEvent<string>).data);
        if (change) applyMeetingChange(queryClient, change);
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
