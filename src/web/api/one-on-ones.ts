import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type {
  CreateActionItem,
  CreateSeries,
  Meeting,
  PrivateNote,
  Series,
  TalkingPoint,
  Task,
  UpdateMeeting,
  UpdateSeries,
  UpdateTalkingPoint,
} from "../../contract";
import { apiFetch } from "./client";
import { isApiError } from "./errors";
import { queryKeys } from "./queryKeys";

const seriesPath = (id: string) => `/api/v1/one-on-ones/${encodeURIComponent(id)}`;
const meetingPath = (id: string) => `/api/v1/meetings/${encodeURIComponent(id)}`;
const talkingPointPath = (id: string) => `/api/v1/talking-points/${encodeURIComponent(id)}`;

export type MeetingsWhen = "upcoming" | "past";

/** The series I am in, the going ones first. */
export const myOneOnOnesQuery = queryOptions({
  queryKey: queryKeys.myOneOnOnes,
  queryFn: async () => (await apiFetch<{ items: Series[] }>("/api/v1/one-on-ones")).items,
});

export const seriesQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.oneOnOne(id),
    queryFn: () => apiFetch<Series>(seriesPath(id)),
  });

/** How many meetings a series' list reads: the most the API gives at once. */
const MEETINGS_LIMIT = 50;

/** A series' meetings still to come (soonest first) or gone by (newest first). */
export const seriesMeetingsQuery = (seriesId: string, when: MeetingsWhen) =>
  queryOptions({
    queryKey: queryKeys.seriesMeetings(seriesId, when),
    queryFn: async () =>
      (
        await apiFetch<{ items: Meeting[] }>(
          `${seriesPath(seriesId)}/meetings?${new URLSearchParams({ when, limit: String(MEETINGS_LIMIT) })}`,
        )
      ).items,
  });

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.meeting(id),
    queryFn: () => apiFetch<Meeting>(meetingPath(id)),
  });

/** My private note on a meeting, or null before I wrote one. */
export const privateNoteQuery = (meetingId: string) =>
  queryOptions({
    queryKey: queryKeys.privateNote(meetingId),
    queryFn: async (): Promise<PrivateNote | null> => {
      try {
        return await apiFetch<PrivateNote>(`${meetingPath(meetingId)}/private-note`);
      } catch (error) {
        if (isApiError(error, 404)) return null;
        throw error;
      }
    },
  });

export function createSeries(input: CreateSeries): Promise<Series> {
  return apiFetch<Series>("/api/v1/one-on-ones", { method: "POST", body: input });
}

export function updateSeries(id: string, input: UpdateSeries): Promise<Series> {
  return apiFetch<Series>(seriesPath(id), { method: "PATCH", body: input });
}

export function updateMeeting(id: string, input: UpdateMeeting): Promise<Meeting> {
  return apiFetch<Meeting>(meetingPath(id), { method: "PATCH", body: input });
}

export function addTalkingPoint(meetingId: string, text: string): Promise<TalkingPoint> {
  return apiFetch<TalkingPoint>(`${meetingPath(meetingId)}/talking-points`, {
    method: "POST",
    body: { text },
  });
}

export function updateTalkingPoint(id: string, input: UpdateTalkingPoint): Promise<TalkingPoint> {
  return apiFetch<TalkingPoint>(talkingPointPath(id), { method: "PATCH", body: input });
}

export function deleteTalkingPoint(id: string): Promise<void> {
  return apiFetch<void>(talkingPointPath(id), { method: "DELETE" });
}

export function putPrivateNote(meetingId: string, text: string): Promise<PrivateNote> {
  return apiFetch<PrivateNote>(`${meetingPath(meetingId)}/private-note`, { method: "PUT", body: { text } });
}

export function addActionItem(meetingId: string, input: CreateActionItem): Promise<Task> {
  return apiFetch<Task>(`${meetingPath(meetingId)}/action-items`, { method: "POST", body: input });
}

/**
 * Refreshes what shows a meeting: the meeting itself, and every series view (lists show the next
 * meeting and how many points it has; marking one held makes another the next).
 */
export function invalidateMeetingViews(queryClient: QueryClient, meetingId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.meeting(meetingId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.oneOnOnes }),
  ]).then(() => {});
}
