import { beforeAll, describe, expect, it } from "vitest";
import { runDigests } from "../src/server/digests/run";
import { deliverMail } from "../src/server/mail/outbound";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import { decoded, subjectOf, useSmtpSink } from "./support/smtp";
import { addTask, moveTask } from "./support/tasks";

/** Monday 4 January 2027, 06:00 UTC: 07:00 in Berlin. */
const monday = "2027-01-04T06:00:00.000Z";

describe.each(dialects)("digests on %s", (dialect) => {
  const smtp = useSmtpSink();
  const h = useHarness(dialect, { smtpUrl: () => smtp.url });
  let boss: Member & { organizationId: string };

  beforeAll(async () => {
    h.clock.set(monday);
    boss = await founder(h.app, "Bianca Boss");
  });

  /** A report of the boss in Berlin whose digest comes at `times` every weekday. */
  async function report(name: string, times = ["08:00"], managerId = boss.id): Promise<Member> {
    const person = await invite(h.app, boss, name, { managerId });
    const answer = await person.client.patch("/api/v1/me", {
      timeZone: "Europe/Berlin",
      digest: { times, days: [1, 2, 3, 4, 5] },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return person;
  }

  /** What reached `address`, leaving out the invitation that brought them in. */
  const mailTo = (address: string) =>
    smtp.to(address).filter((mail) => !subjectOf(mail.data).includes("invited you"));

  /** Runs the scheduler's digest work at the clock's time, then hands what it queued to SMTP. */
  async function tick() {
    const report = await runDigests(h.ctx);
    await deliverMail(h.ctx);
    return report;
  }

  it("sends one digest at the person's hour in their zone, with text and HTML, and none twice", async () => {
    h.clock.set(monday);
    const sam = await report("Sam Digest");
    await addTask(boss, sam.id, { title: "Prepare the quarterly numbers" });
    await addTask(boss, sam.id, { title: "Review the hiring plan", placement: "top" });

    h.clock.set("2027-01-04T06:59:00.000Z"); // 07:59 in Berlin: not yet
    await tick();
    expect(mailTo(sam.email)).toHaveLength(0);

    h.clock.set("2027-01-04T07:00:20.000Z"); // 08:00:20 in Berlin
    const first = await tick();
    expect(first.queued).toBeGreaterThanOrEqual(1);
    const mails = mailTo(sam.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]?.data ?? "";
    expect(subjectOf(mail)).toBe("Your Docket digest: 2 changes");
    expect(mail).toMatch(/Content-Type: text\/plain/);
    expect(mail).toMatch(/Content-Type: text\/html/);
    const body = decoded(mail);
    expect(body).toContain("New on your plate");
    expect(body).toContain("“Review the hiring plan” from Bianca Boss, at #1");
    expect(body).toContain("“Prepare the quarterly numbers” from Bianca Boss, at #2");

    // Later runs in the same slot, and the next slot with nothing new, send nothing.
    h.clock.set("2027-01-04T07:05:00.000Z");
    await tick();
    h.clock.set("2027-01-05T07:00:10.000Z");
    await tick();
    expect(mailTo(sam.email)).toHaveLength(1);
  });

  it("coalesces thirty moves by one person into one line of the digest and one inbox entry", async () => {
    h.clock.set("2027-01-05T09:00:00.000Z");
    const rae = await report("Rae Reorder", ["17:00"]);
    const tasks = [];
    for (let i = 1; i <= 6; i++) tasks.push(await addTask(boss, rae.id, { title: `Item ${i}` }));
    await rae.client.post("/api/v1/inbox/read", { all: true });
    for (let round = 0; round < 5; round++) {
      for (const task of tasks) {
        const moved = await moveTask(boss, task.id, { placement: "top" });
        expect(moved.status).toBe(200);
      }
    }
    const inbox = await rae.client.get<{ items: { kind: string; count: number }[]; unread: number }>(
      "/api/v1/inbox",
    );
    const moves = inbox.body.items.filter((item) => item.kind === "task.moved");
    expect(moves).toHaveLength(1);
    expect(moves[0]?.count).toBeGreaterThanOrEqual(25);
    expect(inbox.body.unread).toBe(1);

    h.clock.set("2027-01-05T16:00:05.000Z"); // 17:00 in Berlin
    await tick();
    const mails = mailTo(rae.email);
    expect(mails).toHaveLength(1);
    expect(decoded(mails[0]?.data ?? "")).toMatch(/Bianca Boss reordered your plate \(\d+ moves\)/);
  });

  it("does not e-mail entries already read in the web inbox, and sends nothing when nothing is left", async () => {
    h.clock.set("2027-01-06T05:00:00.000Z");
    const ida = await report("Ida Inboxreader");
    await addTask(boss, ida.id, { title: "Seen already" });
    const read = await ida.client.post("/api/v1/inbox/read", { all: true });
    expect(read.status).toBe(204);
    h.clock.set("2027-01-06T07:00:05.000Z");
    await tick();
    expect(mailTo(ida.email)).toHaveLength(0);
  });

  it("sends a digest missed while the server was down once when it returns within 12 hours, not after", async () => {
    h.clock.set("2027-01-07T05:00:00.000Z");
    const cat = await report("Cat Catchup");
    await tick(); // her next slot is worked out: 08:00 Berlin today
    await addTask(boss, cat.id, { title: "For Cat" });

    // Down from before 08:00 until 18:00 Berlin: Cat's slot is 10 hours old, within the window.
    h.clock.set("2027-01-07T17:00:00.000Z");
    await tick();
    expect(mailTo(cat.email)).toHaveLength(1);
    expect(decoded(mailTo(cat.email)[0]?.data ?? "")).toContain("For Cat");
    await tick();
    expect(mailTo(cat.email)).toHaveLength(1);
  });

  it("skips a missed slot older than the catch-up window", async () => {
    h.clock.set("2027-01-11T05:00:00.000Z"); // Monday
    const eve = await report("Eve Late");
    await tick();
    await addTask(boss, eve.id, { title: "For Eve" });
    // The server comes back at 21:30 Berlin: 08:00 was 13½ hours ago.
    h.clock.set("2027-01-11T20:30:00.000Z");
    await tick();
    expect(mailTo(eve.email)).toHaveLength(0);
    // The next morning's digest carries it.
    h.clock.set("2027-01-12T07:00:05.000Z");
    await tick();
    expect(mailTo(eve.email)).toHaveLength(1);
    expect(decoded(mailTo(eve.email)[0]?.data ?? "")).toContain("For Eve");
  });

  it("sends no digest while away, then one 'while you were away' digest in priority order", async () => {
    h.clock.set("2027-01-18T05:00:00.000Z"); // Monday
    const ava = await report("Ava Away");
    const away = await ava.client.patch("/api/v1/me", { away: { from: "2027-01-18", until: "2027-01-19" } });
    expect(away.status).toBe(200);
    await addTask(boss, ava.id, { title: "Lower priority" });
    await addTask(boss, ava.id, { title: "Top priority", placement: "top" });
    h.clock.set("2027-01-18T07:00:05.000Z");
    await tick();
    h.clock.set("2027-01-19T07:00:05.000Z");
    await tick();
    expect(mailTo(ava.email)).toHaveLength(0);

    h.clock.set("2027-01-20T07:00:05.000Z"); // back on Wednesday
    await tick();
    const mails = mailTo(ava.email);
    expect(mails).toHaveLength(1);
    expect(subjectOf(mails[0]?.data ?? "")).toMatch(/^While you were away: /);
    const body = decoded(mails[0]?.data ?? "");
    expect(body.indexOf("“Top priority” from Bianca Boss, at #1")).toBeGreaterThan(-1);
    expect(body.indexOf("“Top priority”")).toBeLessThan(body.indexOf("“Lower priority”"));
    expect(body).toContain("Your plate now, in priority order");
  });

  it("shifts a digest time that does not exist on a DST day forward, and sends it once", async () => {
    h.clock.set("2027-03-13T12:00:00.000Z"); // Saturday before the US spring change
    const nia = await invite(h.app, boss, "Nia Newyork", { managerId: boss.id });
    const set = await nia.client.patch("/api/v1/me", {
      timeZone: "America/New_York",
      digest: { times: ["02:30"], days: [7] },
    });
    expect(set.status).toBe(200);
    await addTask(boss, nia.id, { title: "Spring forward" });
    // 02:30 does not exist on Sunday 14 March 2027 in New York: it is 03:30 EDT, 07:30 UTC.
    h.clock.set("2027-03-14T07:29:00.000Z");
    await tick();
    expect(mailTo(nia.email)).toHaveLength(0);
    h.clock.set("2027-03-14T07:30:01.000Z");
    await tick();
    await tick();
    expect(mailTo(nia.email)).toHaveLength(1);
  });

  it("previews the next digest without claiming or marking anything", async () => {
    h.clock.set("2027-01-25T05:00:00.000Z");
    const pia = await report("Pia Preview");
    const empty = await pia.client.get<{ wouldSend: boolean }>("/api/v1/me/digest/preview");
    expect(empty.status).toBe(200);
    expect(empty.body.wouldSend).toBe(false);
    await addTask(boss, pia.id, { title: "Preview me" });
    const preview = await pia.client.get<{ subject: string; text: string; html: string; wouldSend: boolean }>(
      "/api/v1/me/digest/preview",
    );
    expect(preview.body.wouldSend).toBe(true);
    expect(preview.body.subject).toBe("Your Docket digest: 1 change");
    expect(preview.body.text).toContain("“Preview me” from Bianca Boss, at #1");
    // The preview took nothing: the digest at 08:00 still carries it.
    h.clock.set("2027-01-25T07:00:05.000Z");
    await tick();
    expect(decoded(mailTo(pia.email)[0]?.data ?? "")).toContain("Preview me");
  });

  it("escapes what people typed in the HTML part", async () => {
    h.clock.set("2027-01-26T05:00:00.000Z");
    const xo = await report("Xo Escape");
    await addTask(boss, xo.id, { title: `<img src=x onerror="alert(1)"> & "quotes"` });
    const preview = await xo.client.get<{ html: string; text: string }>("/api/v1/me/digest/preview");
    expect(preview.body.html).not.toContain("<img");
    expect(preview.body.html).toContain(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;quotes&quot;",
    );
    expect(preview.body.text).toContain(`<img src=x onerror="alert(1)"> & "quotes"`);
  });

  it("tells a requester how their request is going, one line per request", async () => {
    h.clock.set("2027-01-27T05:00:00.000Z");
    const boss2 = await invite(h.app, boss, "Rita Requester", { managerId: boss.id });
    const a = await report("Ann Assignee", ["08:00"], boss2.id);
    const b = await report("Ben Assignee", ["08:00"], boss2.id);
    const tz = await boss2.client.patch("/api/v1/me", { timeZone: "Europe/Berlin" });
    expect(tz.status).toBe(200);
    const request = await boss2.client.post<{
      id: string;
      assignees: { personId: string; taskId: string }[];
    }>("/api/v1/requests", { title: "Update your pipeline", assigneeIds: [a.id, b.id] });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    for (const who of [a, b]) {
      const mine = request.body.assignees.find((one) => one.personId === who.id);
      const plate = await who.client.get<{ items: { id: string; version: number }[] }>(
        `/api/v1/people/${who.id}/tasks?state=all`,
      );
      const task = plate.body.items.find((item) => item.id === mine?.taskId);
      const done = await who.client.patch(`/api/v1/tasks/${task?.id}`, {
        state: "done",
        version: task?.version,
      });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
    }
    const inbox = await boss2.client.get<{ items: { kind: string; count: number; requestId?: string }[] }>(
      "/api/v1/inbox",
    );
    const progress = inbox.body.items.filter((item) => item.kind === "request.progress");
    expect(progress).toEqual([expect.objectContaining({ count: 2, requestId: request.body.id })]);
    h.clock.set("2027-01-27T08:00:05.000Z"); // 09:00 Berlin, Rita's default digest
    await tick();
    const body = decoded(mailTo(boss2.email)[0]?.data ?? "");
    expect(body).toContain("“Update your pipeline”: 2 of 2 done (2 updates, latest from");
  });
});
