/**
 * Which digest tells a person that a one-on-one is coming: the last of their digests at least two
 * hours before it. A digest at slot S tells of a meeting when S is at least two hours before it and
 * the person's following slot is not. No other message is ever sent for a meeting.
 */
import { nextDigestSlot } from "./schedule";
import type { DigestSchedule } from "./schedule-defaults";

/** How long before a meeting its notice comes at the latest. */
export const meetingNoticeLeadMs = 2 * 60 * 60_000;

/** Whose digests: their schedule, in their zone. */
export interface DigestReader {
  schedule: DigestSchedule;
  timeZone: string;
}

/**
 * The meetings the digest at `slot` tells of: those scheduled in `[from, until)`. Null when the
 * person has no digests at all (no times or no days): then nothing ever tells them.
 */
export function meetingNoticeWindow(reader: DigestReader, slot: Date): { from: Date; until: Date } | null {
  const following = nextDigestSlot(reader.schedule, reader.timeZone, slot);
  if (following === null) return null;
  return {
    from: new Date(slot.getTime() + meetingNoticeLeadMs),
    until: new Date(following.getTime() + meetingNoticeLeadMs),
  };
}

/**
 * Of `meetings`, those the digest at `slot`, written at `now`, tells of, soonest first: in the
 * slot's window, and still ahead when it is written (a digest sent late, after a server was down,
 * does not announce a meeting already begun).
 */
export function meetingsToTell<M extends { scheduledAt: string }>(
  reader: DigestReader,
  slot: Date,
  now: Date,
  meetings: readonly M[],
): M[] {
  const window = meetingNoticeWindow(reader, slot);
  if (window === null) return [];
  return meetings
    .filter((meeting) => {
      const at = Date.parse(meeting.scheduledAt);
      return at >= window.from.getTime() && at < window.until.getTime() && at > now.getTime();
    })
    .sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
}
