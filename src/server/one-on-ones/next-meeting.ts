import type { Kysely, Transaction } from "kysely";
import { nextFreeSlot } from "../../core/meeting-cadence";
import type { Database } from "../db/schema";
import { newId } from "../platform/ids";
import { cadenceSeriesOf } from "./series-shape";
import { insertMeeting, type MeetingRow, meetingsOfSeries, type SeriesRow } from "./store";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Within the series' lock: makes sure a going series has an upcoming meeting after `meeting` (which
 * is about to be marked held or skipped), creating it at the next free cadence slot, so the points
 * not discussed have somewhere to go. Answers every meeting of the series, the new one included.
 */
export async function withMeetingAfter(
  trx: Db,
  series: SeriesRow,
  meeting: MeetingRow,
  now: Date,
): Promise<MeetingRow[]> {
  const meetings = await meetingsOfSeries(trx, series.id);
  if (series.ended_at !== null) return meetings;
  const later = meetings.some(
    (other) =>
      other.id !== meeting.id &&
      other.state === "upcoming" &&
      (Date.parse(other.scheduled_at) > Date.parse(meeting.scheduled_at) ||
        (Date.parse(other.scheduled_at) === Date.parse(meeting.scheduled_at) && other.id > meeting.id)),
  );
  if (later) return meetings;
  const taken = [...meetings.map((row) => new Date(row.slot_at)), new Date(meeting.scheduled_at)];
  const slot = nextFreeSlot(cadenceSeriesOf(series), now, taken).toISOString();
  const at = now.toISOString();
  const next = await insertMeeting(trx, {
    id: newId(),
    series_id: series.id,
    slot_at: slot,
    scheduled_at: slot,
    state: "upcoming",
    created_at: at,
    updated_at: at,
  });
  return [...meetings, next];
}
