import type { Transaction } from "kysely";
import type { CreateTalkingPoint, TalkingPoint, UpdateTalkingPoint } from "../../contract/one-on-ones";
import { type Actor, authorize } from "../../core/access";
import { notFound, ruleViolated } from "../../core/errors";
import {
  addTalkingPoint,
  assertOpenForPoints,
  rankForPoint,
  rewordTalkingPoint,
  tickTalkingPoint,
} from "../../core/talking-points";
import type { AppContext } from "../context";
import { flagValue, lockSeries } from "../db/dialect";
import type { Database } from "../db/schema";
import { newId } from "../platform/ids";
import { publishMeetingChange } from "./live";
import { presentTalkingPoint } from "./present";
import { meetingFor } from "./read";
import { meetingSlot, seriesSubject, talkingPointOf } from "./series-shape";
import {
  deleteTalkingPoint,
  findMeeting,
  findTalkingPoint,
  insertTalkingPoint,
  type MeetingRow,
  type SeriesRow,
  type TalkingPointRow,
  talkingPointsOf,
  updateTalkingPoint,
} from "./store";

/** A meeting takes new points while it holds fewer than this (points carried to it may take it past). */
export const talkingPointsPerMeeting = 100;

/** Adds a point to an upcoming meeting, at the end of its order; either participant may. */
export async function addPoint(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  input: CreateTalkingPoint,
): Promise<TalkingPoint> {
  const at = ctx.clock.now().toISOString();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const { series, meeting } = await lockedMeeting(ctx, trx, actor, meetingId);
    const points = (await talkingPointsOf(trx, meeting.id)).map(talkingPointOf);
    if (points.length >= talkingPointsPerMeeting) {
      throw ruleViolated(`A meeting takes at most ${talkingPointsPerMeeting} talking points.`, [
        { path: "text", message: "the meeting's agenda is full" },
      ]);
    }
    const point = addTalkingPoint(meetingSlot(meeting), points, {
      id: newId(),
      authorId: actor.id,
      text: input.text,
      createdAt: at,
    });
    const row = await insertTalkingPoint(trx, {
      id: point.id,
      series_id: series.id,
      meeting_id: meeting.id,
      author_id: point.authorId,
      text: point.text,
      discussed: flagValue(ctx.dialect, false),
      rank: point.rank,
      created_at: at,
      updated_at: at,
    });
    return { series, row };
  });
  await publishMeetingChange(ctx, outcome.series, [outcome.row.meeting_id]);
  return presentTalkingPoint(outcome.row);
}

/** Ticks, orders or (its author only) rewords a point of an upcoming meeting. */
export async function changePoint(
  ctx: AppContext,
  actor: Actor,
  pointId: string,
  input: UpdateTalkingPoint,
): Promise<TalkingPoint> {
  const at = ctx.clock.now().toISOString();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const { series, meeting, row } = await lockedPoint(ctx, trx, actor, pointId);
    let point = talkingPointOf(row);
    const slot = meetingSlot(meeting);
    if (input.text !== undefined && input.text !== point.text) {
      authorize(actor, {
        kind: "talkingPoint.reword",
        series: seriesSubject(series),
        authorId: row.author_id,
      });
      point = rewordTalkingPoint(slot, point, input.text);
    }
    if (input.discussed !== undefined) point = tickTalkingPoint(slot, point, input.discussed);
    if (input.placement !== undefined) {
      const points = (await talkingPointsOf(trx, meeting.id)).map(talkingPointOf);
      point = { ...point, rank: rankForPoint(slot, points, input.placement, point.id) };
    }
    assertOpenForPoints(slot);
    const unchanged =
      point.text === row.text && point.discussed === Boolean(row.discussed) && point.rank === row.rank;
    if (unchanged) return { series, row, changed: false };
    const updated = await updateTalkingPoint(trx, row.id, {
      text: point.text,
      discussed: flagValue(ctx.dialect, point.discussed),
      rank: point.rank,
      updated_at: at,
    });
    return { series, row: updated, changed: true };
  });
  if (outcome.changed) await publishMeetingChange(ctx, outcome.series, [outcome.row.meeting_id]);
  return presentTalkingPoint(outcome.row);
}

/** Deletes a point of an upcoming meeting: its author only. */
export async function removePoint(ctx: AppContext, actor: Actor, pointId: string): Promise<void> {
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const { series, meeting, row } = await lockedPoint(ctx, trx, actor, pointId);
    authorize(actor, { kind: "talkingPoint.reword", series: seriesSubject(series), authorId: row.author_id });
    assertOpenForPoints(meetingSlot(meeting));
    await deleteTalkingPoint(trx, row.id);
    return { series, meetingId: meeting.id };
  });
  await publishMeetingChange(ctx, outcome.series, [outcome.meetingId]);
}

/** A meeting the actor may write in, its series locked until the transaction ends. */
async function lockedMeeting(
  ctx: AppContext,
  trx: Transaction<Database>,
  actor: Actor,
  meetingId: string,
): Promise<{ series: SeriesRow; meeting: MeetingRow }> {
  const found = await findMeeting(trx, meetingId);
  if (found) await lockSeries(trx, ctx.dialect, found.series_id);
  return meetingFor(trx, actor, meetingId, "oneOnOne.write");
}

/** A point the actor may change, with its meeting and series, the series locked (404 for anyone else). */
async function lockedPoint(
  ctx: AppContext,
  trx: Transaction<Database>,
  actor: Actor,
  pointId: string,
): Promise<{ series: SeriesRow; meeting: MeetingRow; row: TalkingPointRow }> {
  const found = await findTalkingPoint(trx, pointId);
  if (!found) throw notFound("Talking point");
  await lockSeries(trx, ctx.dialect, found.series_id);
  // Re-read under the lock: a carry-over may have moved the point to another meeting meanwhile.
  const row = (await findTalkingPoint(trx, pointId)) ?? found;
  const { series, meeting } = await meetingFor(trx, actor, row.meeting_id, "oneOnOne.write");
  return { series, meeting, row };
}
