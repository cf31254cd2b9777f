/** The words a review packet uses, the same in every format. */
import { Temporal } from "temporal-polyfill";
import type { Feedback } from "../../contract/feedback";
import type { CheckInStatus, Goal } from "../../contract/goals";
import type { Record, RecordItem, RecordSummary } from "../../contract/record";
import type { OutcomeCounts } from "../../core/record";
import { localDateOf } from "../../core/zone-calendar";
import type { PacketInput } from "./packet-input";

const shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "14 Mar 2025" for `2025-03-14`. */
export function formatDay(date: string): string {
  return `${Number(date.slice(8, 10))} ${shortMonths[Number(date.slice(5, 7)) - 1] ?? "?"} ${date.slice(0, 4)}`;
}

/** The short name of a month, "Mar", for `2025-03`. */
export function shortMonth(month: string): string {
  return shortMonths[Number(month.slice(5, 7)) - 1] ?? "?";
}

export function periodText(record: { from: string; to: string }): string {
  return `${formatDay(record.from)} – ${formatDay(record.to)}`;
}

export function dayOf(instant: string, timeZone: string): string {
  return formatDay(localDateOf(instant, timeZone));
}

/** A date due as its day; a due at an instant as its day and time where the person is. */
export function dueText(due: RecordItem["due"], timeZone: string): string {
  if (due === null) return "no due";
  if ("date" in due) return formatDay(due.date);
  const local = Temporal.Instant.from(due.at).toZonedDateTimeISO(timeZone);
  const time = `${String(local.hour).padStart(2, "0")}:${String(local.minute).padStart(2, "0")}`;
  return `${formatDay(local.toPlainDate().toString())} ${time}`;
}

/** "on time", "late by 3 days", "late (same day)", "no due", or "dropped". */
export function timelinessText(item: RecordItem): string {
  if (item.state === "dropped") return "dropped";
  if (item.onTime === true) return "on time";
  if (item.onTime === false) {
    const days = item.daysLate ?? 0;
    return days === 0 ? "late (same day)" : `late by ${plural(days, "day")}`;
  }
  return "no due";
}

/** How often the due moved later, or null when it never did. */
export function slipsText(slips: number): string | null {
  if (slips === 0) return null;
  const times = slips === 1 ? "once" : slips === 2 ? "twice" : `${slips} times`;
  return `due moved later ${times}`;
}

/** The requester's name, the person's own for their own tasks, null when no longer known. */
export function requesterName(input: PacketInput, requesterId: string): string | null {
  return input.names.get(requesterId) ?? (requesterId === input.record.personId ? input.person.name : null);
}

export function requesterText(input: PacketInput, requesterId: string): string {
  if (requesterId === input.record.personId) return "own task";
  return `requested by ${requesterName(input, requesterId) ?? "a former colleague"}`;
}

/** How an item ended: "on time", "finished 14 Mar 2025"; or "dropped 3 Sep 2025". */
export function outcomeFacts(item: RecordItem, timeZone: string): string[] {
  const day = dayOf(item.finishedAt, timeZone);
  return item.state === "dropped" ? [`dropped ${day}`] : [timelinessText(item), `finished ${day}`];
}

/** The rest of what is known of an item: when it was made and due, who asked, whether its due slipped. */
export function itemFacts(input: PacketInput, item: RecordItem): string[] {
  const zone = input.record.timeZone;
  const facts = [`created ${dayOf(item.createdAt, zone)}`];
  // A completed item without a due already says so in its outcome.
  if (item.due !== null) facts.push(`due ${dueText(item.due, zone)}`);
  else if (item.state === "dropped") facts.push("no due");
  facts.push(requesterText(input, item.requesterId));
  const slips = slipsText(item.slips);
  if (slips) facts.push(slips);
  return facts;
}

