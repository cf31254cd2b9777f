/**
 * A record's period as calendar months, each with the same standing whatever it holds: a quiet
 * month is listed as fully as a busy one, so a review reads the whole period and not its last weeks.
 */
import { countOutcome, noOutcomes, type OutcomeCounts } from "./record";
import { localDateOf } from "./zone-calendar";

/** What splitting needs of a finished or dropped item. */
export interface MonthlyItem {
  state: "done" | "dropped";
  finishedAt: string;
  onTime: boolean | null;
}

export interface RecordMonth<T extends MonthlyItem> {
  /** `YYYY-MM`. */
  month: string;
  /** "March 2026". */
  label: string;
  /** The part of the month inside the period, local dates, both inclusive. */
  from: string;
  to: string;
  /** Whether the whole month is inside the period. */
  whole: boolean;
  /** Newest first. */
  items: T[];
  counts: OutcomeCounts;
}

export interface MonthlyPeriod<T extends MonthlyItem> {
  timeZone: string;
  from: string;
  to: string;
  items: readonly T[];
}

export const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "March 2026" for `2026-03` (or any date in it). */
export function monthLabel(monthOrDate: string): string {
  const month = Number(monthOrDate.slice(5, 7));
  return `${monthNames[month - 1] ?? "?"} ${monthOrDate.slice(0, 4)}`;
}

/**
 * Every calendar month that overlaps `[from, to]`, oldest first, empty ones included. Each item
 * goes to the month of its `finishedAt` in the period's zone; items outside the period are left out.
 */
export function recordMonths<T extends MonthlyItem>(period: MonthlyPeriod<T>): RecordMonth<T>[] {
  const months = monthsBetween(period.from, period.to).map((month): RecordMonth<T> => {
    const first = `${month}-01`;
    const last = `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;
    const from = laterOf(first, period.from);
    const to = earlierOf(last, period.to);
    return {
      month,
      label: monthLabel(month),
      from,
      to,
      whole: from === first && to === last,
      items: [],
      counts: noOutcomes(),
    };
  });
  const byMonth = new Map(months.map((month) => [month.month, month]));
  const dated = period.items.map((item) => ({ item, date: localDateOf(item.finishedAt, period.timeZone) }));
  dated.sort((a, b) => Date.parse(b.item.finishedAt) - Date.parse(a.item.finishedAt));
  for (const { item, date } of dated) {
    if (date < period.from || date > period.to) continue;
    const month = byMonth.get(date.slice(0, 7));
    if (!month) continue;
    month.items.push(item);
    countOutcome(month.counts, item);
  }
  return months;
}

/** `YYYY-MM` of every month from the one holding `from` to the one holding `to`. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

function daysInMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  if (index === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(index) ? 30 : 31;
}

const laterOf = (a: string, b: string) => (a > b ? a : b);
const earlierOf = (a: string, b: string) => (a < b ? a : b);
