import type { RecordItem } from "../../contract";
import { todayIn } from "../components/due";

export interface MonthOfItems {
  /** `YYYY-MM` in the person's zone. */
  month: string;
  items: RecordItem[];
}

/** The calendar date an item finished on, in the person's zone. */
export function finishedDate(item: Pick<RecordItem, "finishedAt">, timeZone: string): string {
  return todayIn(timeZone, Date.parse(item.finishedAt));
}

/** Items grouped by the month they finished in (the person's zone), newest month and item first. */
export function groupByMonth(items: readonly RecordItem[], timeZone: string): MonthOfItems[] {
  const newestFirst = [...items].sort((a, b) => Date.parse(b.finishedAt) - Date.parse(a.finishedAt));
  const months: MonthOfItems[] = [];
  for (const item of newestFirst) {
    const month = finishedDate(item, timeZone).slice(0, 7);
    const last = months[months.length - 1];
    if (last?.month === month) last.items.push(item);
    else months.push({ month, items: [item] });
  }
  return months;
}

const monthFormat = new Intl.DateTimeFormat(undefined, { timeZone: "UTC", month: "long", year: "numeric" });

/** "March 2026" for `2026-03`. */
export function monthLabel(month: string): string {
  const [year = 1970, number = 1] = month.split("-").map(Number);
  return monthFormat.format(Date.UTC(year, number - 1, 1));
}
