import type { AppContext } from "../context";
import type { SeriesRow } from "./store";

/**
 * Tells the two people of a one-on-one that one of its meetings changed (its time, state, shared
 * notes, points or action items; never a private note). Already committed: a failure to announce
 * is logged, never turned into a failed request.
 */
export async function publishMeetingChange(
  ctx: AppContext,
  series: Pick<SeriesRow, "id" | "first_person_id" | "second_person_id">,
  meetingIds: readonly string[],
): Promise<void> {
  const at = ctx.clock.now().toISOString();
  for (const meetingId of new Set(meetingIds)) {
    try {
      await ctx.events.publish({
        kind: "meeting.changed",
        meetingId,
        seriesId: series.id,
        at,
        audience: [series.first_person_id, series.second_person_id],
      });
    } catch (error) {
      ctx.log.warn({ err: error, meetingId }, "live events: could not announce a meeting change");
    }
  }
}
