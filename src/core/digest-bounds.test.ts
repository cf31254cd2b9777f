import { describe, expect, it } from "vitest";
import type { DigestEntry } from "./digest";
import { base, compose, entry, task } from "./digest-fixtures";
import { renderDigest } from "./digest-render";

const urgent = (count: number, from = 1): DigestEntry[] =>
  Array.from({ length: count }, (_, index) =>
    entry({ kind: "task.urgent", title: `Urgent ${from + index}`, taskId: `u${from + index}` }),
  );
const asks = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ title: `Ask ${index + 1}`, requesterName: "Carol" }));

/** The lines of one section of a rendered text part, from its heading to the blank line after it. */
function textSection(text: string, heading: string): string[] {
  const lines = text.split("\n");
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = lines.indexOf("", start);
  return lines.slice(start + 2, end);
}

/** The list items of one section of a rendered HTML part. */
function htmlSection(html: string, heading: string): string[] {
  const start = html.indexOf(`>${heading}</h2>`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const list = html.slice(start, html.indexOf("</ul>", start));
  return list.match(/<li>.*?<\/li>/g) ?? [];
}

describe("a digest is bounded", () => {
  it("lists the latest entries of a long section, then says how many more there are, with a link, in both parts", () => {
    const { text, html } = renderDigest(compose({ entries: urgent(25) }));
    expect(textSection(text, "Urgent")).toEqual([
      ...Array.from({ length: 10 }, (_, index) => `- Bob marked “Urgent ${index + 16}” urgent`),
      `  Open: ${base}/plate`,
      "- and 15 more in Docket",
      `    Open: ${base}/inbox`,
    ]);
    const items = htmlSection(html, "Urgent");
    expect(items).toHaveLength(11);
    expect(items[0]).toContain("Bob marked “Urgent 16” urgent");
    expect(items[10]).toMatch(
      /^<li><a [^>]*href="https:\/\/docket\.example\/inbox">and 15 more in Docket<\/a><\/li>$/,
    );
  });

  it("counts the entries it carries but did not read among the more, and their changes in the subject", () => {
    const content = compose({
      entries: urgent(10),
      unlisted: [{ kind: "task.urgent", asRequester: false, entries: 290, changes: 300 }],
    });
    expect(content.subject).toBe("Your Docket digest: 310 changes");
    const { text, html } = renderDigest(content);
    expect(textSection(text, "Urgent")).toContain("- and 290 more in Docket");
    expect(htmlSection(html, "Urgent")).toHaveLength(11);
  });

  it("sends a digest when all its news is beyond what was read", () => {
    const content = compose({
      unlisted: [{ kind: "task.added", asRequester: false, entries: 3, changes: 3 }],
    });
    expect(content.subject).toBe("Your Docket digest: 3 changes");
    expect(content.sections).toEqual([
      { heading: "New on your plate", lines: [{ text: "and 3 more in Docket", href: `${base}/inbox` }] },
    ]);
  });

  it("counts the unread of a side among that side's section only", () => {
    const content = compose({
      entries: [entry({ kind: "task.completed", asRequester: true, title: "Mine" })],
      unlisted: [
        { kind: "task.completed", asRequester: false, entries: 4, changes: 4 },
        { kind: "task.completed", asRequester: true, entries: 2, changes: 2 },
      ],
    });
    expect(content.sections).toEqual([
      { heading: "Changes to your plate", lines: [{ text: "and 4 more in Docket", href: `${base}/inbox` }] },
      {
        heading: "Your requests",
        lines: [{ text: "Bob completed “Mine”" }, { text: "and 2 more in Docket", href: `${base}/inbox` }],
      },
    ]);
  });

  it("lists the latest of a section whose entries are of several kinds", () => {
    const progress = entry({
      kind: "request.progress",
      request: { id: "r1", title: "Pipeline", done: 1, dropped: 0, total: 3 },
    });
    const answers = Array.from({ length: 12 }, (_, index) =>
      entry({ kind: "task.accepted", asRequester: true, title: `Answer ${index + 1}` }),
    );
    const lines = compose({ entries: [progress, ...answers] }).sections[0]?.lines ?? [];
    expect(lines.map((line) => line.text)).toEqual([
      ...Array.from({ length: 10 }, (_, index) => `Bob accepted “Answer ${index + 3}”`),
      "and 3 more in Docket",
    ]);
  });

  it("lists the asks waiting longest in triage, says how many more wait, and counts them all in the subject", () => {
    const content = compose({ entries: urgent(1), triage: asks(10), triageWaiting: 60 });
    expect(content.subject).toBe("Your Docket digest: 1 change, 60 in triage");
    const { text, html } = renderDigest(content);
    expect(textSection(text, "Waiting in your triage")).toEqual([
      ...Array.from({ length: 10 }, (_, index) => `- “Ask ${index + 1}” from Carol`),
      "- and 50 more in Docket",
      `  Open: ${base}/triage`,
    ]);
    const items = htmlSection(html, "Waiting in your triage");
    expect(items).toHaveLength(11);
    expect(items[10]).toMatch(/href="https:\/\/docket\.example\/triage">and 50 more in Docket<\/a>/);
  });

  it("lists the first overdue and due-soon tasks in plate order and points to the plate for the rest", () => {
    const overdue = Array.from({ length: 12 }, (_, index) =>
      task({ taskId: `o${index}`, title: `Late ${index + 1}`, position: index + 1, dueDate: "2026-11-20" }),
    );
    const dueSoon = Array.from({ length: 11 }, (_, index) =>
      task({ taskId: `s${index}`, title: `Soon ${index + 1}`, position: index + 13, dueDate: "2026-11-26" }),
    );
    const content = compose({ entries: [entry({ kind: "task.overdue", taskId: "o0" })], overdue, dueSoon });
    expect(content.subject).toBe("Your Docket digest: 12 overdue, 11 due soon");
    const overdueLines = content.sections.find((s) => s.heading === "Overdue")?.lines ?? [];
    expect(overdueLines).toHaveLength(11);
    expect(overdueLines[9]?.text).toBe("#10 “Late 10”, due Fri 20 Nov");
    expect(overdueLines[10]).toEqual({ text: "and 2 more in Docket", href: `${base}/plate` });
    const soonLines = content.sections.find((s) => s.heading.startsWith("Due by"))?.lines ?? [];
    expect(soonLines.at(-1)).toEqual({ text: "and 1 more in Docket", href: `${base}/plate` });
  });

  it("adds no line when everything fits", () => {
    const { text, html } = renderDigest(compose({ entries: urgent(10), triage: asks(10) }));
    expect(text).not.toContain("more in Docket");
    expect(html).not.toContain("more in Docket");
    expect(htmlSection(html, "Urgent")).toHaveLength(10);
  });
});
