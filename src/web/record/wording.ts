import type { RecordItem, RecordSummary } from "../../contract";
import { formatPercent } from "./percent";

/** "1 task", "3 tasks". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The on-time rate as a figure, or plainly that there is nothing to judge it by. */
export function onTimeFigure(summary: Pick<RecordSummary, "onTimeRate">): string {
  return summary.onTimeRate === null ? "No due dates yet" : formatPercent(summary.onTimeRate);
}

/** What the on-time rate is made of. */
export function onTimeDetail(
  summary: Pick<RecordSummary, "onTimeRate" | "completedOnTime" | "completedLate">,
) {
  if (summary.onTimeRate === null) return "Nothing with a due date was completed in this period.";
  const judged = summary.completedOnTime + summary.completedLate;
  return `${summary.completedOnTime} of ${countOf(judged, "task")} with a due date finished on time.`;
}

/** How the completed work splits: "3 on time · 1 late · 2 without a due date". */
export function completedDetail(
  summary: Pick<RecordSummary, "completedOnTime" | "completedLate" | "completedWithoutDue">,
): string {
  return [
    `${summary.completedOnTime} on time`,
    `${summary.completedLate} late`,
    `${summary.completedWithoutDue} without a due date`,
  ].join(" · ");
}

/** Further facts of a period, said only when there is something to say. */
export function otherFacts(
  summary: Pick<RecordSummary, "requestsReceived" | "requestsCompleted" | "medianDaysToComplete">,
): string[] {
  const facts: string[] = [];
  if (summary.requestsReceived > 0 || summary.requestsCompleted > 0) {
    facts.push(
      `Team requests: ${countOf(summary.requestsReceived, "task")} received, ${summary.requestsCompleted} completed.`,
    );
  }
  if (summary.medianDaysToComplete !== null) {
    const days = summary.medianDaysToComplete;
    facts.push(
      days < 1
        ? "Typically completed within a day of being added."
        : `Typically ${days === 1 ? "1 day" : `${days} days`} from being added to being completed.`,
    );
  }
  return facts;
}

/** "3 one-on-ones held in this period.", said even when there were none. */
export function oneOnOnesHeldLine(held: number): string {
  if (held === 0) return "No one-on-ones held in this period.";
  return `${countOf(held, "one-on-one")} held in this period.`;
}

export type MarkTone = "on-time" | "late" | "no-due" | "dropped";

/** How an item ended, measured against the due in force when it finished. */
export function itemMark(item: Pick<RecordItem, "state" | "onTime" | "daysLate">): {
  label: string;
  tone: MarkTone;
} {
  if (item.state === "dropped") return { label: "No longer needed", tone: "dropped" };
  if (item.onTime === null) return { label: "No due date", tone: "no-due" };
  if (item.onTime) return { label: "On time", tone: "on-time" };
  const days = item.daysLate ?? 0;
  return { label: days === 0 ? "Late, same day" : `Late by ${countOf(days, "day")}`, tone: "late" };
}

/** How often the due moved later before the item finished, or null when it never did. */
export function slipsText(slips: number): string | null {
  if (slips <= 0) return null;
  return slips === 1 ? "Due moved later once" : `Due moved later ${slips}×`;
}

/** Why a dropped item was let go. */
export function dropText(reason: string | null): string {
  return reason ? `No longer needed: ${reason}` : "No longer needed";
}

const periodFormat = new Intl.DateTimeFormat(undefined, { timeZone: "UTC", dateStyle: "medium" });

function utcOf(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  return Date.UTC(year, month - 1, day);
}

/** A period as people read it, "Nov 11, 2025 – May 10, 2026", or one day when it is one. */
export function formatPeriod(period: { from: string; to: string }): string {
  if (period.from === period.to) return periodFormat.format(utcOf(period.from));
  return periodFormat.formatRange(utcOf(period.from), utcOf(period.to));
}
