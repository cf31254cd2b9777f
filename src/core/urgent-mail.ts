/** The e-mail that carries one urgent item to its owner: the only message Docket sends outside a digest. */
import { dueWhen, readerAt } from "./digest-dates";
import { escapeHtml, type RenderedMail } from "./digest-render";

export interface UrgentFacts {
  ownerName: string;
  requesterName: string;
  title: string;
  notes: string;
  /** Its place on the owner's plate; null while it waits in their triage. */
  position: number | null;
  dueAt: string | null;
  dueDate: string | null;
  timeZone: string;
  /** When it is written: a due outside the owner's current year shows its year. */
  now: string;
  /** How many urgent items this requester has sent the owner this week, this one included, and the limit. */
  used: number;
  limit: number;
  link: string;
}

const notesPreviewLength = 500;

export function urgentMail(facts: UrgentFacts): RenderedMail {
  const where =
    facts.position === null ? "It is waiting in your triage." : `It is at #${facts.position} on your plate.`;
  const due = facts.dueAt ? ` Due ${dueWhen(facts, readerAt(facts.timeZone, facts.now))}.` : "";
  const notes =
    facts.notes.length > notesPreviewLength ? `${facts.notes.slice(0, notesPreviewLength)}…` : facts.notes;
  const budget = `${facts.requesterName} has used ${facts.used} of ${facts.limit} urgent items for you this week.`;
  const lead = `${facts.requesterName} marked “${facts.title}” urgent.`;
  const text = [
    lead,
    `${where}${due}`,
    ...(notes ? ["", notes] : []),
    "",
    `Open it: ${facts.link}`,
    "",
    budget,
    "",
  ].join("\n");
  const html = [
    "<!doctype html>",
    '<html><head><meta charset="utf-8"></head><body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328;line-height:1.5;max-width:640px">',
    `<p><strong>${escapeHtml(lead)}</strong></p>`,
    `<p>${escapeHtml(`${where}${due}`)}</p>`,
    notes
      ? `<blockquote style="margin:0 0 12px;padding-left:12px;border-left:3px solid #ced4da;white-space:pre-wrap">${escapeHtml(notes)}</blockquote>`
      : "",
    `<p><a style="color:#1c7ed6" href="${escapeHtml(facts.link)}">Open it in Docket</a></p>`,
    `<p style="font-size:13px;color:#57606a">${escapeHtml(budget)}</p>`,
    "</body></html>",
    "",
  ].join("\n");
  return { subject: `Urgent from ${facts.requesterName}: ${facts.title}`, text, html };
}
