import { beforeAll, describe, expect, it } from "vitest";
import { runDigests } from "../src/server/digests/run";
import { deliverMail } from "../src/server/mail/outbound";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { askForFeedback, giveFeedback } from "./support/feedback";
import { baseUrl, useHarness } from "./support/harness";
import { decoded, subjectOf, useSmtpSink } from "./support/smtp";
import { acceptTask, addTask, changeTask, taskOf } from "./support/tasks";

/** Monday 1 March 2027, 06:00 UTC: 07:00 in Berlin. */
const monday = "2027-03-01T06:00:00.000Z";

/** The lines of one section of a digest's text part, from under its heading to the blank line after it. */
function textSection(text: string, title: string): string[] | undefined {
  const lines = text.split("\n");
  const start = lines.indexOf(title);
  if (start < 0) return undefined;
  return lines.slice(start + 2, lines.indexOf("", start));
}

describe.each(dialects)("feedback in digests on %s", (dialect) => {
  const smtp = useSmtpSink();
  const h = useHarness(dialect, { smtpUrl: () => smtp.url });
  let boss: Member & { organizationId: string };

  beforeAll(async () => {
    h.clock.set(monday);
    boss = await founder(h.app, "Bianca Boss");
    await inBerlinAtEight(boss);
  });

  async function inBerlinAtEight(person: Member): Promise<void> {
    const answer = await person.client.patch("/api/v1/me", {
      timeZone: "Europe/Berlin",
      digest: { times: ["08:00"], days: [1, 2, 3, 4, 5] },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }

  /** A report of the boss in Berlin whose digest comes at 08:00 every weekday. */
  async function report(name: string): Promise<Member> {
    const person = await invite(h.app, boss, name, { managerId: boss.id });
    await inBerlinAtEight(person);
    return person;
  }

  /** The digest `member` got, as queued (text and HTML) and as SMTP received it. */
  async function digestOf(member: Member) {
    const queued = await h.ctx.db
      .selectFrom("outbound_mail")
      .select(["subject", "text", "html"])
      .where("person_id", "=", member.id)
      .where("kind", "=", "digest")
      .execute();
    expect(queued).toHaveLength(1);
    const received = smtp
      .to(member.email)
      .filter((mail) => subjectOf(mail.data).startsWith("Your Docket digest"));
    expect(received).toHaveLength(1);
    return {
      ...(queued[0] as { subject: string; text: string; html: string }),
      sent: decoded(received[0]?.data ?? ""),
    };
  }

  it("tells who gave feedback, about what, who asks for it and who answered, with a link and never the words", async () => {
    h.clock.set(monday);
    const rae = await report("Rae Receiver");
    const pat = await report("Pat Giver");
    const body = { thanks: "Rae's checklist caught three bugs", answer: "Rae explains things patiently" };

    // Pat asked Rae for the report; Rae took it and finished it; Pat says thanks.
    const task = await addTask(pat, rae.id, { title: "Ship the launch report" });
    expect((await acceptTask(rae, task.id, { placement: "bottom" })).status).toBe(200);
    await changeTask(rae, await taskOf(rae, task.id), { state: "done" });
    await rae.client.post("/api/v1/inbox/read", { all: true });
    await pat.client.post("/api/v1/inbox/read", { all: true });
    h.clock.set("2027-03-01T06:10:00.000Z");
    await giveFeedback(pat, { toId: rae.id, body: body.thanks, visibility: "private", taskId: task.id });
    // The boss asks Pat about Rae, and Pat answers; Rae asks Pat about themselves.
    h.clock.set("2027-03-01T06:20:00.000Z");
    const bossAsks = await askForFeedback(boss, {
      aboutId: rae.id,
      fromIds: [pat.id],
      question: "How is Rae?",
    });
    await giveFeedback(pat, {
      toId: rae.id,
      body: body.answer,
      visibility: "with_manager",
      requestId: bossAsks.id,
    });
    h.clock.set("2027-03-01T06:40:00.000Z");
    await askForFeedback(rae, { aboutId: rae.id, fromIds: [pat.id], question: "What should I change?" });

    h.clock.set("2027-03-01T07:00:20.000Z"); // 08:00:20 in Berlin
    await runDigests(h.ctx);
    await deliverMail(h.ctx);

    const raes = await digestOf(rae);
    expect(raes.subject).toBe("Your Docket digest: 2 changes");
    expect(textSection(raes.text, "Feedback")).toEqual([
      "- Pat Giver gave you feedback about “Ship the launch report”",
      "- Pat Giver answered a request for feedback about you",
      `  Open: ${baseUrl}/feedback`,
    ]);
    expect(raes.html).toContain(
      `href="${baseUrl}/feedback">Pat Giver gave you feedback about “Ship the launch report”</a>`,
    );
    expect(raes.sent).toContain("Pat Giver gave you feedback about “Ship the launch report”");

    const pats = await digestOf(pat);
    expect(textSection(pats.text, "Feedback")).toEqual([
      "- Bianca Boss asks for your feedback about Rae Receiver",
      "- Rae Receiver asks for your feedback",
      `  Open: ${baseUrl}/feedback`,
    ]);

    const bosss = await digestOf(boss);
    expect(textSection(bosss.text, "Feedback")).toEqual([
      "- Pat Giver answered your request for feedback about Rae Receiver",
      `    Open: ${baseUrl}/feedback`,
    ]);
    for (const mail of [raes, pats, bosss]) {
      for (const words of Object.values(body)) {
        expect(mail.text).not.toContain(words);
        expect(mail.html).not.toContain(words);
        expect(mail.sent).not.toContain(words);
      }
    }
  });
});
