import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

const person = { email: "ada.lovelace@example.com", name: "Ada Lovelace" };

describe("passwordProblem", () => {
  it.each([
    ["too short", "short1!", /at least 10/],
    ["too long", "x".repeat(100) + "y".repeat(29), /at most 128/],
    ["one character repeated", "zzzzzzzzzzzz", /repeated/],
    ["a common password", "Password123", /too common/],
    ["the e-mail", "ada.lovelace@example.com", /e-mail/],
    ["containing the e-mail's name", "my ada.lovelace pass", /e-mail/],
    ["the name", "AdaLovelace", /name/],
  ])("refuses %s", (_, password, reason) => {
    expect(passwordProblem(password, person)).toMatch(reason);
  });

  it.each(["correct horse battery staple", "Tr0ub4dour&3xyz", "ünïcødé pässwörd"])(
    "accepts %s",
    (password) => {
      expect(passwordProblem(password, person)).toBeNull();
    },
  );

  it("counts characters, not UTF-16 units", () => {
    expect(passwordProblem("😀😀😀😀😀😀😀😀😀", person)).toMatch(/at least 10/);
    expect(passwordProblem("😀😀😀😀😀😀😀😀😀🙂", person)).toBeNull();
  });
});
