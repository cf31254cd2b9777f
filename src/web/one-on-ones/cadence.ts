import type { Cadence } from "../../contract";
import { formatInZone, sameWallClock } from "../components/due";

const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** "Tuesday" for ISO weekday 2. */
export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? "";
}

/** The weekdays as a select offers them, Monday first. */
export const WEEKDAY_OPTIONS = WEEKDAY_NAMES.map((name, index) => ({
  value: String(index + 1),
  label: name,
}));

/** The local time a meeting of `minutes` starting at `time` ends, `HH:MM` (past midnight wraps round). */
export function endTime(time: string, minutes: number): string {
  const [hours = 0, mins = 0] = time.split(":").map(Number);
  const end = (hours * 60 + mins + minutes) % (24 * 60);
  return `${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`;
}

/** "Every week", "Every 2 weeks". */
export function everyPhrase(everyWeeks: number): string {
  return everyWeeks === 1 ? "Every week" : `Every ${everyWeeks} weeks`;
}

/** A series' cadence in words: "Every 2 weeks on Tuesday, 10:00–10:30 Europe/Berlin". */
export function cadencePhrase(cadence: Cadence, timeZone: string): string {
  const time = `${cadence.time}–${endTime(cadence.time, cadence.minutes)}`;
  return `${everyPhrase(cadence.everyWeeks)} on ${weekdayName(cadence.weekday)}, ${time} ${timeZone}`;
}

/** When a meeting is: on my clock, and on another's (the organizer's, the other person's) when it reads differently. */
export interface MeetingTimes {
  mine: string;
  /** "Tue, Mar 14, 10:00 AM Europe/Berlin", or null when that clock reads as mine. */
  theirs: string | null;
}

export function meetingTimes(scheduledAt: string, myZone: string, theirZone: string): MeetingTimes {
  const instant = Date.parse(scheduledAt);
  return {
    mine: formatInZone(instant, myZone),
    theirs: sameWallClock(instant, myZone, theirZone)
      ? null
      : `${formatInZone(instant, theirZone)} ${theirZone}`,
  };
}

/** "Tue, Mar 14, 10:00 AM (Tue, Mar 14, 9:00 AM Europe/London)": mine, and theirs when it differs. */
export function meetingTimePhrase(scheduledAt: string, myZone: string, theirZone: string): string {
  const { mine, theirs } = meetingTimes(scheduledAt, myZone, theirZone);
  return theirs ? `${mine} (${theirs})` : mine;
}
