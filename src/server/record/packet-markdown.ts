/** The review packet as Markdown: the summary, then every month of the period with the same weight. */
import type { RecordItem } from "../../contract/record";
import { type RecordMonth, recordMonths } from "../../core/record-months";
import type { PacketInput } from "./packet-input";
import {
  countsText,
  dayOf,
  formatDay,
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
    ...summaryLines(record.summary).map((line) => `- ${line.label}: ${line.value}`),
    "",
    "## Month by month",
    "",
  );
  for (const month of recordMonths(record)) lines.push(...monthSection(input, month));
  return `${lines.join("\n").trimEnd()}\n`;
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
