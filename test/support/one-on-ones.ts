import { expect } from "vitest";
import type { Cadence, Meeting, PrivateNote, Series, TalkingPoint } from "../../src/contract/one-on-ones";
import type { Task } from "../../src/contract/tasks";
import type { Caller } from "./tasks";

export type { Cadence, Meeting, PrivateNote, Series, TalkingPoint };

/** Weekly on Tuesday at 10:00, for 30 minutes. */
export const weeklyTuesday: Cadence = { everyWeeks: 1, weekday: 2, time: "10:00", minutes: 30 };

/** Sets up a one-on-one as `as` with `withId`, expecting 201. */
export async function setUpOneOnOne(
  as: Caller,
  withId: string,
  options: { cadence?: Cadence; timeZone?: string; firstDate?: string } = {},
): Promise<Series> {
  const answer = await as.client.post<Series>("/api/v1/one-on-ones", {
    withId,
    cadence: options.cadence ?? weeklyTuesday,
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    ...(options.firstDate === undefined ? {} : { firstDate: options.firstDate }),
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** The series' next meeting, read in full by `as`. */
export async function nextMeetingOf(as: Caller, series: Series): Promise<Meeting> {
  const next = series.nextMeeting;
  expect(next, "the series has a next meeting").not.toBeNull();
  return meetingOf(as, next?.id ?? "");
}

export async function seriesOf(as: Caller, id: string): Promise<Series> {
  const answer = await as.client.get<Series>(`/api/v1/one-on-ones/${id}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

export async function meetingOf(as: Caller, id: string): Promise<Meeting> {
  const answer = await as.client.get<Meeting>(`/api/v1/meetings/${id}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** Changes a meeting with its current version, expecting 200. */
export async function changeMeeting(as: Caller, meeting: Meeting, body: Record<string, unknown>): Promise<Meeting> {
  const answer = await as.client.patch<Meeting>(`/api/v1/meetings/${meeting.id}`, {
    version: meeting.version,
    ...body,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** Adds talking points to a meeting in order, expecting 201 each. */
export async function addPoints(as: Caller, meetingId: string, texts: readonly string[]): Promise<TalkingPoint[]> {
  const points: TalkingPoint[] = [];
  for (const text of texts) {
    const answer = await as.client.post<TalkingPoint>(`/api/v1/meetings/${meetingId}/talking-points`, { text });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    points.push(answer.body);
  }
  return points;
}

export async function changePoint(as: Caller, id: string, body: Record<string, unknown>): Promise<TalkingPoint> {
  const answer = await as.client.patch<TalkingPoint>(`/api/v1/talking-points/${id}`, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

export async function addActionItem(
  as: Caller,
  meetingId: string,
  body: { title: string; ownerId: string; [field: string]: unknown },
): Promise<Task> {
  const answer = await as.client.post<Task>(`/api/v1/meetings/${meetingId}/action-items`, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

export const textsOf = (meeting: Meeting) => meeting.talkingPoints.map((point) => point.text);
