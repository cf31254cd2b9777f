import { describe, expect, it } from "vitest";
import { base, compose, entry, headings, section } from "./digest-fixtures";
import { renderDigest } from "./digest-render";

describe("composeDigest: comments", () => {
  it("says who commented on which task and who mentioned the reader, never what they wrote", () => {
    const lines = section(
      {
        entries: [
          entry({ kind: "task.commented", actorName: "Bob", title: "Write the report", position: 2 }),
          entry({ kind: "comment.mentioned", actorName: "Cy", title: "Write the report", position: 2 }),
          entry({ kind: "task.commented", actorName: "Di", title: "Plan Q3", count: 10, asRequester: true }),
          entry({
            kind: "comment.mentioned",
            actorName: "Ed",
            title: "Plan Q3",
            count: 2,
            asRequester: true,
          }),
        ],
      },
      "Comments",
    );
    expect(lines).toEqual([
      { text: "Bob commented on “Write the report” (#2)", href: `${base}/plate` },
      { text: "Cy mentioned you in a comment on “Write the report” (#2)", href: `${base}/plate` },
      { text: "Di left 10 comments on “Plan Q3”", href: `${base}/inbox` },
      { text: "Ed mentioned you in 2 comments on “Plan Q3”", href: `${base}/inbox` },
    ]);
  });

  it("comes after the reader's requests and before feedback, and counts every comment as a change", () => {
    const content = compose({
      entries: [
        entry({ kind: "feedback.received", title: "", feedback: { aboutName: null, answersRequest: false } }),
        entry({ kind: "task.commented", count: 3, asRequester: true }),
        entry({ kind: "request.progress", asRequester: true }),
      ],
    });
    expect(content.sections.map((one) => one.heading)).toEqual(["Your requests", "Comments", "Feedback"]);
    expect(content.subject).toBe("Your Docket digest: 5 changes");
  });
});

describe("composeDigest: reminders", () => {
  it("says who reminds the reader of which task, with their note, linking to the plate", () => {
    expect(
      section(
        {
          entries: [
            entry({
              kind: "request.nudged",
              actorName: "Sam",
              title: "Fill in the survey",
              position: 4,
              to: "It closes Friday",
            }),
            entry({ kind: "request.nudged", actorName: "Pat", title: "Send the slides", count: 2 }),
          ],
        },
        "Reminders",
      ),
    ).toEqual([
      { text: "Sam reminds you of “Fill in the survey” (#4): It closes Friday", href: `${base}/plate` },
      { text: "Pat reminds you of “Send the slides” (2 reminders)", href: `${base}/plate` },
    ]);
  });

  it("is news enough for a digest on its own, after what was asked of the reader", () => {
    const nudged = entry({ kind: "request.nudged", actorName: "Sam", title: "Fill in the survey" });
    const content = compose({ entries: [nudged] });
    expect(content.subject).toBe("Your Docket digest: 1 change");
    expect(renderDigest(content).text).toContain(
      "Reminders\n---------\n- Sam reminds you of “Fill in the survey”",
    );
    expect(
      headings({
        entries: [nudged, entry({ kind: "task.asked" }), entry({ kind: "task.moved", from: 1, to: 2 })],
      }),
    ).toEqual(["Asked of you", "Reminders", "Changes to your plate"]);
  });
});
