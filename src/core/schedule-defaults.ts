/** A person's working days and hours, local to their zone; `[start, end)` on each listed ISO weekday. */
export interface WorkingHours {
  days: number[];
  start: string;
  end: string;
}

/** When a person's digest arrives: each of `times` on each of `days`, local to their zone. */
export interface DigestSchedule {
  times: string[];
  days: number[];
}

/** What a new person starts with until they say otherwise. */
export const defaultTimeZone = "UTC";
export const defaultWorkingHours: WorkingHours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" };
export const defaultDigest: DigestSchedule = { times: ["09:00"], days: [1, 2, 3, 4, 5] };
