/** The review packet as Markdown: the summary, then every month of the period with the same weight. */
import type { RecordItem } from "../../contract/record";
import { type RecordMonth, recordMonths } from "../../core/record-months";
import type { PacketInput } from "./packet-input";
import {
  countsText,
  dayOf,
  feedbackFacts,
  formatDay,
  goalFacts,
  itemFacts,
  oneLine,
  outcomeFacts,
  periodText,
  summaryLines,
} from "./packet-wording";

export function packetMarkdown(input: PacketInput): string {
  const { record, person } = input;
  const lines = [`# Review packet: ${escapeMarkdown(person.name)}`, ""];
  const who = [person.title, person.email].flatMap((part) => (part ? [escapeMarkdown(part)] : []));
  lines.push(who.join(" · "), "");
  lines.push(
    `Period: ${periodText(record)}, dates in ${escapeMarkdown(record.timeZone)}. ` +
      `Made ${dayOf(input.generatedAt, record.timeZone)}.`,
    "",
    "## Summary",
    "",
    ...summaryLines(record).map((line) => `- ${line.label}: ${line.value}`),
    "",
    ...goalsSection(input),
    ...feedbackSection(input),
    "## Month by month",
    "",
  );
  for (const month of recordMonths(record)) lines.push(...monthSection(input, month));
  return `${lines.join("\n").trimEnd()}\n`;
}

function goalsSection({ record }: PacketInput): string[] {
  const lines = ["## Goals", ""];
  if (record.goals.length === 0) return [...lines, "No goals in this period.", ""];
  for (const goal of record.goals) {
    lines.push(
      `- **${escapeMarkdown(goal.title)}** — ${goalFacts(goal, record.timeZone).map(escapeMarkdown).join(" · ")}`,
    );
  }
  return [...lines, ""];
}

function feedbackSection(input: PacketInput): string[] {
  const lines = ["## Feedback received", ""];
  if (input.record.feedback.length === 0) return [...lines, "No feedback in this period.", ""];
  for (const feedback of input.record.feedback) {
    lines.push(`- ${feedbackFacts(input, feedback).map(escapeMarkdown).join(" · ")}`);
    lines.push(`  - ${escapeMarkdown(feedback.body)}`);
  }
  return [...lines, ""];
}

function monthSection(input: PacketInput, month: RecordMonth<RecordItem>): string[] {
  const lines = [`### ${month.label}`, ""];
  if (!month.whole)
    lines.push(`Only ${formatDay(month.from)} – ${formatDay(month.to)} is in the period.`, "");
  if (month.items.length === 0) {
    lines.push(`Nothing finished or dropped in ${month.label}.`, "");
    return lines;
  }
  lines.push(`${countsText(month.counts)}.`, "");
  for (const item of month.items) lines.push(...itemLines(input, item));
  lines.push("");
  return lines;
}

function itemLines(input: PacketInput, item: RecordItem): string[] {
  const lines = [
    `- **${escapeMarkdown(item.title)}** — ${outcomeFacts(item, input.record.timeZone).join(", ")}`,
    `  - ${itemFacts(input, item).map(escapeMarkdown).join(" · ")}`,
  ];
  if (item.state === "dropped") {
    lines.push(`  - No longer needed: ${escapeMarkdown(item.dropReason ?? "no reason given")}`);
  }
  return lines;
}

/**
 * Text from a person as inert Markdown on one line: no links (written or bare), images, HTML,
 * emphasis, code, headings or table cells can come of it.
 */
export function escapeMarkdown(text: string): string {
  return (
    oneLine(text)
      .replace(/[\\`*_{}[\]()#+!|<>~&$^@]/g, "\\$&")
      // Bare addresses would become links in GitHub-flavoured Markdown.
      .replace(/:(?=\/\/)/g, "\\:")
      .replace(/(www)\./gi, "$1\\.")
  );
}
