import type { Cadence } from "../../contract";

/** A cadence as a form's fields hold it: selects hold strings, the length a number. */
export interface CadenceValues {
  everyWeeks: string;
  weekday: string;
  time: string;
  minutes: number | string;
}

export const MIN_MINUTES = 15;
export const MAX_MINUTES = 120;

export const EVERY_WEEKS_OPTIONS = [
  { value: "1", label: "Every week" },
  { value: "2", label: "Every 2 weeks" },
  { value: "3", label: "Every 3 weeks" },
  { value: "4", label: "Every 4 weeks" },
];

/** A new series' cadence until changed: every week, on Monday, at 10:00, for 30 minutes. */
export const DEFAULT_CADENCE: Cadence = { everyWeeks: 1, weekday: 1, time: "10:00", minutes: 30 };

export function cadenceValues(cadence: Cadence): CadenceValues {
  return {
    everyWeeks: String(cadence.everyWeeks),
    weekday: String(cadence.weekday),
    time: cadence.time,
    minutes: cadence.minutes,
  };
}

/** The cadence the fields say; the server checks the ranges, and its messages show at the fields. */
export function toCadence(values: CadenceValues): Cadence {
  return {
    everyWeeks: Number(values.everyWeeks),
    weekday: Number(values.weekday),
    time: values.time.slice(0, 5),
    minutes: Number(values.minutes),
  };
}

/** Why a length cannot be sent, or null. */
export function minutesProblem(minutes: number | string): string | null {
  const value = Number(minutes);
  if (minutes === "" || !Number.isInteger(value)) return "Give the length in whole minutes";
  return value < MIN_MINUTES || value > MAX_MINUTES
    ? `A one-on-one lasts ${MIN_MINUTES} to ${MAX_MINUTES} minutes`
    : null;
}

/** Why a time cannot be sent, or null. */
export function timeProblem(time: string): string | null {
  return /^([01]\d|2[0-3]):[0-5]\d/.test(time) ? null : "Pick a time of day";
}
