import { describe, expect, it } from "vitest";
import type { FeedbackRequest } from "../../contract";
import { answeredSummary, myAnswer, requestHeadline } from "./requests";

const request: FeedbackRequest = {
  id: "r1",
  aboutId: "rita",
  askedBy: "manny",
  question: "How did the launch go?",
  asked: [
    { personId: "sam", answeredAt: "2026-03-02T10:00:00.000Z" },
    { personId: "pat", answeredAt: null },
  ],
  createdAt: "2026-03-01T09:00:00.000Z",
};
const names: Record<string, string> = { manny: "Manny", rita: "Rita", sam: "Sam" };
const nameOf = (id: string) => names[id] ?? "Someone";

describe("feedback requests", () => {
  it("counts who answered", () => {
    expect(answeredSummary(request.asked)).toBe("1 of 2 answered");
    expect(answeredSummary([{ personId: "pat", answeredAt: null }])).toBe("Nobody answered yet");
    expect(answeredSummary([{ personId: "sam", answeredAt: "2026-03-02T10:00:00.000Z" }])).toBe("Answered");
  });

  it("finds my own answer, if I was asked", () => {
    expect(myAnswer(request, "sam")).toBe("2026-03-02T10:00:00.000Z");
    expect(myAnswer(request, "pat")).toBeNull();
    expect(myAnswer(request, "rita")).toBeUndefined();
  });

  it("says who asked about whom, from the reader's side", () => {
    expect(requestHeadline(request, "sam", nameOf)).toBe("Manny asked for feedback about Rita");
    expect(requestHeadline(request, "manny", nameOf)).toBe("You asked for feedback about Rita");
    expect(requestHeadline(request, "rita", nameOf)).toBe("Manny asked for feedback about you");
    expect(requestHeadline({ askedBy: "rita", aboutId: "rita" }, "sam", nameOf)).toBe(
      "Rita asked for feedback about their work",
    );
    expect(requestHeadline({ askedBy: "rita", aboutId: "rita" }, "rita", nameOf)).toBe(
      "You asked for feedback about yourself",
    );
  });
});