export function countsText(counts: OutcomeCounts): string {
  const completed = `${counts.completed} completed`;
  const detail =
    counts.completed === 0
      ? ""
      : ` (${counts.onTime} on time, ${counts.late} late, ${counts.withoutDue} without a due)`;
  return `${completed}${detail}, ${counts.dropped} dropped`;
}

/** The on-time rate as a whole percentage, null when nothing with a due was completed. */
export function onTimePercent(summary: RecordSummary): number | null {
  if (summary.onTimeRate === null) return null;
  const percent = Math.round(summary.onTimeRate * 100);
  // A rounded 100 % or 0 % would hide the one late or the one on-time item.
  if (percent === 100 && summary.completedLate > 0) return 99;
  if (percent === 0 && summary.completedOnTime > 0) return 1;
  return percent;
}

export function onTimeRateText(summary: RecordSummary): string {
  const percent = onTimePercent(summary);
  if (percent === null) return "no due-dated work completed";
  const withDue = summary.completedOnTime + summary.completedLate;
  return `${percent}% (${summary.completedOnTime} of ${withDue} with a due)`;
}

export function medianText(summary: RecordSummary): string {
  const median = summary.medianDaysToComplete;
  if (median === null) return "nothing completed";
  return median === 1 ? "1 day" : `${median} days`;
}

/** The summary as labelled values, in reading order, with the count of one-on-ones held. */
export function summaryLines(
  record: Pick<Record, "summary" | "oneOnOnesHeld">,
): { label: string; value: string }[] {
  const { summary } = record;
  return [
    { label: "Completed", value: String(summary.completed) },
    { label: "On time", value: String(summary.completedOnTime) },
    { label: "Late", value: String(summary.completedLate) },
    { label: "Without a due", value: String(summary.completedWithoutDue) },
    { label: "On-time rate", value: onTimeRateText(summary) },
    { label: "Dropped as no longer needed", value: String(summary.dropped) },
    { label: "Slipped (due moved later)", value: String(summary.slipped) },
    { label: "Requests received", value: String(summary.requestsReceived) },
    { label: "Requests completed", value: String(summary.requestsCompleted) },
    { label: "Median time to complete", value: medianText(summary) },
    { label: "One-on-ones held", value: String(record.oneOnOnesHeld) },
  ];
}

const goalStates: { [state in Goal["state"]]: string } = {
  active: "active",
  achieved: "achieved",
  missed: "missed",
  dropped: "dropped",
};

const checkInStatuses: { [status in CheckInStatus]: string } = {
  on_track: "on track",
  at_risk: "at risk",
  off_track: "off track",
};

/** What a goal's line says after its title: state, progress, due, latest check-in (each in one line). */
export function goalFacts(goal: Goal, timeZone: string): string[] {
  const { done, total } = goal.progress;
  const facts = [goalStates[goal.state], `${done} of ${plural(total, "task")} done`];
  if (goal.due !== null) facts.push(`due ${formatDay(goal.due.date)}`);
  const latest = goal.latestCheckIn;
  if (latest !== null) {
    facts.push(
      `${checkInStatuses[latest.status]} on ${dayOf(latest.createdAt, timeZone)}: ${oneLine(latest.note)}`,
    );
  }
  return facts;
}

/** Who gave feedback and how far it goes: "from Grace Hopper, shared with the manager, 20 Dec 2025". */
export function feedbackFacts(input: PacketInput, feedback: Feedback): string[] {
  const from = input.names.get(feedback.fromId) ?? "a former colleague";
  const about = input.record.items.find((item) => item.taskId === feedback.taskId);
  const facts = [
    dayOf(feedback.createdAt, input.record.timeZone),
    `from ${from}`,
    feedback.visibility === "private" ? "private" : "shared with the manager",
  ];
  if (about) facts.push(`about “${oneLine(about.title)}”`);
  return facts;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * Text from a person, on one line: line breaks, control characters and runs of spaces become one
 * space, and direction overrides (which could make a title read as something else) are removed.
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim();
}
