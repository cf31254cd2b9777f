/** The first page of the packet PDF: who and when, the summary as tiles, and completions per month. */
import type { RecordItem, RecordSummary } from "../../contract/record";
import type { RecordMonth } from "../../core/record-months";
import type { PacketInput } from "./packet-input";
import { drawCompletionsChart } from "./packet-pdf-chart";
import { clip, colors, contentBottom, contentWidth, fontNames, page } from "./packet-pdf-style";
import { dayOf, medianText, oneLine, onTimePercent, periodText } from "./packet-wording";

interface Tile {
  value: string;
  label: string;
}

export function drawCover(
  doc: PDFKit.PDFDocument,
  input: PacketInput,
  months: readonly RecordMonth<RecordItem>[],
): void {
  const { record, person } = input;
  const x = page.margin;
  doc.font(fontNames.bold).fontSize(9).fillColor(colors.muted).text("REVIEW PACKET", x, page.margin);
  doc.moveDown(0.3);
  doc.font(fontNames.bold).fontSize(22).fillColor(colors.text);
  doc.text(clip(oneLine(person.name), 120), { width: contentWidth });
  doc.font(fontNames.regular).fontSize(11).fillColor(colors.text);
  const who = [person.title, person.email].flatMap((part) => (part ? [clip(oneLine(part), 150)] : []));
  doc.text(who.join(" · "), { width: contentWidth });
  doc.moveDown(0.4);
  doc.fontSize(9.5).fillColor(colors.muted);
  doc.text(`Period: ${periodText(record)}, dates in ${record.timeZone}`, { width: contentWidth });
  doc.text(`Made ${dayOf(input.generatedAt, record.timeZone)}`, { width: contentWidth });

  let y = doc.y + 18;
  y = drawTiles(doc, tilesOf(record.summary), y);
  doc.font(fontNames.regular).fontSize(9.5).fillColor(colors.text);
  doc.text(
    `Team requests: ${record.summary.requestsReceived} received, ${record.summary.requestsCompleted} completed. One-on-ones held: ${record.oneOnOnesHeld}.`,
    x,
    y + 12,
    { width: contentWidth },
  );

  y = doc.y + 18;
  doc.font(fontNames.bold).fontSize(12).fillColor(colors.text).text("Completed per month", x, y);
  y = doc.y + 8;
  const height = Math.min(300, contentBottom - y);
  drawCompletionsChart(doc, months, { x, y, width: contentWidth, height });
}

function tilesOf(summary: RecordSummary): Tile[] {
  const percent = onTimePercent(summary);
  const rate =
    percent === null
      ? { value: "—", label: "On-time rate: no due-dated work completed" }
      : {
          value: `${percent}%`,
          label: `On-time rate, of ${summary.completedOnTime + summary.completedLate} with a due`,
        };
  return [
    { value: String(summary.completed), label: "Completed" },
    { value: String(summary.completedOnTime), label: "On time" },
    { value: String(summary.completedLate), label: "Late" },
    { value: String(summary.completedWithoutDue), label: "Without a due" },
    rate,
    { value: String(summary.dropped), label: "Dropped as no longer needed" },
    { value: String(summary.slipped), label: "Slipped (due moved later)" },
    { value: medianText(summary), label: "Median time to complete" },
  ];
}

/** Four tiles a row; answers the y below the last row. */
function drawTiles(doc: PDFKit.PDFDocument, tiles: Tile[], top: number): number {
  const columns = 4;
  const gap = 10;
  const width = (contentWidth - gap * (columns - 1)) / columns;
  const height = 62;
  tiles.forEach((tile, index) => {
    const x = page.margin + (index % columns) * (width + gap);
    const y = top + Math.floor(index / columns) * (height + gap);
    doc.roundedRect(x, y, width, height, 4).fill(colors.tile);
    doc.font(fontNames.bold).fillColor(colors.text);
    let size = 17;
    while (size > 9 && doc.fontSize(size).widthOfString(tile.value) > width - 20) size -= 1;
    doc.text(tile.value, x + 10, y + 9, { lineBreak: false });
    doc.font(fontNames.regular).fontSize(7.5).fillColor(colors.muted);
    doc.text(tile.label, x + 10, y + 34, { width: width - 20, height: 24, ellipsis: true });
  });
  return top + Math.ceil(tiles.length / columns) * (height + gap) - gap;
}
