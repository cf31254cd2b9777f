import type { DigestSchedule } from "../../contract";
import { WEEKDAYS } from "./settingsValues";

const WEEKDAYS_ONLY = [1, 2, 3, 4, 5];

/** "a, b and c". */
export function listing(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** "every day", "Monday to Friday", "Mon, Wed and Fri". */
export function daysPhrase(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return "every day";
  if (sorted.join() === WEEKDAYS_ONLY.join()) return "Monday to Friday";
  if (sorted.length === 1) return `on ${WEEKDAYS[(sorted[0] ?? 1) - 1]?.long}s`;
  return `on ${listing(sorted.map((day) => WEEKDAYS[day - 1]?.short ?? String(day)))}`;
}

/** When the digest arrives, as a sentence: "Your digest arrives at 08:00 and 13:00, Monday to Friday, in Europe/Berlin." */
export function digestSchedulePhrase(digest: DigestSchedule, timeZone: string): string {
  if (digest.times.length === 0 || digest.days.length === 0) {
    return "No digest is scheduled: you will not get one until you pick a time and a day.";
  }
  const times = listing([...digest.times].sort());
  return `Your digest arrives at ${times}, ${daysPhrase(digest.days)}, in ${timeZone}.`;
}

/** When urgent items may reach someone: "Monday to Friday, 09:00–17:00", or null with no working days. */
export function workingHoursPhrase(hours: {
  days: readonly number[];
  start: string;
  end: string;
}): string | null {
  if (hours.days.length === 0) return null;
  const days = daysPhrase(hours.days);
  const time = hours.start && hours.end ? `, ${hours.start}–${hours.end}` : "";
  return `${days.charAt(0).toUpperCase()}${days.slice(1)}${time}`;
}
