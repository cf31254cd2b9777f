import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { Cadence, Meeting, PrivateNote, Series, TalkingPoint } from "../../src/contract/one-on-ones";
import type { Task } from "../../src/contract/tasks";
import type { Answer } from "./client";
import { founder, invite, type Member } from "./factories";
import type { Harness } from "./harness";
import { type Caller, expectProblem, type Problem } from "./tasks";

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
export async function changeMeeting(
  as: Caller,
  meeting: Meeting,
  body: Record<string, unknown>,
): Promise<Meeting> {
  const answer = await as.client.patch<Meeting>(`/api/v1/meetings/${meeting.id}`, {
    version: meeting.version,
    ...body,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** Adds talking points to a meeting in order, expecting 201 each. */
export async function addPoints(
  as: Caller,
  meetingId: string,
  texts: readonly string[],
): Promise<TalkingPoint[]> {
  const points: TalkingPoint[] = [];
  for (const text of texts) {
    const answer = await as.client.post<TalkingPoint>(`/api/v1/meetings/${meetingId}/talking-points`, {
      text,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    points.push(answer.body);
  }
  return points;
}

export async function changePoint(
  as: Caller,
  id: string,
  body: Record<string, unknown>,
): Promise<TalkingPoint> {
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

/** `POST /one-on-ones` with any body, answering whatever the server says. */
export const postSeries = (as: Caller, body: unknown) =>
  as.client.post<Series & Problem>("/api/v1/one-on-ones", body);

export const patchSeries = (as: Caller, id: string, body: unknown) =>
  as.client.patch<Series & Problem>(`/api/v1/one-on-ones/${id}`, body);

/** Changes a series, expecting 200. */
export async function changeSeries(as: Caller, id: string, body: Record<string, unknown>): Promise<Series> {
  const answer = await patchSeries(as, id, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** The caller's series, expecting 200. */
export async function mySeries(as: Caller): Promise<Series[]> {
  const answer = await as.client.get<{ items: Series[] }>("/api/v1/one-on-ones");
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items;
}

/** A series' meetings (`when` upcoming or past), expecting 200. */
export async function meetingsOf(
  as: Caller,
  seriesId: string,
  when: "upcoming" | "past",
  limit?: number,
): Promise<Meeting[]> {
  const query = `when=${when}${limit === undefined ? "" : `&limit=${limit}`}`;
  const answer = await as.client.get<{ items: Meeting[] }>(
    `/api/v1/one-on-ones/${seriesId}/meetings?${query}`,
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items;
}

export const patchMeeting = (as: Caller, id: string, body: unknown) =>
  as.client.patch<Meeting & MeetingProblem>(`/api/v1/meetings/${id}`, body);

export const postPoint = (as: Caller, meetingId: string, body: unknown) =>
  as.client.post<TalkingPoint & Problem>(`/api/v1/meetings/${meetingId}/talking-points`, body);

export const patchPoint = (as: Caller, id: string, body: unknown) =>
  as.client.patch<TalkingPoint & Problem>(`/api/v1/talking-points/${id}`, body);

export const deletePoint = (as: Caller, id: string) =>
  as.client.delete<Problem>(`/api/v1/talking-points/${id}`);

export const postActionItem = (as: Caller, meetingId: string, body: unknown) =>
  as.client.post<Task & Problem>(`/api/v1/meetings/${meetingId}/action-items`, body);

/** A problem answer about a meeting: a version conflict carries the meeting as it is now. */
export type MeetingProblem = Omit<Problem, "current"> & { current?: Meeting };

/** Asserts a 409 problem+json about a meeting and answers the meeting as it is now, which it carries. */
export function conflictOf(answer: Answer<unknown>): Meeting {
  const problem = expectProblem(answer, 409) as unknown as MeetingProblem;
  expect(problem.current, JSON.stringify(problem)).toMatchObject({
    id: expect.any(String),
    version: expect.any(Number),
  });
  return problem.current as Meeting;
}

/**
 * Marks the series' next meeting `state` as `as` (with its current version), expecting 200; answers
 * the marked meeting and the series as it is after.
 */
export async function markNext(
  as: Caller,
  seriesId: string,
  state: "held" | "skipped",
): Promise<{ marked: Meeting; series: Series }> {
  const before = await seriesOf(as, seriesId);
  const next = before.nextMeeting;
  expect(next, "the series has a next meeting").not.toBeNull();
  const answer = await patchMeeting(as, next?.id ?? "", { version: next?.version, state });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { marked: answer.body, series: await seriesOf(as, seriesId) };
}

/** The talking points of a meeting as `[text, carriedFrom, timesCarried]`, in order. */
export const carryOf = (meeting: Meeting) =>
  meeting.talkingPoints.map((point) => [point.text, point.carriedFrom, point.timesCarried] as const);

/** An instant on the wall clock of `timeZone`: `"Tue 2026-03-03 10:00"` (Intl, not the code under test). */
export function wallClock(instant: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * Every stored row of the one-on-one tables (series, meetings, talking points) but private notes,
 * straight from the database: equal before and after a refused request means nothing was written.
 */
export async function oneOnOneRows(h: Harness) {
  const [series, meetings, points] = await Promise.all([
    h.ctx.db.selectFrom("one_on_one").selectAll().orderBy("id").execute(),
    h.ctx.db.selectFrom("meeting").selectAll().orderBy("id").execute(),
    h.ctx.db.selectFrom("talking_point").selectAll().orderBy("id").execute(),
  ]);
  return { series, meetings, points };
}

/**
 * People for one-on-ones, in a fresh organization:
 *
 *   owner ─┬─ manager ─┬─ report
 *          │           └─ peer (the report's peer: neither manages the other)
 *          └─ colleague
 *   outsider: owner of another organization
 */
export async function oneOnOneTeam(app: FastifyInstance) {
  const owner = await founder(app, "Olivia Owner");
  const manager = await invite(app, owner, "Mara Manager", { managerId: owner.id });
  const report = await invite(app, owner, "Remy Report", { managerId: manager.id });
  const peer = await invite(app, owner, "Pia Peer", { managerId: manager.id });
  const colleague = await invite(app, owner, "Cole Colleague", { managerId: owner.id });
  const outsider = await founder(app, "Xena Outsider");
  return { owner, manager, report, peer, colleague, outsider };
}

/** A fresh manager and their report under `owner`: a pair with no series yet. */
export async function pairUnder(app: FastifyInstance, owner: Member) {
  const manager = await invite(app, owner, "Mara Manager", { managerId: owner.id });
  const report = await invite(app, owner, "Remy Report", { managerId: manager.id });
  return { manager, report };
}
