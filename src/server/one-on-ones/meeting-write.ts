import type { Updateable } from "kysely";
import type { Meeting, UpdateMeeting } from "../../contract/one-on-ones";
import type { Actor } from "../../core/access";
import { AppError, ruleViolated } from "../../core/errors";
import { finishMeeting } from "../../core/talking-points";
import type { AppContext } from "../context";
import { lockSeries } from "../db/dialect";
import type { MeetingTable } from "../db/schema";
import { queueMeetingHeld } from "../webhooks/meeting-events";
import { publishMeetingChange } from "./live";
import { withMeetingAfter } from "./next-meeting";
import { meetingAnswer, meetingFor } from "./read";
import { meetingSlot, talkingPointOf } from "./series-shape";
import { findMeeting, talkingPointsOfMeetings, updateMeeting, updateTalkingPoint } from "./store";

/**
 * Changes one meeting under its series' lock, checked against `version` (409 with the meeting as it
 * is now): moves it (the series keeps its cadence), writes its shared notes, or marks it held or
 * skipped. Marking an upcoming meeting carries its points not discussed to the next meeting, which
 * is created first when the series goes on.
 */
export async function changeMeeting(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateMeeting,
): Promise<Meeting> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const found = await findMeeting(trx, id);
    if (found) await lockSeries(trx, ctx.dialect, found.series_id);
    const { series, meeting } = await meetingFor(trx, actor, id, "oneOnOne.write");
    if (input.version !== meeting.version) {
      throw new AppError(
        "version_conflict",
        "This meeting was changed by someone else: here is how it is now.",
        {
          current: await meetingAnswer(ctx, actor, series, meeting, trx),
        },
      );
    }
    const changes: Updateable<MeetingTable> = {};
    const touched = [meeting.id];
    if (
      input.scheduledAt !== undefined &&
      Date.parse(input.scheduledAt) !== Date.parse(meeting.scheduled_at)
    ) {
      if (meeting.state !== "upcoming") {
        throw ruleViolated(`This meeting was ${meeting.state}: it stays when it happened.`, [
          { path: "scheduledAt", message: `the meeting was ${meeting.state}` },
        ]);
      }
      changes.scheduled_at = new Date(input.scheduledAt).toISOString();
    }
    if (input.sharedNotes !== undefined && input.sharedNotes !== meeting.shared_notes) {
      changes.shared_notes = input.sharedNotes;
    }
    if (input.state !== undefined && input.state !== meeting.state) {
      const moved = { ...meeting, scheduled_at: changes.scheduled_at ?? meeting.scheduled_at };
      if (meeting.state === "upcoming") {
        const meetings = (await withMeetingAfter(trx, series, moved, now)).map((row) =>
          row.id === moved.id ? moved : row,
        );
        const upcomingIds = meetings.filter((row) => row.state === "upcoming").map((row) => row.id);
        const points = await talkingPointsOfMeetings(trx, upcomingIds);
        const finish = finishMeeting(
          meetings.map(meetingSlot),
          points.map(talkingPointOf),
          meeting.id,
          input.state,
          {
            seriesEnded: series.ended_at !== null,
          },
        );
        for (const carried of finish.carried) {
          await updateTalkingPoint(trx, carried.pointId, {
            meeting_id: carried.meetingId,
            carried_from: carried.carriedFrom,
            times_carried: carried.timesCarried,
            rank: carried.rank,
            updated_at: at,
          });
        }
        if (finish.carriedTo !== null) touched.push(finish.carriedTo);
        changes.finished_at = at;
      }
      changes.state = input.state;
    }
    if (Object.keys(changes).length === 0) return { series, meeting, touched: [] };
    const updated = await updateMeeting(trx, meeting.id, { ...changes, updated_at: at });
    if (changes.state === "held") await queueMeetingHeld(trx, series, updated, at);
    return { series, meeting: updated, touched };
  });
  await publishMeetingChange(ctx, outcome.series, outcome.touched);
  return meetingAnswer(ctx, actor, outcome.series, outcome.meeting);
}
