/** A digest's content as the two parts of its e-mail: plain text, and HTML with every value escaped. */
import type { DigestContent, DigestLine } from "./digest";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

export function renderDigest(content: DigestContent): RenderedMail {
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}

function renderText(content: DigestContent): string {
  const out: string[] = [content.greeting, ""];
  for (const section of content.sections) {
    out.push(section.heading, "-".repeat(section.heading.length));
    // A link that is one line's own goes right under that line; one that several lines share (the
    // plate, the triage) is given once, after the last of them.
    const uses = new Map<string, number>();
    const last = new Map<string, number>();
    section.lines.forEach(({ href }, index) => {
      if (!href) return;
      uses.set(href, (uses.get(href) ?? 0) + 1);
      last.set(href, index);
    });
    section.lines.forEach((line, index) => {
      out.push(...textLine(line));
      if (!line.href || last.get(line.href) !== index) return;
      out.push(uses.get(line.href) === 1 ? `    Open: ${line.href}` : `  Open: ${line.href}`);
    });
    out.push("");
  }
  out.push(`${content.footer.text}: ${content.footer.href}`);
  return `${out.join("\n")}\n`;
}

function textLine(line: DigestLine): string[] {
  const lines = [`- ${line.text}`];
  for (const detail of line.details ?? []) lines.push(`    · ${detail}`);
  for (const action of line.actions ?? []) lines.push(`    ${action.label}: ${action.href}`);
  return lines;
}

const styles = {
  body: "font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328;line-height:1.5;max-width:640px",
  heading: "font-size:15px;margin:20px 0 6px;color:#1f2328",
  list: "margin:0;padding-left:20px",
  link: "color:#1c7ed6",
  button:
    "display:inline-block;margin:4px 8px 0 0;padding:3px 10px;border:1px solid #ced4da;border-radius:4px;color:#1f2328;text-decoration:none;font-size:13px",
  footer: "margin-top:24px;font-size:13px;color:#57606a",
};

function renderHtml(content: DigestContent): string {
  const sections = content.sections
    .map(
      (section) =>
        `<h2 style="${styles.heading}">${escapeHtml(section.heading)}</h2>\n<ul style="${styles.list}">\n${section.lines.map(htmlLine).join("\n")}\n</ul>`,
    )
    .join("\n");
  return [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="${styles.body}">`,
    `<p>${escapeHtml(content.greeting)}</p>`,
    sections,
    `<p style="${styles.footer}"><a style="${styles.link}" href="${escapeHtml(content.footer.href)}">${escapeHtml(content.footer.text)}</a></p>`,
    "</body></html>",
    "",
  ].join("\n");
}

function htmlLine(line: DigestLine): string {
  const text = line.href
    ? `<a style="${styles.link}" href="${escapeHtml(line.href)}">${escapeHtml(line.text)}</a>`
    : escapeHtml(line.text);
  const details = line.details?.length
    ? `<ul style="${styles.list}">${line.details.map((detail) => `<li>${escapeHtml(detail)}</li>`).join("")}</ul>`
    : "";
  const actions = (line.actions ?? [])
    .map(
      (action) =>
        `<a style="${styles.button}" href="${escapeHtml(action.href)}">${escapeHtml(action.label)}</a>`,
    )
    .join("");
  return `<li>${text}${details}${actions ? `<br>${actions}` : ""}</li>`;
}
