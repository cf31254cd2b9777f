import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import { Id, Instant } from "../../contract/common";
import type { Meeting, MeetingPage, MeetingsQuery, Series } from "../../contract/one-on-ones";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import { notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { pageOf, readCursor } from "../db/pages";
import type { Database } from "../db/schema";
import { feedbackReceivedInView } from "../feedback/read";
import { activeGoalsInView } from "../goals/read";
import { meetingTasks } from "../tasks/pair-reads";
import { presentTask } from "../tasks/present";
import { agendaScope, fromThePlate, headersOfPair, plateOf, visiblePlates } from "./agenda";
import { presentMeeting, presentSeries } from "./present";
import { seriesSubject } from "./series-shape";
import {
  findSeries,
  type MeetingRead,
  type MeetingRow,
  meetingsPage,
  nextMeetings,
  previousHeld,
  readMeeting,
  type SeriesRow,
  seriesOf,
  talkingPointsOf,
} from "./store";

type Db = Kysely<Database> | Transaction<Database>;

/** The most series a person's list answers: far more than anyone holds going at once. */
const seriesListLimit = 200;

/** A series the actor takes part in (404 for anyone else, owners and admins included). */
export async function seriesFor(
  db: Db,
  actor: Actor,
  id: string,
  kind: "oneOnOne.read" | "oneOnOne.write" = "oneOnOne.read",
): Promise<SeriesRow> {
  const series = await findSeries(db, id);
  if (!series) throw notFound("One-on-one");
  authorize(actor, { kind, series: seriesSubject(series) });
  return series;
}

/**
 * A meeting, its series and when the series last held a meeting before it, for a participant (404
 * for anyone else).
 */
export async function meetingFor(
  db: Db,
  actor: Actor,
  id: string,
  kind: "oneOnOne.read" | "oneOnOne.write" = "oneOnOne.read",
): Promise<MeetingRead> {
  const read = await readMeeting(db, id);
  if (!read) throw notFound("Meeting");
  authorize(actor, { kind, series: seriesSubject(read.series) });
  return read;
}

export async function listSeries(ctx: AppContext, actor: Actor): Promise<Series[]> {
  requireOrganization(actor);
  const rows = await seriesOf(ctx.db, actor.id, seriesListLimit);
  return seriesAnswers(ctx, actor, rows);
}

export async function getSeries(ctx: AppContext, actor: Actor, id: string): Promise<Series> {
  return seriesAnswer(ctx, actor, await seriesFor(ctx.db, actor, id));
}

/** A series as `actor` reads it, with its next meeting in full. */
export async function seriesAnswer(ctx: AppContext, actor: Actor, series: SeriesRow): Promise<Series> {
  const [answer] = await seriesAnswers(ctx, actor, [series]);
  return answer as Series;
}

/** Series as `actor` reads them: the next meetings of the going ones read in one query, then each in full. */
async function seriesAnswers(ctx: AppContext, actor: Actor, rows: readonly SeriesRow[]): Promise<Series[]> {
  const going = rows.filter((row) => row.ended_at === null);
  const next = await nextMeetings(
    ctx.db,
    going.map((row) => row.id),
  );
  const meetings = new Map(
    await Promise.all(
      next.map(async (meeting) => {
        const series = going.find((row) => row.id === meeting.series_id) as SeriesRow;
        return [series.id, await meetingAnswer(ctx, actor, series, meeting)] as const;
      }),
    ),
  );
  return rows.map((row) => presentSeries(row, meetings.get(row.id)));
}

export async function listMeetings(
  ctx: AppContext,
  actor: Actor,
  seriesId: string,
  query: MeetingsQuery,
): Promise<MeetingPage> {
  const series = await seriesFor(ctx.db, actor, seriesId);
  const after = query.cursor === undefined ? undefined : readMeetingCursor(query.cursor);
  const rows = await meetingsPage(ctx.db, series.id, { when: query.when, limit: query.limit + 1, after });
  const { page, next } = pageOf(rows, query.limit, (last) => [last.scheduled_at, last.id]);
  const items = await Promise.all(page.map((meeting) => meetingAnswer(ctx, actor, series, meeting)));
  return { items, ...next };
}

const MeetingCursor = z.tuple([Instant, Id]);
const readMeetingCursor = (cursor: string) => {
  const [at, id] = readCursor(cursor, MeetingCursor);
  return { at, id };
};

export async function getMeeting(ctx: AppContext, actor: Actor, id: string): Promise<Meeting> {
  return answerOf(ctx, ctx.db, actor, await meetingFor(ctx.db, actor, id));
}

/** A meeting as `actor` reads it: its points, its action items and the plate's part, read now. */
export async function meetingAnswer(
  ctx: AppContext,
  actor: Actor,
  series: SeriesRow,
  meeting: MeetingRow,
  db: Db = ctx.db,
): Promise<Meeting> {
  const held = await previousHeld(db, series.id, meeting.scheduled_at);
  return answerOf(ctx, db, actor, {
    series,
    meeting,
    heldBefore: held?.scheduled_at,
    heldBeforeId: held?.id,
  });
}

/**
 * A meeting as `actor` reads it: its points and both participants' headers (which decide whose
 * plates and goals the actor may see), then every task the page shows in one read, the goals, and
 * the feedback received since the meeting before.
 */
async function answerOf(ctx: AppContext, db: Db, actor: Actor, read: MeetingRead): Promise<Meeting> {
  const now = ctx.clock.now();
  const [points, headers] = await Promise.all([
    talkingPointsOf(db, read.meeting.id),
    headersOfPair(db, read),
  ]);
  const plates = visiblePlates(actor, headers);
  const scope = agendaScope(read, now);
  const participants = [...headers].map(([personId, header]) => plateOf(personId, header));
  const [tasks, goals, feedbackSince] = await Promise.all([
    meetingTasks(db, {
      owners: plates.map((plate) => plate.personId),
      window: scope.window,
      dueBy: scope.dueBy,
      // The action items of the meeting held before this one show here: how last time's went.
      meetings: [read.heldBeforeId ?? read.meeting.id, read.meeting.id],
    }),
    activeGoalsInView(db, actor, participants, headers.get(actor.id)?.chain ?? []),
    feedbackReceivedInView(
      db,
      actor,
      [read.series.first_person_id, read.series.second_person_id],
      scope.window,
    ),
  ]);
  return presentMeeting(read.series, read.meeting, {
    points,
    actionItems: tasks.actionItems.map((row) => presentTask(row, row.position, now)),
    fromThePlate: fromThePlate(plates, scope, tasks, now),
    goals,
    feedbackSince,
  });
}
