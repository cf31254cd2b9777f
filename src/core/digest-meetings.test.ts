import { describe, expect, it } from "vitest";
import { composeDigest } from "./digest";
import { base, compose, entry, facts, meeting, section } from "./digest-fixtures";
import { renderDigest } from "./digest-render";

const heading = "One-on-ones coming up";
const numbered = (count: number) => Array.from({ length: count }, (_, index) => `Point ${index + 1}`);

describe("composeDigest: one-on-ones coming up", () => {
  it("is a digest on its own: a coming meeting is something to say", () => {
    expect(composeDigest(facts())).toBeNull();
    const content = compose({ meetings: [meeting({ points: ["Hiring plan"] })] });
    expect(content.subject).toBe("Your Docket digest: 1 one-on-one coming up");
    expect(content.greeting).toBe("Hello Ada, here is what is coming up.");
    expect(content.sections.map((s) => s.heading)).toEqual([heading]);
  });

  it("says with whom and when in the reader's zone, the talking points so far, and links the meeting", () => {
    // 15:00Z on Friday 27 November is 10:00 in New York, the fixtures' reader.
    expect(
      section(
        {
          meetings: [
            meeting({ meetingId: "m/1", withName: "Bea Report", points: ["Hiring plan", "Holidays"] }),
          ],
        },
        heading,
      ),
    ).toEqual([
      {
        text: "With Bea Report, Fri 27 Nov, 10:00: 2 talking points so far",
        href: `${base}/meetings/m%2F1`,
        details: ["Hiring plan", "Holidays"],
      },
    ]);
    expect(
      section({ timeZone: "Europe/Berlin", meetings: [meeting({ points: ["A"] })] }, heading)?.[0]?.text,
    ).toBe("With Bea, Fri 27 Nov, 16:00: 1 talking point so far");
  });

  it("lists the first ten talking points and says how many more there are", () => {
    const lines = section({ meetings: [meeting({ points: numbered(10), pointCount: 14 })] }, heading);
    expect(lines?.[0]?.text).toBe("With Bea, Fri 27 Nov, 10:00: 14 talking points so far");
    expect(lines?.[0]?.details).toEqual([...numbered(10), "and 4 more"]);
  });

  it("suggests settling it in writing or skipping it when nobody added a talking point", () => {
    expect(section({ meetings: [meeting()] }, heading)).toEqual([
      {
        text: "With Bea, Fri 27 Nov, 10:00: nobody has added a talking point yet. Perhaps settle it in writing or skip it.",
        href: `${base}/meetings/m1`,
      },
    ]);
  });

  it("quotes a talking point on one line, and a long one shortened", () => {
    const long = "x".repeat(500);
    const lines = section({ meetings: [meeting({ points: ["Two\nlines  and\ttabs ", long] })] }, heading);
    expect(lines?.[0]?.details?.[0]).toBe("Two lines and tabs");
    expect(lines?.[0]?.details?.[1]).toBe(`${"x".repeat(199)}…`);
  });

  it("lists ten meetings at most, then points to the one-on-ones page", () => {
    const meetings = Array.from({ length: 12 }, (_, index) =>
      meeting({ meetingId: `m${index + 1}`, withName: `Person ${index + 1}` }),
    );
    const lines = section({ meetings }, heading);
    expect(lines).toHaveLength(11);
    expect(lines?.[9]?.href).toBe(`${base}/meetings/m10`);
    expect(lines?.[10]).toEqual({ text: "and 2 more in Docket", href: `${base}/one-on-ones` });
  });

  it("comes after what is urgent, and joins the other news in the subject", () => {
    const content = compose({
      entries: [entry({ kind: "task.added" }), entry({ kind: "task.urgent" })],
      meetings: [meeting(), meeting({ meetingId: "m2" })],
    });
    expect(content.sections.map((s) => s.heading)).toEqual(["Urgent", heading, "New on your plate"]);
    expect(content.subject).toBe("Your Docket digest: 2 changes, 2 one-on-ones coming up");
    expect(content.greeting).toBe("Hello Ada, here is what changed since your last digest.");
  });

  it("is in the 'while you were away' digest too", () => {
    const content = compose({ awayReturn: true, meetings: [meeting()] });
    expect(content.subject).toBe("While you were away: 1 one-on-one coming up");
    expect(content.sections.map((s) => s.heading)).toContain(heading);
  });
});

describe("renderDigest: one-on-ones coming up", () => {
  const rendered = renderDigest(
    compose({
      meetings: [
        meeting({ meetingId: "m1", withName: "Bea <b>", points: ["Hiring & <plan>", "Holidays"] }),
        meeting({ meetingId: "m2", withName: "Cy", scheduledAt: "2026-11-27T20:00:00.000Z" }),
      ],
    }),
  );

  it("writes each meeting's points under it and its link on its own line in the text part", () => {
    const lines = rendered.text.split("\n");
    const start = lines.indexOf(heading);
    expect(lines.slice(start, lines.indexOf("", start))).toEqual([
      heading,
      "-".repeat(heading.length),
      "- With Bea <b>, Fri 27 Nov, 10:00: 2 talking points so far",
      "    · Hiring & <plan>",
      "    · Holidays",
      `    Open: ${base}/meetings/m1`,
      "- With Cy, Fri 27 Nov, 15:00: nobody has added a talking point yet. Perhaps settle it in writing or skip it.",
      `    Open: ${base}/meetings/m2`,
    ]);
  });

  it("links each meeting and lists its points, escaped, in the HTML part", () => {
    expect(rendered.html).toContain(
      `<li><a style="color:#1c7ed6" href="${base}/meetings/m1">With Bea &lt;b&gt;, Fri 27 Nov, 10:00: 2 talking points so far</a><ul style="margin:0;padding-left:20px"><li>Hiring &amp; &lt;plan&gt;</li><li>Holidays</li></ul></li>`,
    );
    expect(rendered.html).toContain(`href="${base}/meetings/m2"`);
    expect(rendered.html).not.toContain("<plan>");
    expect(rendered.html).not.toContain("<b>");
  });
});
