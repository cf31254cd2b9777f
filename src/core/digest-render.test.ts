import { describe, expect, it } from "vitest";
import { composeDigest, type DigestContent } from "./digest";
import { base, compose, entry } from "./digest-fixtures";
import { escapeHtml, renderDigest } from "./digest-render";

const content: DigestContent = {
  subject: "Your Docket digest: 2 changes",
  greeting: "Hello Ada, here is what changed since your last digest.",
  sections: [
    {
      heading: "Urgent",
      lines: [{ text: "Bob marked “Budget” (#1) urgent", href: "https://docket.example/plate" }],
    },
    {
      heading: "Still needed?",
      lines: [
        {
          text: "“Old” (#4): untouched for 12 days",
          actions: [
            { label: "Keep it", href: "https://docket.example/still-needed/k.1" },
            { label: "Drop it", href: "https://docket.example/still-needed/d.2" },
          ],
        },
        { text: "A line without a link" },
      ],
    },
  ],
  footer: { text: "See everything in your Docket inbox", href: "https://docket.example/inbox" },
};

describe("escapeHtml", () => {
  it("escapes the five characters that matter in HTML text and attributes, and nothing else", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a> “ok” é`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; “ok” é",
    );
    // Already escaped text is escaped again, not left alone.
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});

describe("renderDigest", () => {
  it("keeps the subject as it is", () => {
    expect(renderDigest(content).subject).toBe("Your Docket digest: 2 changes");
  });

  it("renders the text part as headings, underlined, with lines, actions and the footer link", () => {
    // Lines without links here: how a line's own link is written in text is not pinned down.
    const plain: DigestContent = {
      ...content,
      sections: content.sections.map((section) => ({
        ...section,
        lines: section.lines.map(({ href: _href, ...line }) => line),
      })),
    };
    expect(renderDigest(plain).text).toBe(
      [
        "Hello Ada, here is what changed since your last digest.",
        "",
        "Urgent",
        "------",
        "- Bob marked “Budget” (#1) urgent",
        "",
        "Still needed?",
        "-------------",
        "- “Old” (#4): untouched for 12 days",
        "    Keep it: https://docket.example/still-needed/k.1",
        "    Drop it: https://docket.example/still-needed/d.2",
        "- A line without a link",
        "",
        "See everything in your Docket inbox: https://docket.example/inbox",
        "",
      ].join("\n"),
    );
  });

  it("puts a link that is one line's own right under that line, and one that lines share once after them", () => {
    const composed = compose({
      entries: [
        entry({
          kind: "request.progress",
          request: { id: "r1", title: "Pipeline", done: 1, dropped: 0, total: 3 },
        }),
        entry({
          kind: "request.progress",
          request: { id: "r2", title: "Offsite", done: 0, dropped: 0, total: 2 },
        }),
        entry({ kind: "task.moved", from: 4, to: 1, title: "Budget" }),
        entry({ kind: "task.edited", position: 2, title: "Hiring plan" }),
      ],
    });
    const text = renderDigest(composed).text;
    expect(text).toContain(
      [
        "Changes to your plate",
        "---------------------",
        "- Bob moved “Budget” from #4 to #1",
        "- Bob edited “Hiring plan” (#2)",
        `  Open: ${base}/plate`,
        "",
        "Your requests",
        "-------------",
        "- “Pipeline”: 1 of 3 done (1 update, latest from Bob)",
        `    Open: ${base}/requests/r1`,
        "- “Offsite”: 0 of 2 done (1 update, latest from Bob)",
        `    Open: ${base}/requests/r2`,
        "",
      ].join("\n"),
    );
  });

  it("renders the HTML part with a heading and a list per section, links on lines, buttons for actions", () => {
    const { html } = renderDigest(content);
    expect(html.startsWith("<!doctype html>\n")).toBe(true);
    expect(html).toContain("<title>Your Docket digest: 2 changes</title>");
    expect(html).toContain("<p>Hello Ada, here is what changed since your last digest.</p>");
    expect(html.match(/<h2 [^>]*>([^<]*)<\/h2>/g)?.map((h) => h.replace(/<[^>]+>/g, ""))).toEqual([
      "Urgent",
      "Still needed?",
    ]);
    expect(html.match(/<ul /g)).toHaveLength(2);
    expect(html.match(/<li>/g)).toHaveLength(3);
    expect(html).toMatch(
      /<li><a [^>]*href="https:\/\/docket\.example\/plate">Bob marked “Budget” \(#1\) urgent<\/a><\/li>/,
    );
    expect(html).toMatch(
      /<li>“Old” \(#4\): untouched for 12 days<br><a [^>]*href="https:\/\/docket\.example\/still-needed\/k\.1">Keep it<\/a><a [^>]*href="https:\/\/docket\.example\/still-needed\/d\.2">Drop it<\/a><\/li>/,
    );
    expect(html).toContain("<li>A line without a link</li>");
    expect(html).toMatch(
      /<a [^>]*href="https:\/\/docket\.example\/inbox">See everything in your Docket inbox<\/a>/,
    );
    expect(html.trimEnd().endsWith("</body></html>")).toBe(true);
  });

  it("has every link in both parts", () => {
    const { text, html } = renderDigest(content);
    for (const href of [
      "https://docket.example/plate",
      "https://docket.example/still-needed/k.1",
      "https://docket.example/still-needed/d.2",
      "https://docket.example/inbox",
    ]) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(text).toContain("    Keep it: https://docket.example/still-needed/k.1");
    expect(text).toContain("    Drop it: https://docket.example/still-needed/d.2");
    expect(text).toContain("See everything in your Docket inbox: https://docket.example/inbox");
    // A line's own link (here the plate) must reach a reader of the text part too.
    expect(text).toContain("https://docket.example/plate");
  });

  describe("with hostile values from a composed digest", () => {
    const title = `<script>alert(1)</script> "quoted" & 'single'`;
    const name = `Eve <img src=x onerror=alert(2)>`;
    const composed = composeDigest({
      recipientName: name,
      timeZone: "UTC",
      baseUrl: `https://docket.example/"><script>x</script>`,
      awayReturn: false,
      entries: [
        {
          kind: "task.urgent",
          count: 1,
          actorName: name,
          title,
          taskId: "t1",
          position: 1,
          asRequester: false,
        },
        {
          kind: "task.stale",
          count: 1,
          actorName: name,
          title,
          taskId: "t2",
          position: null,
          asRequester: false,
          stillNeeded: {
            keepUrl: `https://k.example/?a=1&b="2"`,
            dropUrl: "https://d.example/'x'",
            asOwner: true,
            untouchedDays: 3,
          },
        },
      ],
      unlisted: [],
      dueSoon: [],
      overdue: [],
      triage: [{ title, requesterName: name }],
      triageWaiting: 1,
      plateTop: [],
      meetings: [
        {
          meetingId: "m1",
          withName: name,
          scheduledAt: "2026-11-27T15:00:00.000Z",
          points: [title],
          pointCount: 1,
        },
      ],
      now: "2026-11-25T12:00:00.000Z",
    });
    if (composed === null) throw new Error("expected a digest");
    const { text, html } = renderDigest(composed);

    it("escapes every value in the HTML part", () => {
      expect(html).not.toContain("<script>");
      expect(html).not.toContain("<img");
      expect(html).not.toContain(`"quoted"`);
      expect(html).not.toContain("'single'");
      expect(html).toContain(
        "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;",
      );
      expect(html).toContain("Eve &lt;img src=x onerror=alert(2)&gt;");
      expect(html).toContain(
        "<li>&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;</li>",
      );
      expect(html).toContain(`href="https://k.example/?a=1&amp;b=&quot;2&quot;"`);
      expect(html).toContain(`href="https://d.example/&#39;x&#39;"`);
      expect(html).toContain(`href="https://docket.example/&quot;&gt;&lt;script&gt;x&lt;/script&gt;/plate"`);
    });

    it("leaves the text part as written", () => {
      expect(text).toContain(`${name} marked “${title}” (#1) urgent`);
      expect(text).toContain(`- “${title}” from ${name}`);
      expect(text).toContain(`    · ${title}`);
      expect(text).toContain(`    Keep it: https://k.example/?a=1&b="2"`);
      expect(text).toContain(`    Drop it: https://d.example/'x'`);
      expect(text).not.toContain("&lt;");
      expect(text).not.toContain("&amp;");
      expect(text).not.toContain("&quot;");
    });
  });
});
