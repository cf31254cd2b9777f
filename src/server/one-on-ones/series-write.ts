import type { CreateSeries, Series, UpdateSeries } from "../../contract/one-on-ones";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import { AppError, notFound, ruleViolated } from "../../core/errors";
import { anchorAfterChange, nextFreeSlot, occurrenceAt, seriesAnchor } from "../../core/meeting-cadence";
import type { AppContext } from "../context";
import { isUniqueViolation, lockSeries } from "../db/dialect";
import { findPerson } from "../people/store";
import { newId } from "../platform/ids";
import { publishMeetingChange } from "./live";
import { seriesAnswer, seriesFor } from "./read";
import { cadenceOf, cadenceSeriesOf } from "./series-shape";
import {
  goingSeriesOfPair,
  insertMeeting,
  insertSeries,
  meetingsOfSeries,
  updateMeeting,
  updateSeries,
} from "./store";

const alreadyPaired = () =>
  new AppError(
    "already_exists",
    "You already have a one-on-one with this person: change its cadence instead.",
  );

/** Sets up a one-on-one between the actor and another person of their organization, with its first meeting. */
export async function createSeries(ctx: AppContext, actor: Actor, input: CreateSeries): Promise<Series> {
  requireOrganization(actor);
  if (input.withId === actor.id) {
    throw ruleViolated("A one-on-one is between two people: choose someone else.", [
      { path: "withId", message: "not yourself" },
    ]);
  }
  const now = ctx.clock.now();
  const at = now.toISOString();
  try {
    const created = await ctx.db.transaction().execute(async (trx) => {
      const other = await findPerson(trx, input.withId);
      if (!other) throw notFound("Person");
      authorize(actor, {
        kind: "oneOnOne.create",
        with: { id: other.id, organizationId: other.organization_id },
      });
      const me = await findPerson(trx, actor.id);
      const timeZone = input.timeZone ?? me?.time_zone ?? "UTC";
      const anchor = seriesAnchor(input.cadence, timeZone, now, input.firstDate);
      const pair = [actor.id, other.id].sort() as [string, string];
      if (await goingSeriesOfPair(trx, pair)) throw alreadyPaired();
      const series = await insertSeries(trx, {
        id: newId(),
        organization_id: actor.organizationId,
        first_person_id: pair[0],
        second_person_id: pair[1],
        organizer_id: actor.id,
        every_weeks: input.cadence.everyWeeks,
        weekday: input.cadence.weekday,
        local_time: input.cadence.time,
        minutes: input.cadence.minutes,
        time_zone: timeZone,
        anchor_date: anchor,
        created_at: at,
      });
      const first = occurrenceAt(cadenceSeriesOf(series), 0).toISOString();
      const meeting = await insertMeeting(trx, {
        id: newId(),
        series_id: series.id,
        slot_at: first,
        scheduled_at: first,
        state: "upcoming",
        created_at: at,
        updated_at: at,
      });
      return { series, meetingId: meeting.id };
    });
    await publishMeetingChange(ctx, created.series, [created.meetingId]);
    return seriesAnswer(ctx, actor, created.series);
  } catch (error) {
    // Two set-ups of the same pair at once: the database lets one through.
    if (isUniqueViolation(error)) throw alreadyPaired();
    throw error;
  }
}

/**
 * Changes a series' cadence or zone from now on, or ends it. Meetings already held or skipped, and
 * meetings moved by hand, stay as they are; the upcoming meeting that follows the cadence moves to
 * the new cadence. Ending skips the meetings still ahead and deletes nothing: what either person
 * wrote on them stays theirs to read, and whether one of them wrote something the other cannot see
 * shows nowhere.
 */
export async function changeSeries(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateSeries,
): Promise<Series> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    await lockSeries(trx, ctx.dialect, id);
    const series = await seriesFor(trx, actor, id, "oneOnOne.write");
    if (series.ended_at !== null) {
      throw ruleViolated("This one-on-one has ended: set up a new one to meet again.", [
        { path: "ended", message: "the series has ended" },
      ]);
    }
    const meetings = await meetingsOfSeries(trx, series.id);
    const upcoming = meetings.filter((meeting) => meeting.state === "upcoming");
    if (input.ended) {
      const ended = await updateSeries(trx, series.id, { ended_at: at });
      // Meetings still ahead will not happen: they are skipped, and keep whatever was written on them.
      const ahead = upcoming.filter((meeting) => Date.parse(meeting.scheduled_at) > now.getTime());
      for (const meeting of ahead) {
        await updateMeeting(trx, meeting.id, { state: "skipped", finished_at: at, updated_at: at });
      }
      return { series: ended, touched: ahead.map((meeting) => meeting.id) };
    }
    const cadence = input.cadence ?? cadenceOf(series);
    const timeZone = input.timeZone ?? series.time_zone;
    const anchor = anchorAfterChange(cadenceSeriesOf(series), { cadence, timeZone }, now);
    const changed = await updateSeries(trx, series.id, {
      every_weeks: cadence.everyWeeks,
      weekday: cadence.weekday,
      local_time: cadence.time,
      minutes: cadence.minutes,
      time_zone: timeZone,
      anchor_date: anchor,
    });
    // The upcoming meetings still ahead and never moved by hand follow the new cadence.
    const following = upcoming.filter(
      (meeting) =>
        meeting.scheduled_at === meeting.slot_at && Date.parse(meeting.scheduled_at) > now.getTime(),
    );
    const kept = meetings
      .filter((meeting) => !following.includes(meeting))
      .map((meeting) => new Date(meeting.slot_at));
    const touched: string[] = [];
    for (const meeting of following) {
      const slot = nextFreeSlot(cadenceSeriesOf(changed), now, kept).toISOString();
      kept.push(new Date(slot));
      if (slot !== meeting.slot_at) {
        await updateMeeting(trx, meeting.id, { slot_at: slot, scheduled_at: slot, updated_at: at });
      }
      touched.push(meeting.id);
    }
    return { series: changed, touched };
  });
  await publishMeetingChange(ctx, outcome.series, outcome.touched);
  return seriesAnswer(ctx, actor, outcome.series);
}
