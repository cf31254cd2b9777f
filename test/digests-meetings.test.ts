import { beforeAll, describe, expect, it } from "vitest";
import { runDigests } from "../src/server/digests/run";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { baseUrl, useHarness } from "./support/harness";
import {
  addPoints,
  type Cadence,
  changeMeeting,
  nextMeetingOf,
  type Series,
  setUpOneOnOne,
} from "./support/one-on-ones";
import { addTask } from "./support/tasks";

/** Friday 1 January 2027, 05:00 UTC: 06:00 in Berlin, 00:00 in New York. */
const friday = "2027-01-01T05:00:00.000Z";
const heading = "One-on-ones coming up";
const settle = "nobody has added a talking point yet. Perhaps settle it in writing or skip it.";
/** Talking points beyond the first two: a digest lists ten in all and counts the rest. */
const morePoints = Array.from({ length: 11 }, (_, index) => `Point ${index + 1}`);
const pointLines = [
  "    · Hiring plan",
  "    · Promotion & <pay>",
  ...morePoints.slice(0, 8).map((point) => `    · ${point}`),
  "    · and 3 more",
];
/** Tuesdays at 12:00 in UTC: three hours after a 09:00 UTC digest. */
const tuesdayNoon: Cadence = { everyWeeks: 1, weekday: 2, time: "12:00", minutes: 30 };

interface DigestMail {
  subject: string;
  text: string;
  html: string;
  created_at: string;
}

/** The lines of one section of a digest's text part, from under its heading to the blank line after it. */
function textSection(text: string, title: string): string[] | undefined {
  const lines = text.split("\n");
  const start = lines.indexOf(title);
  if (start < 0) return undefined;
  return lines.slice(start + 2, lines.indexOf("", start));
}

