import type { Transaction } from "kysely";
import type { WebhookMeeting } from "../../contract/webhooks";
import { endsAt } from "../../core/meeting-cadence";
import type { Database } from "../db/schema";
import type { MeetingRow, SeriesRow } from "../one-on-ones/store";
import { queueEvent } from "./enqueue";

/** `meeting.held`, in the transaction that marks the meeting held: who met and when, never what they wrote. */
export async function queueMeetingHeld(
  trx: Transaction<Database>,
  series: SeriesRow,
  meeting: MeetingRow,
  at: string,
): Promise<void> {
  await queueEvent(trx, { organizationId: series.organization_id, type: "meeting.held", at }, async () =>
    webhookMeeting(series, meeting),
  );
}

export function webhookMeeting(series: SeriesRow, meeting: MeetingRow): WebhookMeeting {
  return {
    id: meeting.id,
    seriesId: meeting.series_id,
    participantIds: [series.first_person_id, series.second_person_id],
    scheduledAt: meeting.scheduled_at,
    endsAt: endsAt(new Date(meeting.scheduled_at), series.minutes).toISOString(),
    state: meeting.state,
    version: meeting.version,
  };
}
