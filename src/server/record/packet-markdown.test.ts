import { describe, expect, it } from "vitest";
import { item, packetInput, recordOf, yearItems } from "./packet-fixtures";
import { escapeMarkdown, packetMarkdown } from "./packet-markdown";

const yearMonths = [
  "March 2025",
  "April 2025",
  "May 2025",
  "June 2025",
  "July 2025",
  "August 2025",
  "September 2025",
  "October 2025",
  "November 2025",
  "December 2025",
  "January 2026",
  "February 2026",
];

const lines = (markdown: string) => markdown.split("\n");

describe("packetMarkdown", () => {
  it("opens with the person and the period, then the summary", () => {
    const markdown = packetMarkdown(packetInput());
    expect(lines(markdown).slice(0, 3)).toEqual([
      "# Review packet: Ada Lovelace",
      "",
      "Staff Engineer · ada\\@example.com",
    ]);
    expect(markdown).toContain("Period: 1 Mar 2025 – 28 Feb 2026, dates in Europe/Paris. Made 1 Mar 2026.");
    expect(markdown).toContain("- Completed: 10\n- On time: 7\n- Late: 2\n- Without a due: 1\n");
    expect(markdown).toContain("- On-time rate: 78% (7 of 9 with a due)");
    expect(markdown).toContain("- Dropped as no longer needed: 1");
    expect(markdown).toContain("- Slipped (due moved later): 1");
    expect(markdown).toContain("- Requests received: 4\n- Requests completed: 4");
    expect(markdown).toContain("- Median time to complete: 3.5 days");
  });

  it("gives every month of the period its section, in order, quiet months included", () => {
    const markdown = packetMarkdown(packetInput());
    const headings = lines(markdown).filter((line) => line.startsWith("### "));
    expect(headings).toEqual(yearMonths.map((month) => `### ${month}`));
    for (const quiet of ["July 2025", "August 2025", "October 2025", "November 2025", "January 2026"]) {
      expect(markdown).toContain(`### ${quiet}\n\nNothing finished or dropped in ${quiet}.\n`);
    }
  });

  it("lists each item under its month with its dates, requester and on-time mark", () => {
    const markdown = packetMarkdown(packetInput());
    expect(markdown).toContain(
      "### March 2025\n\n1 completed (1 on time, 0 late, 0 without a due), 0 dropped.\n\n" +
        "- **Draft the Q1 roadmap** — on time, finished 14 Mar 2025\n" +
        "  - created 2 Mar 2025 · due 15 Mar 2025 · requested by Grace Hopper\n",
    );
    expect(markdown).toContain(
      "- **Überprüfung — Отчёт** — late by 4 days, finished 1 Apr 2025\n" +
        "  - created 20 Mar 2025 · due 28 Mar 2025 · requested by Grace Hopper · due moved later twice\n",
    );
    expect(markdown).toContain("— late (same day), finished 10 Jun 2025");
    expect(markdown).toContain("due 10 Jun 2025 14:00 · requested by Grace Hopper");
    expect(markdown).toContain(
      "— no due, finished 20 May 2025\n  - created 1 Mar 2025 · requested by a former colleague",
    );
  });

  it("gives a dropped item its reason on one line, and names the person's own tasks", () => {
    const markdown = packetMarkdown(packetInput());
    expect(markdown).toContain(
      "— dropped 3 Sep 2025\n  - created 1 Mar 2025 · no due · own task\n" +
        "  - No longer needed: The client cancelled the project — \\*\\*entirely\\*\\*\n",
    );
  });

  it("lists a busy month's items newest first", () => {
    const markdown = packetMarkdown(packetInput());
    const december = lines(markdown).filter((line) => line.startsWith("- **Year-end close"));
    expect(december.map((line) => line.match(/part (\d)/)?.[1])).toEqual(["6", "5", "4", "3", "2", "1"]);
  });

  it("says plainly when no due-dated work was completed rather than giving a rate", () => {
    const record = recordOf([item({ taskId: "a", finishedAt: "2025-04-02T10:00:00Z" })]);
    const markdown = packetMarkdown(packetInput({ record }));
    expect(markdown).toContain("- On-time rate: no due-dated work completed");
    expect(markdown).not.toMatch(/\d+%/);
  });

  it("says what part of a month is in the period when it starts or ends mid-month", () => {
    const record = recordOf([], { from: "2025-03-15", to: "2025-04-30" });
    const markdown = packetMarkdown(packetInput({ record }));
    expect(markdown).toContain("### March 2025\n\nOnly 15 Mar 2025 – 31 Mar 2025 is in the period.\n");
    expect(markdown).not.toContain("Only 1 Apr 2025");
  });

  it("keeps titles and reasons from making links, HTML, headings or table rows", () => {
    const record = recordOf([
      item({
        taskId: "evil",
        title:
          "Line one\n# Injected heading\n| a | b |\n<img src=x onerror=alert(1)> ![x](y) [z](https://evil.example)",
        finishedAt: "2025-05-02T10:00:00Z",
        state: "dropped",
        dropReason: "See www.evil.example or mail@evil.example\n\n## Also a heading",
      }),
    ]);
    const markdown = packetMarkdown(packetInput({ record }));
    const produced = lines(markdown);
    expect(produced.filter((line) => /^#{1,6} /.test(line))).toEqual([
      "# Review packet: Ada Lovelace",
      "## Summary",
      "## Goals",
      "## Feedback received",
      "## Month by month",
      ...yearMonths.map((month) => `### ${month}`),
    ]);
    expect(produced.some((line) => line.startsWith("|"))).toBe(false);
    expect(markdown).not.toMatch(/(?<!\\)[<[]/);
    expect(markdown).toContain(
      "- **Line one \\# Injected heading \\| a \\| b \\| \\<img src=x onerror=alert\\(1\\)\\> \\!\\[x\\]\\(y\\) \\[z\\]\\(https\\://evil.example\\)** — dropped 2 May 2025",
    );
    expect(markdown).toContain(
      "No longer needed: See www\\.evil.example or mail\\@evil.example \\#\\# Also a heading\n",
    );
  });

  it("lists the goals and the feedback received, as inert text, and counts the one-on-ones held", () => {
    const markdown = packetMarkdown(packetInput());
    expect(markdown).toContain("- One-on-ones held: 11\n");
    expect(markdown).toContain(
      "## Goals\n\n- **Launch the \\<b\\>analytics\\</b\\> engine** — active · 3 of 5 tasks done · due 30 Jun 2026 · at risk on 10 Feb 2026: Waiting on the new cluster\n- **Hire two engineers** — achieved · 2 of 2 tasks done\n",
    );
    expect(markdown).toContain(
      "## Feedback received\n\n- 20 Dec 2025 · from Grace Hopper · shared with the manager · about “Year-end close, part 1”\n  - The year-end close was calm and early. Thank you\\! \\[link\\]\\(https\\://evil.example\\)\n- 20 Mar 2025 · from a former colleague · private\n  - Great roadmap draft.\n",
    );
  });

  it("says so when there are no goals or feedback", () => {
    const markdown = packetMarkdown(
      packetInput({ record: { ...recordOf(yearItems), goals: [], feedback: [] } }),
    );
    expect(markdown).toContain("## Goals\n\nNo goals in this period.\n");
    expect(markdown).toContain("## Feedback received\n\nNo feedback in this period.\n");
  });

  it("escapes the person's name too", () => {
    const markdown = packetMarkdown(packetInput({ person: { name: "[Ada](x)", title: null, email: "a@b" } }));
    expect(lines(markdown)[0]).toBe("# Review packet: \\[Ada\\]\\(x\\)");
    expect(lines(markdown)[2]).toBe("a\\@b");
  });
});

describe("escapeMarkdown", () => {
  it("backslash-escapes what Markdown would act on and leaves plain text alone", () => {
    expect(escapeMarkdown("Write the Q1 report, then rest.")).toBe("Write the Q1 report, then rest.");
    expect(escapeMarkdown("*bold* _it_ `code` ~strike~")).toBe("\\*bold\\* \\_it\\_ \\`code\\` \\~strike\\~");
    expect(escapeMarkdown("a \\ b & c")).toBe("a \\\\ b \\& c");
    expect(escapeMarkdown("https://x.example and WWW.y.example")).toBe(
      "https\\://x.example and WWW\\.y.example",
    );
  });

  it("puts text on one line without control or direction characters", () => {
    expect(escapeMarkdown(" a\r\n\tb\u0000c\u2028d\u202eе ")).toBe("a b c dе");
  });
});
