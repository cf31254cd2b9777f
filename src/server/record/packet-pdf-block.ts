/** One entry of the packet PDF (an item, a goal, a feedback): a title, a line of facts, text under it. */
import { colors, contentWidth, fontNames, page } from "./packet-pdf-style";

export interface Block {
  title: string;
  facts: string;
  /** A dropped item's reason, a feedback's words; null when there is nothing more to say. */
  note: string | null;
  /** The stripe beside it. */
  color: string;
}

const stripeWidth = 3;
const indent = 12;
const textWidth = contentWidth - indent;
const itemGap = 9;

const titleStyle = (doc: PDFKit.PDFDocument) =>
  doc.font(fontNames.bold).fontSize(10.5).fillColor(colors.text);
const factsStyle = (doc: PDFKit.PDFDocument) =>
  doc.font(fontNames.regular).fontSize(8.5).fillColor(colors.muted);
const noteStyle = (doc: PDFKit.PDFDocument) =>
  doc.font(fontNames.regular).fontSize(8.5).fillColor(colors.text);

/** The height a block takes on the page, the gap after it included. */
export function heightOf(doc: PDFKit.PDFDocument, block: Block): number {
  let height = titleStyle(doc).heightOfString(block.title, { width: textWidth }) + 2;
  height += factsStyle(doc).heightOfString(block.facts, { width: textWidth });
  if (block.note) height += noteStyle(doc).heightOfString(block.note, { width: textWidth }) + 1;
  return height + itemGap;
}

/** Draws a block at the current position, with its coloured stripe, and moves below it. */
export function drawBlock(doc: PDFKit.PDFDocument, block: Block): void {
  const top = doc.y;
  const x = page.margin + indent;
  titleStyle(doc).text(block.title, x, top, { width: textWidth });
  doc.y += 2;
  factsStyle(doc).text(block.facts, x, doc.y, { width: textWidth });
  if (block.note) {
    doc.y += 1;
    noteStyle(doc).text(block.note, x, doc.y, { width: textWidth });
  }
  const bottom = doc.y;
  doc.rect(page.margin, top + 1, stripeWidth, bottom - top - 2).fill(block.color);
  doc.y = bottom + itemGap;
}
