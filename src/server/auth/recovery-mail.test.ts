import { describe, expect, it } from "vitest";
import { passwordResetMail, verificationMail } from "./recovery-mail";

const url = "https://docket.example/reset-password#token=abc&x=<1>";

describe("account recovery mails", () => {
  it("put the reset link on a line of its own and say until when it works", () => {
    const mail = passwordResetMail({
      email: "ada@example.com",
      url,
      expiresAt: new Date("2027-03-01T11:00:00.000Z"),
    });
    expect(mail.subject).toBe("Choose a new Docket password");
    const lines = mail.text.split("\n");
    expect(lines).toContain(url);
    expect(lines.find((line) => line.includes(url))).toBe(url);
    expect(mail.text).toContain("until Mon, 01 Mar 2027 11:00:00 GMT");
    expect(mail.text).toContain("ada@example.com");
    expect(mail.html).toContain('href="https://docket.example/reset-password#token=abc&amp;x=&lt;1&gt;"');
    expect(mail.html).not.toContain("<1>");
  });

  it("put the verification link on a line of its own", () => {
    const link = "https://docket.example/verify-email#token=eyJ.x.y";
    const mail = verificationMail({ email: "ada@example.com", url: link });
    expect(mail.subject).toBe("Confirm your e-mail address for Docket");
    expect(mail.text.split("\n")).toContain(link);
    expect(mail.text).toContain("24 hours");
    expect(mail.html).toContain(`href="${link}"`);
  });
});
