import type { Feedback } from "../../contract/feedback";
import type {
  Meeting,
  ParticipantGoals,
  PlateAgenda,
  Series,
  TalkingPoint,
} from "../../contract/one-on-ones";
import type { Task } from "../../contract/tasks";
import { endsAt } from "../../core/meeting-cadence";
import { cadenceOf } from "./series-shape";
import type { MeetingRow, SeriesRow, TalkingPointRow } from "./store";

/** A series as answered: `next`, its next upcoming meeting as the caller reads it, while it goes on. */
export function presentSeries(row: SeriesRow, next: Meeting | undefined): Series {
  return {
    id: row.id,
    participantIds: [row.first_person_id, row.second_person_id],
    organizerId: row.organizer_id,
    cadence: cadenceOf(row),
    timeZone: row.time_zone,
    createdAt: row.created_at,
    endedAt: row.ended_at,
    nextMeeting: row.ended_at !== null || next === undefined ? null : next,
  };
}

export function presentTalkingPoint(row: TalkingPointRow): TalkingPoint {
  return {
    id: row.id,
    authorId: row.author_id,
    text: row.text,
    discussed: Boolean(row.discussed),
    carriedFrom: row.carried_from,
    timesCarried: row.times_carried,
    createdAt: row.created_at,
  };
}

export function presentMeeting(
  series: SeriesRow,
  row: MeetingRow,
  parts: {
    points: TalkingPointRow[];
    actionItems: Task[];
    fromThePlate: PlateAgenda[];
    goals: ParticipantGoals[];
    feedbackSince: Feedback[];
  },
): Meeting {
  return {
    id: row.id,
    seriesId: row.series_id,
    scheduledAt: row.scheduled_at,
    endsAt: endsAt(new Date(row.scheduled_at), series.minutes).toISOString(),
    state: row.state,
    talkingPoints: parts.points.map(presentTalkingPoint),
    sharedNotes: row.shared_notes,
    actionItems: parts.actionItems,
    fromThePlate: parts.fromThePlate,
    goals: parts.goals,
    feedbackSince: parts.feedbackSince,
    version: row.version,
  };
}
