/**
 * The review packet as a PDF: a first page with the summary and a chart, a page of goals and
 * feedback received, then each month of the period on pages of its own (a quiet month as much as a busy one), page numbers in the footer.
 */
import PDFDocument from "pdfkit";
import type { RecordItem } from "../../contract/record";
import { type RecordMonth, recordMonths } from "../../core/record-months";
import type { PacketInput } from "./packet-input";
import { type Block, drawBlock, heightOf } from "./packet-pdf-block";
import { drawCover } from "./packet-pdf-cover";
import { drawGoalsAndFeedback } from "./packet-pdf-goals";
import { clip, colors, contentBottom, contentWidth, dejaVuFonts, fontNames, page } from "./packet-pdf-style";
import { countsText, formatDay, itemFacts, oneLine, outcomeFacts, periodText } from "./packet-wording";

export function packetPdf(input: PacketInput): Promise<Buffer> {
  const fonts = dejaVuFonts();
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margins: { top: page.margin, left: page.margin, right: page.margin, bottom: page.bottomMargin },
    bufferPages: true,
    lang: "en",
    info: {
      Title: `Review packet: ${oneLine(input.person.name)}, ${periodText(input.record)}`,
      CreationDate: new Date(input.generatedAt),
    },
  });
  const finished = bytesOf(doc);
  doc.registerFont(fontNames.regular, fonts.regular);
  doc.registerFont(fontNames.bold, fonts.bold);
  const months = recordMonths(input.record);
  drawCover(doc, input, months);
  drawGoalsAndFeedback(doc, input);
  for (const month of months) drawMonth(doc, input, month);
  drawFooters(doc, input);
  doc.end();
  return finished;
}

function bytesOf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

function drawMonth(doc: PDFKit.PDFDocument, input: PacketInput, month: RecordMonth<RecordItem>): void {
  doc.addPage();
  drawMonthHeading(doc, month, false);
  if (month.items.length === 0) {
    doc.font(fontNames.regular).fontSize(10.5).fillColor(colors.muted);
    doc.text(`Nothing finished or dropped in ${month.label}.`, page.margin, doc.y, { width: contentWidth });
    return;
  }
  for (const item of month.items) {
    const block = blockOf(input, item);
    if (doc.y + heightOf(doc, block) > contentBottom) {
      doc.addPage();
      drawMonthHeading(doc, month, true);
    }
    drawBlock(doc, block);
  }
}

function drawMonthHeading(doc: PDFKit.PDFDocument, month: RecordMonth<RecordItem>, continued: boolean): void {
  const x = page.margin;
  doc.font(fontNames.bold).fontSize(18).fillColor(colors.text);
  doc.text(continued ? `${month.label} (continued)` : month.label, x, page.margin, { width: contentWidth });
  doc.font(fontNames.regular).fontSize(9.5).fillColor(colors.muted);
  doc.text(`${countsText(month.counts)}.`, { width: contentWidth });
  if (!month.whole) {
    doc.text(`Only ${formatDay(month.from)} – ${formatDay(month.to)} is in the period.`, {
      width: contentWidth,
    });
  }
  const y = doc.y + 6;
  doc
    .moveTo(x, y)
    .lineTo(x + contentWidth, y)
    .lineWidth(0.6)
    .stroke(colors.rule);
  doc.y = y + 10;
}

function blockOf(input: PacketInput, item: RecordItem): Block {
  return {
    title: clip(oneLine(item.title), 300),
    facts: [...outcomeFacts(item, input.record.timeZone), ...itemFacts(input, item)].join(" · "),
    note:
      item.state === "dropped"
        ? `No longer needed: ${clip(oneLine(item.dropReason ?? "no reason given"), 1200)}`
        : null,
    color: colorOf(item),
  };
}

function colorOf(item: RecordItem): string {
  if (item.state === "dropped") return colors.dropped;
  if (item.onTime === true) return colors.onTime;
  if (item.onTime === false) return colors.late;
  return colors.withoutDue;
}

function drawFooters(doc: PDFKit.PDFDocument, input: PacketInput): void {
  const range = doc.bufferedPageRange();
  const left = `${clip(oneLine(input.person.name), 60)} · Review packet, ${periodText(input.record)}`;
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing below the bottom margin would otherwise start a new page.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc.font(fontNames.regular).fontSize(8).fillColor(colors.faint);
    const number = `Page ${index - range.start + 1} of ${range.count}`;
    const numberWidth = doc.widthOfString(number);
    doc.text(number, page.width - page.margin - numberWidth, page.footerY, { lineBreak: false });
    const width = contentWidth - numberWidth - 20;
    doc.text(left, page.margin, page.footerY, { width, height: 12, ellipsis: true });
    doc.page.margins = margins;
  }
}
