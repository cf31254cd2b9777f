import type { Cadence } from "../../contract/one-on-ones";
import type { SeriesSubject } from "../../core/access";
import type { CadenceSeries } from "../../core/meeting-cadence";
import type { MeetingSlot, TalkingPoint } from "../../core/talking-points";
import type { MeetingRow, SeriesRow, TalkingPointRow } from "./store";

/** A series as access sees it: its organization and its two people. */
export function seriesSubject(row: SeriesRow): SeriesSubject {
  return { organizationId: row.organization_id, participantIds: [row.first_person_id, row.second_person_id] };
}

export function cadenceOf(row: SeriesRow): Cadence {
  return { everyWeeks: row.every_weeks, weekday: row.weekday, time: row.local_time, minutes: row.minutes };
}

/** A series' timing as the cadence rules take it. */
export function cadenceSeriesOf(row: SeriesRow): CadenceSeries {
  return { cadence: cadenceOf(row), timeZone: row.time_zone, anchor: row.anchor_date };
}

export function meetingSlot(row: MeetingRow): MeetingSlot {
  return { id: row.id, scheduledAt: row.scheduled_at, state: row.state };
}

export function talkingPointOf(row: TalkingPointRow): TalkingPoint {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    authorId: row.author_id,
    text: row.text,
    discussed: Boolean(row.discussed),
    carriedFrom: row.carried_from,
    timesCarried: row.times_carried,
    rank: row.rank,
    createdAt: row.created_at,
  };
}
