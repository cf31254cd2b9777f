/**
 * Periods of a record: calendar dates (`YYYY-MM-DD`) in the person's zone, both ends included.
 * The arithmetic here is on plain calendar dates; "today" is read in the person's zone by the caller.
 */

export const PERIOD_CHOICES = [
  "this-quarter",
  "last-quarter",
  "last-6-months",
  "last-12-months",
  "custom",
] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

export const DEFAULT_PERIOD = "last-12-months" satisfies PeriodChoice;

/** The longest period a record covers, in years. */
export const MAX_PERIOD_YEARS = 5;

export interface Period {
  from: string;
  to: string;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const [, year = "1970", month = "1", day = "1"] = LOCAL_DATE.exec(date) ?? [];
  return [Number(year), Number(month), Number(day)];
}

function fromUtc(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/**
 * Whether a value is a real calendar date written `YYYY-MM-DD` (not 2026-02-30), from the year 1000
 * on: a date field half typed reads 0002-05-10 on its way to 2026-05-10.
 */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== "string" || !LOCAL_DATE.test(value)) return false;
  const [year, month, day] = parts(value);
  if (year < 1000) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = parts(date);
  return fromUtc(Date.UTC(year, month - 1, day + days));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day some months (or years) earlier, or the month's last day when it has no such day. */
export function subtractMonths(date: string, months: number): string {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return fromUtc(Date.UTC(targetYear, targetMonth - 1, Math.min(day, daysInMonth(targetYear, targetMonth))));
}

/** The calendar quarter a date falls in: 1 for January to March, … 4 for October to December. */
export function quarterOf(date: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const [year, month] = parts(date);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** The first day of the calendar quarter a date falls in. */
export function startOfQuarter(date: string): string {
  const { year, quarter } = quarterOf(date);
  return fromUtc(Date.UTC(year, (quarter - 1) * 3, 1));
}

/** The last `months` months up to and including today: "last 6 months" on May 10 starts Nov 11. */
function lastMonths(today: string, months: number): Period {
  return { from: addDays(subtractMonths(today, months), 1), to: today };
}

/**
 * The dates a choice covers, `today` being today's date in the person's zone. "This quarter" runs
 * to today; "last quarter" is the whole quarter before. A custom choice needs its own dates.
 */
export function periodFor(choice: Exclude<PeriodChoice, "custom">, today: string): Period {
  switch (choice) {
    case "this-quarter":
      return { from: startOfQuarter(today), to: today };
    case "last-quarter": {
      const thisQuarter = startOfQuarter(today);
      return { from: subtractMonths(thisQuarter, 3), to: addDays(thisQuarter, -1) };
    }
    case "last-6-months":
      return lastMonths(today, 6);
    case "last-12-months":
      return lastMonths(today, 12);
  }
}

/** Why a custom period cannot be read, or null when it can. */
export function customPeriodProblem(period: Period): string | null {
  if (period.from > period.to) return "The first day comes after the last day. Swap them or pick new dates.";
  const lastDay = addDays(subtractMonths(period.from, -12 * MAX_PERIOD_YEARS), -1);
  if (period.to > lastDay) return `A record covers at most ${MAX_PERIOD_YEARS} years. Pick a shorter period.`;
  return null;
}

/** How each choice reads in the period picker. */
export const PERIOD_LABELS: { [choice in PeriodChoice]: string } = {
  "this-quarter": "This quarter",
  "last-quarter": "Last quarter",
  "last-6-months": "Last 6 months",
  "last-12-months": "Last 12 months",
  custom: "Custom",
};
