/** The packet PDF's page of goals and feedback received, after the cover and before the months. */
import type { Feedback } from "../../contract/feedback";
import type { Goal } from "../../contract/goals";
import type { PacketInput } from "./packet-input";
import { type Block, drawBlock, heightOf } from "./packet-pdf-block";
import { clip, colors, contentBottom, contentWidth, fontNames, page } from "./packet-pdf-style";
import { feedbackFacts, goalFacts, oneLine } from "./packet-wording";

const goalColors: { [state in Goal["state"]]: string } = {
  active: colors.withoutDue,
  achieved: colors.onTime,
  missed: colors.late,
  dropped: colors.dropped,
};

function goalBlock(goal: Goal, timeZone: string): Block {
  return {
    title: clip(oneLine(goal.title), 300),
    facts: goalFacts(goal, timeZone).join(" · "),
    note: null,
    color: goalColors[goal.state],
  };
}

function feedbackBlock(input: PacketInput, feedback: Feedback): Block {
  const [day, ...rest] = feedbackFacts(input, feedback);
  return {
    title: day ?? "",
    facts: rest.join(" · "),
    note: clip(oneLine(feedback.body), 2000),
    color: colors.rule,
  };
}

export function drawGoalsAndFeedback(doc: PDFKit.PDFDocument, input: PacketInput): void {
  const { record } = input;
  doc.addPage();
  heading(doc, "Goals", `${record.goals.length === 0 ? "No" : record.goals.length} goals in this period.`);
  for (const goal of record.goals) drawFitting(doc, goalBlock(goal, record.timeZone), "Goals");
  doc.y += 8;
  if (doc.y + 60 > contentBottom) doc.addPage();
  heading(
    doc,
    "Feedback received",
    record.feedback.length === 0
      ? "No feedback in this period."
      : `${record.feedback.length} in this period.`,
    doc.y,
  );
  for (const feedback of record.feedback)
    drawFitting(doc, feedbackBlock(input, feedback), "Feedback received");
}

function heading(doc: PDFKit.PDFDocument, title: string, subtitle: string, y: number = page.margin): void {
  doc.font(fontNames.bold).fontSize(18).fillColor(colors.text);
  doc.text(title, page.margin, y, { width: contentWidth });
  doc.font(fontNames.regular).fontSize(9.5).fillColor(colors.muted);
  doc.text(subtitle, { width: contentWidth });
  const below = doc.y + 6;
  doc
    .moveTo(page.margin, below)
    .lineTo(page.margin + contentWidth, below)
    .lineWidth(0.6)
    .stroke(colors.rule);
  doc.y = below + 10;
}

function drawFitting(doc: PDFKit.PDFDocument, block: Block, section: string): void {
  if (doc.y + heightOf(doc, block) > contentBottom) {
    doc.addPage();
    heading(doc, `${section} (continued)`, "");
  }
  drawBlock(doc, block);
}
