import { describe, expect, it } from "vitest";
import { Notes, PersonName, PersonTitle, Reason, TaskTitle } from "./text";
import { textLimits } from "./text-limits";

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message).join("; ");

describe("one line of text", () => {
  it("trims, and keeps letters of every script, emoji and inner spaces", () => {
    expect(PersonName.parse("  Zoë Ågren-Nakamura  ")).toBe("Zoë Ågren-Nakamura");
    expect(TaskTitle.parse("Ship 🚢 the 報告 before Friday")).toBe("Ship 🚢 the 報告 before Friday");
    expect(TaskTitle.parse("مراجعة التقرير")).toBe("مراجعة التقرير");
  });

  it.each([
    ["a CR LF inside", "Mallory\r\nBcc: victim@example.com"],
    ["a line feed", "first\nsecond"],
    ["a carriage return", "first\rsecond"],
    ["a tab", "first\tsecond"],
    ["NUL", "nul\u0000here"],
    ["an escape sequence", "red \u001b[31m text"],
    ["DEL", "del\u007fhere"],
    ["a C1 control (NEL)", "next\u0085line"],
    ["the line separator", "one\u2028two"],
    ["the paragraph separator", "one\u2029two"],
    ["a right-to-left override", "invoice\u202Efdp.exe"],
    ["a left-to-right isolate", "a\u2066b\u2069c"],
    ["half a surrogate pair", "broken \ud800 text"],
  ])("refuses %s, naming the field", (_label, text) => {
    const result = PersonName.safeParse(text);
    expect(result.success).toBe(false);
    expect(messageOf(result)).toBe("name must be one line, without line breaks or control characters");
  });

  it("refuses the 5,000-character name with an injected header on two counts", () => {
    const result = PersonName.safeParse(`${"A".repeat(5000)}\r\nBcc: victim@example.com`);
    expect(result.success).toBe(false);
    expect(messageOf(result)).toContain(`name must be at most ${textLimits.personName} characters`);
    expect(messageOf(result)).toContain("name must be one line");
  });

  it("bounds the length after trimming, and says what is missing when blank", () => {
    expect(TaskTitle.parse(`  ${"x".repeat(textLimits.taskTitle)}  `)).toHaveLength(textLimits.taskTitle);
    expect(messageOf(TaskTitle.safeParse("x".repeat(textLimits.taskTitle + 1)))).toBe(
      "title must be at most 200 characters",
    );
    expect(messageOf(TaskTitle.safeParse("   "))).toBe("a task needs a title");
    expect(messageOf(Reason.safeParse(""))).toBe("say why");
  });

  it("lets an optional text be blank", () => {
    expect(PersonTitle.parse("   ")).toBe("");
    expect(PersonTitle.safeParse("Head of\nSales").success).toBe(false);
  });

  it("refuses what is not a string", () => {
    expect(PersonName.safeParse(42).success).toBe(false);
    expect(PersonName.safeParse(null).success).toBe(false);
  });
});

describe("lines of text", () => {
  it("keeps line breaks, tabs and the text as written", () => {
    expect(Notes.parse("  Steps:\n\t1. draft\n\t2. send\n")).toBe("  Steps:\n\t1. draft\n\t2. send\n");
  });

  it("writes Windows and old Mac line ends as line feeds", () => {
    expect(Notes.parse("one\r\ntwo\rthree")).toBe("one\ntwo\nthree");
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["an escape sequence", "a\u001b[2Jb"],
    ["a form feed", "a\fb"],
    ["DEL", "a\u007fb"],
    ["a C1 control", "a\u009bb"],
    ["the line separator", "a\u2028b"],
    ["half a surrogate pair", "a\udc00b"],
  ])("refuses %s", (_label, text) => {
    const result = Notes.safeParse(text);
    expect(result.success).toBe(false);
    expect(messageOf(result)).toBe("notes may hold line breaks and tabs, but no other control characters");
  });

  it("bounds the length", () => {
    expect(Notes.safeParse("x".repeat(textLimits.notes)).success).toBe(true);
    expect(messageOf(Notes.safeParse("x".repeat(textLimits.notes + 1)))).toBe(
      "notes must be at most 20000 characters",
    );
  });
});
