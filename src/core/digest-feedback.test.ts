import { describe, expect, it } from "vitest";
import { base, compose, entry, headings, section } from "./digest-fixtures";
import { renderDigest } from "./digest-render";

const received = (overrides: Parameters<typeof entry>[0]) =>
  entry({ feedback: { aboutName: null, answersRequest: false }, ...overrides });

describe("composeDigest: feedback", () => {
  it("says who gave feedback and about which task, with a link to the feedback page", () => {
    const lines = section(
      {
        entries: [
          received({ kind: "feedback.received", actorName: "Pat", title: "Ship the report" }),
          received({ kind: "feedback.received", actorName: "Bo", title: "", taskId: null }),
        ],
      },
      "Feedback",
    );
    expect(lines).toEqual([
      { text: "Pat gave you feedback about “Ship the report”", href: `${base}/feedback` },
      { text: "Bo gave you feedback", href: `${base}/feedback` },
    ]);
  });

  it("says who asks for feedback and about whom, and who answered a request", () => {
    const lines = section(
      {
        entries: [
          entry({
            kind: "feedback.requested",
            actorName: "Sam",
            title: "",
            taskId: null,
            feedback: { aboutName: null, answersRequest: false },
          }),
          entry({
            kind: "feedback.requested",
            actorName: "Manny",
            title: "",
            taskId: null,
            feedback: { aboutName: "Sam", answersRequest: false },
          }),
          entry({
            kind: "feedback.answered",
            actorName: "Pat",
            title: "",
            taskId: null,
            feedback: { aboutName: "Sam", answersRequest: true },
          }),
          received({
            kind: "feedback.received",
            actorName: "Bo",
            title: "",
            taskId: null,
            feedback: { aboutName: null, answersRequest: true },
          }),
          received({
            kind: "feedback.received",
            actorName: "Bo",
            title: "Ship it",
            feedback: { aboutName: null, answersRequest: true },
          }),
        ],
      },
      "Feedback",
    )?.map((line) => line.text);
    expect(lines).toEqual([
      "Sam asks for your feedback",
      "Manny asks for your feedback about Sam",
      "Pat answered your request for feedback about Sam",
      "Bo answered a request for feedback about you",
      "Bo answered a request for feedback about you, on “Ship it”",
    ]);
  });

  it("is one section after your requests, listing the latest ten and pointing to the rest", () => {
    const entries = Array.from({ length: 12 }, (_, index) =>
      received({ kind: "feedback.received", actorName: `Giver ${index + 1}`, title: "", taskId: null }),
    );
    expect(
      headings({ entries: [...entries, entry({ kind: "request.progress" }), entry({ kind: "task.asked" })] }),
    ).toEqual(["Asked of you", "Your requests", "Feedback"]);
    const lines = section({ entries }, "Feedback") ?? [];
    expect(lines).toHaveLength(11);
    expect(lines[0]?.text).toBe("Giver 3 gave you feedback");
    expect(lines.at(-1)).toEqual({ text: "and 2 more in Docket", href: `${base}/inbox` });
  });

  it("is news enough for a digest, in both its text and its HTML", () => {
    const content = compose({
      entries: [received({ kind: "feedback.received", actorName: "Pat", title: "Q<3>" })],
    });
    expect(content.subject).toBe("Your Docket digest: 1 change");
    const mail = renderDigest(content);
    expect(mail.text).toContain("Feedback\n--------\n- Pat gave you feedback about “Q<3>”");
    expect(mail.html).toContain(
      `<a style="color:#1c7ed6" href="${base}/feedback">Pat gave you feedback about “Q&lt;3&gt;”</a>`,
    );
  });
});
