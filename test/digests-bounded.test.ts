import { beforeAll, describe, expect, it } from "vitest";
import { runDigests } from "../src/server/digests/run";
import { sweepDues, sweepStale } from "../src/server/inbox/sweeps";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { baseUrl, useHarness } from "./support/harness";
import { addTask, changeTask } from "./support/tasks";

/** Monday 1 March 2027, 05:00 UTC: 06:00 in Berlin, two hours before the digests. */
const monday = "2027-03-01T05:00:00.000Z";
/** 08:00 in Berlin on Monday and on Tuesday. */
const mondaySlot = "2027-03-01T07:00:05.000Z";
const tuesdaySlot = "2027-03-02T07:00:05.000Z";

/** The lines of one section of a digest's text part, from under its heading to the blank line after it. */
function textSection(text: string, heading: string): string[] | undefined {
  const lines = text.split("\n");
  const start = lines.indexOf(heading);
  if (start < 0) return undefined;
  return lines.slice(start + 2, lines.indexOf("", start));
}

const numbered = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `${prefix} ${from + index}`);

describe.each(dialects)("a digest of much on %s", (dialect) => {
  const h = useHarness(dialect);
  let boss: Member & { organizationId: string };
  let peer: Member;
  let olive: Member;
  let quinn: Member;

  /** A report of the boss in Berlin whose digest comes at 08:00 every weekday. */
  async function report(name: string): Promise<Member> {
    const person = await invite(h.app, boss, name, { managerId: boss.id });
    const answer = await person.client.patch("/api/v1/me", {
      timeZone: "Europe/Berlin",
      digest: { times: ["08:00"], days: [1, 2, 3, 4, 5] },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return person;
  }

  /** Asks of `from` into `owner`'s triage, then tasks of the boss onto their plate, a second apart. */
  async function pileUp(owner: Member, asks: number, added: number) {
    for (let i = 1; i <= asks; i++) {
      h.clock.advance(1000);
      const ask = await addTask(peer, owner.id, { title: `Ask ${i}` });
      expect(ask.state).toBe("triage");
    }
    for (let i = 1; i <= added; i++) {
      h.clock.advance(1000);
      await addTask(boss, owner.id, { title: `Task ${i}` });
    }
  }

  async function digestMails(person: Member) {
    return h.ctx.db
      .selectFrom("outbound_mail")
      .select(["id", "subject", "text", "html"])
      .where("person_id", "=", person.id)
      .where("kind", "=", "digest")
      .orderBy("created_at")
      .execute();
  }

  async function entriesOf(person: Member) {
    return h.ctx.db
      .selectFrom("inbox_entry")
      .select(["id", "digest_id"])
      .where("person_id", "=", person.id)
      .execute();
  }

  beforeAll(async () => {
    h.clock.set(monday);
    boss = await founder(h.app, "Bianca Boss");
    // A peer of theirs: outside their chain, so what they ask waits in triage.
    peer = await invite(h.app, boss, "Paul Peer", { managerId: boss.id });
    olive = await report("Olive Overloaded");
    quinn = await report("Quinn Quieter");
    await pileUp(olive, 60, 240);
    await pileUp(quinn, 12, 3);
  }, 240_000);

  it("lists ten of each section, says how many more wait with a link, and the preview shows the same", async () => {
    h.clock.set(mondaySlot);
    const preview = await olive.client.get<{
      subject: string;
      text: string;
      html: string;
      wouldSend: boolean;
    }>("/api/v1/me/digest/preview");
    expect(preview.status).toBe(200);
    await runDigests(h.ctx);

    const [mail, ...others] = await digestMails(olive);
    expect(others).toHaveLength(0);
    if (!mail) throw new Error("no digest for Olive");
    expect(mail.subject).toBe("Your Docket digest: 300 changes, 60 in triage");
    expect(textSection(mail.text, "Asked of you")).toEqual([
      ...numbered("Paul Peer asked: “Ask", 51, 60).map((line) => `- ${line}”`),
      `  Open: ${baseUrl}/triage`,
      "- and 50 more in Docket",
      `    Open: ${baseUrl}/inbox`,
    ]);
    expect(textSection(mail.text, "New on your plate")).toEqual([
      ...numbered("Task", 231, 240).map(
        (title, index) => `- “${title}” from Bianca Boss, at #${231 + index}`,
      ),
      `  Open: ${baseUrl}/plate`,
      "- and 230 more in Docket",
      `    Open: ${baseUrl}/inbox`,
    ]);
    expect(textSection(mail.text, "Waiting in your triage")).toEqual([
      ...numbered("Ask", 1, 10).map((title) => `- “${title}” from Paul Peer`),
      "- and 50 more in Docket",
      `  Open: ${baseUrl}/triage`,
    ]);
    expect(mail.text.length).toBeLessThan(4000);
    expect(mail.html.match(/<li>/g)).toHaveLength(33);
    expect(mail.html).toContain(
      `<a style="color:#1c7ed6" href="${baseUrl}/inbox">and 230 more in Docket</a>`,
    );
    expect(mail.html).toContain(
      `<a style="color:#1c7ed6" href="${baseUrl}/triage">and 50 more in Docket</a>`,
    );
    expect(mail.html).toContain(`<a style="color:#1c7ed6" href="${baseUrl}/inbox">and 50 more in Docket</a>`);
    expect(mail.html).not.toContain("Task 230”");

    expect(preview.body).toEqual({
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      wouldSend: true,
    });

    // Everything it told of, listed or counted, is carried by that digest.
    const entries = await entriesOf(olive);
    expect(entries).toHaveLength(300);
    expect(entries.filter((entry) => entry.digest_id !== mail.id)).toEqual([]);

    // Another person's digest in the same batch is bounded on its own.
    const [quinnMail] = await digestMails(quinn);
    expect(quinnMail?.subject).toBe("Your Docket digest: 15 changes, 12 in triage");
    expect(textSection(quinnMail?.text ?? "", "Asked of you")?.slice(-2)).toEqual([
      "- and 2 more in Docket",
      `    Open: ${baseUrl}/inbox`,
    ]);
    expect(textSection(quinnMail?.text ?? "", "New on your plate")).toEqual([
      "- “Task 1” from Bianca Boss, at #1",
      "- “Task 2” from Bianca Boss, at #2",
      "- “Task 3” from Bianca Boss, at #3",
      `  Open: ${baseUrl}/plate`,
    ]);
    expect(textSection(quinnMail?.text ?? "", "Waiting in your triage")?.slice(-2)).toEqual([
      "- and 2 more in Docket",
      `  Open: ${baseUrl}/triage`,
    ]);
  });

  it("tells the next slot only what came after, none of what the last one listed or counted", async () => {
    h.clock.set("2027-03-01T12:00:00.000Z");
    await addTask(boss, olive.id, { title: "After the digest" });
    h.clock.set(tuesdaySlot);
    await runDigests(h.ctx);

    const mails = await digestMails(olive);
    expect(mails).toHaveLength(2);
    const second = mails[1];
    expect(second?.subject).toBe("Your Docket digest: 1 change, 60 in triage");
    expect(second?.text).not.toContain("Asked of you");
    expect(textSection(second?.text ?? "", "New on your plate")).toEqual([
      "- “After the digest” from Bianca Boss, at #241",
      `    Open: ${baseUrl}/plate`,
    ]);
    // Nothing new for Quinn: what waits in triage alone sends no digest.
    expect(await digestMails(quinn)).toHaveLength(1);
  });

  it("does not lose due news behind more than ten later entries about tasks no longer due", async () => {
    h.clock.set("2027-03-03T05:00:00.000Z"); // Wednesday, 06:00 in Berlin
    const rae = await report("Rae Redater");
    const dueToday = { due: { at: "2027-03-03T14:00:00.000Z" } };
    // Her own tasks: only the sweep tells her of them.
    await addTask(rae, rae.id, { title: "Still due today", ...dueToday });
    expect(await sweepDues(h.ctx)).toBe(1);
    h.clock.set("2027-03-03T05:10:00.000Z");
    const later = [];
    for (let i = 1; i <= 11; i++)
      later.push(await addTask(rae, rae.id, { title: `Moved ${i}`, ...dueToday }));
    expect(await sweepDues(h.ctx)).toBe(11);
    h.clock.set("2027-03-03T05:20:00.000Z");
    for (const task of later) await changeTask(rae, task, { due: { date: "2027-03-12" } });

    h.clock.set("2027-03-03T07:00:05.000Z");
    await runDigests(h.ctx);
    const [mail] = await digestMails(rae);
    expect(mail?.subject).toBe("Your Docket digest: 1 due soon");
    expect(textSection(mail?.text ?? "", "Due by the end of your next working day")).toEqual([
      "- #1 “Still due today”, due Wed 3 Mar, 15:00",
      `    Open: ${baseUrl}/plate`,
    ]);
    expect((await entriesOf(rae)).filter((entry) => entry.digest_id !== mail?.id)).toEqual([]);
  });

  it("neither lists nor counts a still-needed question whose task was touched since it was asked", async () => {
    h.clock.set("2027-03-04T05:00:00.000Z"); // Thursday
    const sid = await report("Sid Stale");
    const tasks = [];
    for (let i = 1; i <= 12; i++) tasks.push(await addTask(sid, sid.id, { title: `Stale ${i}` }));
    h.clock.set("2027-03-19T05:00:00.000Z"); // 15 days on: all twelve are asked about
    await sweepStale(h.ctx);
    for (const task of tasks.slice(0, 3)) await changeTask(sid, task, { title: `${task.title}, touched` });

    h.clock.set("2027-03-19T07:00:05.000Z");
    await runDigests(h.ctx);
    const [mail] = await digestMails(sid);
    expect(mail?.subject).toBe("Your Docket digest: 9 changes");
    const asked = textSection(mail?.text ?? "", "Still needed?")?.flatMap(
      (line) => line.match(/^- “(.*)”/)?.[1] ?? [],
    );
    expect(asked?.sort()).toEqual(numbered("Stale", 4, 12).sort());
    expect(mail?.text).not.toContain("more in Docket");
  });
});