describe.each(dialects)("the digest before a one-on-one on %s", (dialect) => {
  const h = useHarness(dialect);
  let boss: Member & { organizationId: string };
  let mara: Member;
  let remy: Member;
  let theo: Member;
  let ned: Member;
  let ola: Member;
  const finished: Member[] = [];
  let tuesday: Series;
  let wednesday: Series;

  /** Someone in `timeZone` whose digest comes at 08:00 (in Berlin and New York) or 09:00 (UTC) on weekdays. */
  async function person(name: string, timeZone: string): Promise<Member> {
    const member = await invite(h.app, boss, name, { managerId: boss.id });
    const answer = await member.client.patch("/api/v1/me", {
      timeZone,
      digest: { times: [timeZone === "UTC" ? "09:00" : "08:00"], days: [1, 2, 3, 4, 5] },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return member;
  }

  /** Every digest queued for `member`, oldest first. */
  async function digestsOf(member: Member): Promise<DigestMail[]> {
    return h.ctx.db
      .selectFrom("outbound_mail")
      .select(["subject", "text", "html", "created_at"])
      .where("person_id", "=", member.id)
      .where("kind", "=", "digest")
      .orderBy("created_at")
      .execute();
  }

  /** The digest `member` got at the clock's time now, after running the digest job. */
  async function digestNow(member: Member): Promise<DigestMail | undefined> {
    const now = h.clock.now().toISOString();
    return (await digestsOf(member)).find((mail) => mail.created_at === now);
  }

  /** Something new on each one's plate, so that each gets a digest at their next slot. */
  async function news(title: string, ...members: Member[]) {
    for (const member of members) await addTask(boss, member.id, { title });
  }

  async function tickAt(instant: string) {
    h.clock.set(instant);
    const report = await runDigests(h.ctx);
    expect(report.failed).toBe(0);
  }

  const mentionsAMeeting = (mail: DigestMail | undefined) => {
    expect(mail, "a digest was sent").toBeDefined();
    return mail?.text.includes(heading) || mail?.html.includes(heading) || mail?.text.includes("/meetings/");
  };

  beforeAll(async () => {
    h.clock.set(friday);
    boss = await founder(h.app, "Bianca Boss");
    mara = await person("Mara Manager", "Europe/Berlin");
    remy = await person("Remy Report", "America/New_York");
    theo = await person("Theo Third", "Europe/Berlin");
    ned = await person("Ned Nopoints", "UTC");
    ola = await person("Ola Away", "UTC");

    // Tuesday 5 January at 15:00 in Berlin: 14:00 UTC, 09:00 in New York.
    tuesday = await setUpOneOnOne(mara, remy.id, {
      cadence: { everyWeeks: 1, weekday: 2, time: "15:00", minutes: 30 },
      timeZone: "Europe/Berlin",
    });
    expect(tuesday.nextMeeting?.scheduledAt).toBe("2027-01-05T14:00:00.000Z");
    // Wednesday 6 January at 11:00 UTC: exactly two hours after their 09:00 digest.
    wednesday = await setUpOneOnOne(ned, ola.id, {
      cadence: { everyWeeks: 1, weekday: 3, time: "11:00", minutes: 30 },
      timeZone: "UTC",
    });
    expect(wednesday.nextMeeting?.scheduledAt).toBe("2027-01-06T11:00:00.000Z");
    const away = await ola.client.patch("/api/v1/me", { away: { from: "2027-01-06", until: "2027-01-06" } });
    expect(away.status, JSON.stringify(away.body)).toBe(200);
  }, 120_000);

  it("tells each participant in their own zone, in the last digest at least two hours before, with points and link", async () => {
    const meetingId = tuesday.nextMeeting?.id ?? "";
    const link = `${baseUrl}/meetings/${meetingId}`;
    // Friday: the earlier digests say nothing of it.
    await news("Friday work", mara, remy, theo);
    await tickAt("2027-01-01T07:00:05.000Z");
    expect(mentionsAMeeting(await digestNow(mara))).toBe(false);
    expect(mentionsAMeeting(await digestNow(theo))).toBe(false);
    await tickAt("2027-01-01T13:00:05.000Z");
    expect(mentionsAMeeting(await digestNow(remy))).toBe(false);

    h.clock.set("2027-01-04T05:00:00.000Z"); // Monday
    await news("Monday work", mara, remy, theo);
    await addPoints(mara, meetingId, ["Hiring plan"]);
    await addPoints(remy, meetingId, ["Promotion & <pay>", ...morePoints]);
    const note = await mara.client.put(`/api/v1/meetings/${meetingId}/private-note`, {
      text: "Private: Remy seems tired",
    });
    expect(note.status, JSON.stringify(note.body)).toBe(200);

    // Mara's Monday digest is not the last one at least two hours before: Tuesday's is.
    await tickAt("2027-01-04T07:00:05.000Z");
    expect(mentionsAMeeting(await digestNow(mara))).toBe(false);
    expect(mentionsAMeeting(await digestNow(theo))).toBe(false);

    // Remy's Tuesday digest, at 08:00 in New York, is one hour before: his Monday one tells.
    h.clock.set("2027-01-04T12:00:00.000Z");
    const early = await remy.client.get<{ text: string; wouldSend: boolean }>("/api/v1/me/digest/preview");
    expect(early.body.wouldSend).toBe(true);
    expect(textSection(early.body.text, heading)?.[0]).toBe(
      "- With Mara Manager, Tue 5 Jan, 09:00: 13 talking points so far",
    );
    h.clock.set("2027-01-04T13:00:05.000Z");
    const preview = await remy.client.get<{
      subject: string;
      text: string;
      html: string;
      wouldSend: boolean;
    }>("/api/v1/me/digest/preview");
    await tickAt("2027-01-04T13:00:05.000Z");
    const remys = await digestNow(remy);
    expect(textSection(remys?.text ?? "", heading)).toEqual([
      "- With Mara Manager, Tue 5 Jan, 09:00: 13 talking points so far",
      ...pointLines,
      `    Open: ${link}`,
    ]);
    expect(remys?.subject).toBe("Your Docket digest: 1 change, 1 one-on-one coming up");
    expect(remys?.html).toContain(`href="${link}"`);
    expect(remys?.html).toContain("<li>Promotion &amp; &lt;pay&gt;</li>");
    expect(preview.body).toEqual({
      subject: remys?.subject,
      text: remys?.text,
      html: remys?.html,
      wouldSend: true,
    });

    // Tuesday 08:00 in Berlin, six hours before: Mara's digest tells her, with nothing else to say.
    h.clock.set("2027-01-05T05:00:00.000Z");
    await news("Tuesday work", remy, theo);
    await tickAt("2027-01-05T07:00:05.000Z");
    const maras = await digestNow(mara);
    expect(maras?.subject).toBe("Your Docket digest: 1 one-on-one coming up");
    expect(textSection(maras?.text ?? "", heading)).toEqual([
      "- With Remy Report, Tue 5 Jan, 15:00: 13 talking points so far",
      ...pointLines,
      `    Open: ${link}`,
    ]);
    expect(maras?.html).toContain(`href="${link}"`);
    // A third person's digest at the same slot never mentions it.
    expect(mentionsAMeeting(await digestNow(theo))).toBe(false);

    // Remy's Tuesday digest, less than two hours before, does not repeat it.
    await tickAt("2027-01-05T13:00:05.000Z");
    expect(mentionsAMeeting(await digestNow(remy))).toBe(false);

    // Nothing ever carries the private note, and no mail of its own was sent for the meeting.
    const everything = [...(await digestsOf(mara)), ...(await digestsOf(remy)), ...(await digestsOf(theo))];
    expect(everything.filter((mail) => `${mail.text}${mail.html}`.includes("seems tired"))).toEqual([]);
    const otherMail = await h.ctx.db
      .selectFrom("outbound_mail")
      .select(["kind", "subject"])
      .where("person_id", "in", [mara.id, remy.id])
      .where("kind", "!=", "digest")
      .execute();
    expect(otherMail.filter((mail) => !mail.subject.includes("invited you"))).toEqual([]);
  });

  it("suggests settling a meeting without talking points in writing or skipping it, and sends nothing to someone away", async () => {
    const link = `${baseUrl}/meetings/${wednesday.nextMeeting?.id}`;
    // Tuesday 09:00 UTC: Wednesday 11:00 is more than a day ahead, and nothing else is new.
    await tickAt("2027-01-05T09:00:05.000Z");
    expect(await digestNow(ned)).toBeUndefined();
    // Wednesday 09:00 UTC, exactly two hours before: a digest for the meeting alone.
    await tickAt("2027-01-06T09:00:05.000Z");
    const neds = await digestNow(ned);
    expect(neds?.subject).toBe("Your Docket digest: 1 one-on-one coming up");
    expect(textSection(neds?.text ?? "", heading)).toEqual([
      `- With Ola Away, Wed 6 Jan, 11:00: ${settle}`,
      `    Open: ${link}`,
    ]);
    expect(neds?.html).toContain(`href="${link}"`);
    expect(neds?.html).toContain(settle);
    // Ola is away that day: no digest, as for everything else.
    expect(await digestsOf(ola)).toEqual([]);
  });

  it("says nothing of a meeting already held or skipped, or of an ended series", async () => {
    // Three pairs meeting on Tuesday 12 January at 12:00 UTC, three hours after their digest.
    h.clock.set("2027-01-08T12:00:00.000Z"); // Friday
    const pairs: [Member, Member][] = [];
    for (const name of ["Held", "Skipped", "Ended"]) {
      const pair: [Member, Member] = [await person(`${name} One`, "UTC"), await person(`${name} Two`, "UTC")];
      finished.push(...pair);
      pairs.push(pair);
    }
    const meetings = [];
    for (const [first, second] of pairs) {
      const series = await setUpOneOnOne(first, second.id, { cadence: tuesdayNoon, timeZone: "UTC" });
      expect(series.nextMeeting?.scheduledAt).toBe("2027-01-12T12:00:00.000Z");
      await addPoints(second, series.nextMeeting?.id ?? "", ["Something to say"]);
      meetings.push({ series, meeting: await nextMeetingOf(first, series) });
    }
    const [held, skipped, ended] = meetings;
    const [heldBy, skippedBy, endedBy] = pairs.map(([first]) => first);
    if (!held || !skipped || !ended || !heldBy || !skippedBy || !endedBy) throw new Error("three pairs");
    await changeMeeting(heldBy, held.meeting, { state: "held" });
    await changeMeeting(skippedBy, skipped.meeting, { state: "skipped" });
    const end = await endedBy.client.patch(`/api/v1/one-on-ones/${ended.series.id}`, { ended: true });
    expect(end.status, JSON.stringify(end.body)).toBe(200);
    // Ending the series skipped its meeting ahead, point and all.
    const kept = await h.ctx.db
      .selectFrom("meeting")
      .select("state")
      .where("id", "=", ended.meeting.id)
      .executeTakeFirst();
    expect(kept?.state).toBe("skipped");

    h.clock.set("2027-01-12T05:00:00.000Z");
    await news("Tuesday work", ...finished);
    await tickAt("2027-01-12T09:00:05.000Z");
    for (const member of finished) expect(mentionsAMeeting(await digestNow(member)), member.name).toBe(false);
  });
});
