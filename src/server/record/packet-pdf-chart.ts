/** Completions per month as stacked bars (on time, late, without a due), drawn as vectors. */
import type { RecordItem } from "../../contract/record";
import type { RecordMonth } from "../../core/record-months";
import { colors, fontNames } from "./packet-pdf-style";
import { shortMonth } from "./packet-wording";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const legendHeight = 18;
const axisWidth = 28;
const labelsHeight = 26;

const series = [
  { key: "onTime", label: "On time", color: colors.onTime },
  { key: "late", label: "Late", color: colors.late },
  { key: "withoutDue", label: "Without a due", color: colors.withoutDue },
] as const;

export function drawCompletionsChart(
  doc: PDFKit.PDFDocument,
  months: readonly RecordMonth<RecordItem>[],
  box: Box,
): void {
  drawLegend(doc, box.x, box.y);
  const plot = {
    x: box.x + axisWidth,
    y: box.y + legendHeight + 8,
    width: box.width - axisWidth,
    height: box.height - legendHeight - 8 - labelsHeight,
  };
  const highest = Math.max(0, ...months.map((month) => month.counts.completed));
  const ticks = axisTicks(highest);
  const top = ticks[ticks.length - 1] ?? 1;
  drawAxis(doc, plot, ticks, top);
  const slot = plot.width / Math.max(1, months.length);
  const barWidth = Math.min(slot * 0.7, 28);
  const labelEvery = Math.ceil(months.length / Math.max(1, Math.floor(plot.width / 26)));
  months.forEach((month, index) => {
    const centre = plot.x + slot * index + slot / 2;
    let base = plot.y + plot.height;
    for (const part of series) {
      const height = (month.counts[part.key] / top) * plot.height;
      if (height > 0) {
        doc.rect(centre - barWidth / 2, base - height, barWidth, height).fill(part.color);
        base -= height;
      }
    }
    if (month.counts.completed > 0 && slot >= 16) {
      centred(doc, String(month.counts.completed), centre, base - 10, 7, colors.muted);
    }
    if (index % labelEvery === 0) {
      const y = plot.y + plot.height + 4;
      centred(doc, shortMonth(month.month), centre, y, 7.5, colors.text);
      if (index === 0 || month.month.endsWith("-01")) {
        centred(doc, month.month.slice(0, 4), centre, y + 10, 7, colors.faint);
      }
    }
  });
  if (highest === 0) {
    centred(doc, "Nothing completed in the period.", plot.x + plot.width / 2, plot.y + plot.height / 2, 10);
  }
}

/** Round steps (1, 2 or 5 times a power of ten) from 0 up to the first at or above `highest`. */
export function axisTicks(highest: number): number[] {
  const target = Math.max(1, highest);
  let step = 1;
  for (let power = 1; ; power *= 10) {
    const found = [1, 2, 5].map((m) => m * power).find((candidate) => Math.ceil(target / candidate) <= 5);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const ticks: number[] = [];
  for (let value = 0; value < target + step; value += step) ticks.push(value);
  return ticks;
}

function drawAxis(doc: PDFKit.PDFDocument, plot: Box, ticks: number[], top: number): void {
  doc.font(fontNames.regular).fontSize(7.5);
  for (const tick of ticks) {
    const y = plot.y + plot.height - (tick / top) * plot.height;
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.width, y)
      .lineWidth(tick === 0 ? 0.8 : 0.4)
      .stroke(tick === 0 ? colors.muted : colors.rule);
    const label = String(tick);
    doc
      .fillColor(colors.muted)
      .text(label, plot.x - 6 - doc.widthOfString(label), y - 4, { lineBreak: false });
  }
}

function drawLegend(doc: PDFKit.PDFDocument, x: number, y: number): void {
  doc.font(fontNames.regular).fontSize(8);
  let at = x;
  for (const part of series) {
    doc.rect(at, y + 1, 8, 8).fill(part.color);
    doc.fillColor(colors.text).text(part.label, at + 12, y, { lineBreak: false });
    at += 12 + doc.widthOfString(part.label) + 16;
  }
}

function centred(
  doc: PDFKit.PDFDocument,
  text: string,
  centre: number,
  y: number,
  size: number,
  color: string = colors.text,
): void {
  doc.font(fontNames.regular).fontSize(size).fillColor(color);
  doc.text(text, centre - doc.widthOfString(text) / 2, y, { lineBreak: false });
}
