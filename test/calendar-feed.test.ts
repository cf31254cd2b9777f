import { beforeAll, describe, expect, it } from "vitest";
import { removeUnverifiedAccount } from "../src/server/auth/unverified-account";
import { fetchFeed, newFeedAddress, readFeed } from "./support/calendar";
import { Client } from "./support/client";
import { dialects } from "./support/databases";
import { founder, type Member, signUp } from "./support/factories";
import { baseUrl, useHarness } from "./support/harness";
import type { FeedEvent } from "./support/ics";
import {
  addPoints,
  changeMeeting,
  markNext,
  nextMeetingOf,
  pairUnder,
  seriesOf,
  setUpOneOnOne,
} from "./support/one-on-ones";
import { addTask, changeTask, setTimeZone } from "./support/tasks";

/** 14 hours ahead of UTC and 11 behind it: a day there is mostly another date in UTC. */
const kiritimati = "Pacific/Kiritimati";
const pagoPago = "Pacific/Pago_Pago";

const byUid = (events: FeedEvent[], uid: string) => events.find((event) => event.uid === uid);
const taskUid = (id: string) => `task-${id}@docket.test`;
const meetingUid = (id: string) => `meeting-${id}@docket.test`;

describe.each(dialects)("the calendar feed on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  it("answers a calendar named for its owner, in their zone, with refresh hints and no secret in it", async () => {
    h.clock.set("2030-06-01T08:00:00.000Z");
    const { manager: kiri } = await pairUnder(h.app, owner);
    await setTimeZone(kiri, kiritimati);
    const address = await newFeedAddress(kiri);

    const answer = await fetchFeed(h.app, address.path);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(answer.headers["content-disposition"]).toBe('inline; filename="docket.ics"');
    expect(answer.headers["cache-control"]).toBe("private, no-cache");
    const feed = await readFeed(h.app, address.path);
    expect(feed.calendar).toMatchObject({
      version: "2.0",
      "x-wr-calname": "Docket: Mara Manager",
      "x-wr-timezone": kiritimati,
      "x-published-ttl": "PT1H",
    });
    expect(feed.text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
    expect(feed.text).not.toContain(address.path.slice("/api/v1/feeds/".length, -".ics".length));

    // The address is shown once: reading whether there is one says since when, never what it is.
    const status = await kiri.client.get("/api/v1/me/calendar");
    expect(status.status).toBe(200);
    expect(status.body).toEqual({ active: true, createdAt: "2030-06-01T08:00:00.000Z" });
  });

  it("shows a date due all day on its date in the owner's zone, and an instant due ending at the instant", async () => {
    h.clock.set("2030-06-01T08:00:00.000Z");
    const { manager: kiri } = await pairUnder(h.app, owner);
    await setTimeZone(kiri, kiritimati);
    const dated = await addTask(kiri, kiri.id, { title: "Send the report", due: { date: "2030-06-10" } });
    expect(dated.dueAt).toBe("2030-06-10T10:00:00.000Z");
    // 11 hours behind UTC, 10 June ends on 11 June in UTC (and in the server's own zone).
    const { manager: pago } = await pairUnder(h.app, owner);
    await setTimeZone(pago, pagoPago);
    const west = await addTask(pago, pago.id, { title: "Send the report", due: { date: "2030-06-10" } });
    expect(west.dueAt).toBe("2030-06-11T11:00:00.000Z");
    const westEvents = (await readFeed(h.app, (await newFeedAddress(pago)).path)).events;
    expect(westEvents).toEqual([
      expect.objectContaining({
        uid: taskUid(west.id),
        allDay: true,
        start: "2030-06-10",
        end: "2030-06-11",
      }),
    ]);

    const fixed = await addTask(kiri, kiri.id, {
      title: "Call Lima",
      due: { at: "2030-06-10T22:00:00.000Z" },
    });
    const started = await changeTask(
      kiri,
      await addTask(kiri, kiri.id, { title: "Draft", due: { date: "2030-06-12" } }),
      {
        state: "in_progress",
      },
    );
    const undated = await addTask(kiri, kiri.id, { title: "Someday" });
    const { events } = await readFeed(h.app, (await newFeedAddress(kiri)).path);

    expect(byUid(events, taskUid(dated.id))).toMatchObject({
      summary: "Send the report",
      allDay: true,
      start: "2030-06-10",
      end: "2030-06-11",
      sequence: dated.version,
      url: `${baseUrl}/plate`,
      transparency: "TRANSPARENT",
      stamp: "2030-06-01T08:00:00.000Z",
    });
    expect(byUid(events, taskUid(fixed.id))).toMatchObject({
      summary: "Call Lima",
      allDay: false,
      start: "2030-06-10T21:30:00.000Z",
      end: "2030-06-10T22:00:00.000Z",
    });
    expect(byUid(events, taskUid(started.id))).toMatchObject({ allDay: true, start: "2030-06-12" });
    expect(byUid(events, taskUid(undated.id))).toBeUndefined();
    expect(events.map((event) => event.uid).sort()).toEqual(
      [dated, fixed, started].map((task) => taskUid(task.id)).sort(),
    );
  });

  it("keeps a changed task's UID with a higher SEQUENCE, and drops done and dropped tasks", async () => {
    h.clock.set("2030-06-01T08:00:00.000Z");
    const { manager: sam } = await pairUnder(h.app, owner);
    const task = await addTask(sam, sam.id, { title: "Plan the offsite", due: { date: "2030-07-01" } });
    const finished = await addTask(sam, sam.id, { title: "Book rooms", due: { date: "2030-06-20" } });
    const dropped = await addTask(sam, sam.id, { title: "Print flyers", due: { date: "2030-06-21" } });
    const address = await newFeedAddress(sam);
    const before = byUid((await readFeed(h.app, address.path)).events, taskUid(task.id));
    expect(before).toMatchObject({ summary: "Plan the offsite", start: "2030-07-01" });

    h.clock.set("2030-06-02T09:30:00.000Z");
    const changed = await changeTask(sam, task, {
      title: "Plan the summer offsite",
      due: { date: "2030-07-03" },
    });
    await changeTask(sam, finished, { state: "done" });
    await changeTask(sam, dropped, { state: "dropped", dropReason: "Nobody reads them" });
    const { events } = await readFeed(h.app, address.path);

    const after = byUid(events, taskUid(task.id));
    expect(after).toMatchObject({
      summary: "Plan the summer offsite",
      start: "2030-07-03",
      end: "2030-07-04",
      sequence: changed.version,
      lastModified: "2030-06-02T09:30:00.000Z",
    });
    expect(after?.sequence).toBeGreaterThan(before?.sequence ?? Number.POSITIVE_INFINITY);
    expect(byUid(events, taskUid(finished.id))).toBeUndefined();
    expect(byUid(events, taskUid(dropped.id))).toBeUndefined();
  });

  describe("one-on-ones", () => {
    /** Monday 2 March 2026, 12:00 in Berlin; the pair meets on Tuesdays at 10:00 there, 30 minutes. */
    const monday = "2026-03-02T11:00:00.000Z";

    const weekly = async () => {
      h.clock.set(monday);
      const pair = await pairUnder(h.app, owner);
      const series = await setUpOneOnOne(pair.manager, pair.report.id, { timeZone: "Europe/Berlin" });
      return { ...pair, series, first: await nextMeetingOf(pair.report, series) };
    };

    const meetingsIn = (events: FeedEvent[]) => events.filter((event) => event.uid.startsWith("meeting-"));

    it("shows either person's one-on-ones for 12 weeks at their times, with the other's name, and not the 13th", async () => {
      const { manager, report, first } = await weekly();
      const meetings = meetingsIn((await readFeed(h.app, (await newFeedAddress(report)).path)).events);
      expect(meetings.map((meeting) => meeting.start)).toEqual([
        "2026-03-03T09:00:00.000Z",
        "2026-03-10T09:00:00.000Z",
        "2026-03-17T09:00:00.000Z",
        "2026-03-24T09:00:00.000Z",
        // Berlin is on summer time from 29 March: 10:00 there is 08:00Z.
        "2026-03-31T08:00:00.000Z",
        "2026-04-07T08:00:00.000Z",
        "2026-04-14T08:00:00.000Z",
        "2026-04-21T08:00:00.000Z",
        "2026-04-28T08:00:00.000Z",
        "2026-05-05T08:00:00.000Z",
        "2026-05-12T08:00:00.000Z",
        "2026-05-19T08:00:00.000Z",
      ]);
      expect(meetings.every((meeting) => meeting.summary === "1:1 with Mara Manager")).toBe(true);
      expect(
        meetings.every((meeting) => Date.parse(meeting.end) - Date.parse(meeting.start) === 30 * 60_000),
      ).toBe(true);
      expect(meetings[0]).toMatchObject({
        uid: meetingUid(first.id),
        sequence: first.version,
        url: `${baseUrl}/meetings/${first.id}`,
        transparency: "OPAQUE",
      });
      // The meetings the cadence brings next have no page yet: they link to the 1:1s page.
      expect(meetings[1]?.url).toBe(`${baseUrl}/one-on-ones`);
      expect(new Set(meetings.map((meeting) => meeting.uid)).size).toBe(12);

      const theirs = meetingsIn((await readFeed(h.app, (await newFeedAddress(manager)).path)).events);
      expect(theirs.map((meeting) => [meeting.uid, meeting.start])).toEqual(
        meetings.map((meeting) => [meeting.uid, meeting.start]),
      );
      expect(theirs.every((meeting) => meeting.summary === "1:1 with Remy Report")).toBe(true);
    });

    it("shows a moved meeting at its new time under the same UID, and leaves a skipped one out", async () => {
      const { manager, report, series, first } = await weekly();
      const address = await newFeedAddress(report);
      h.clock.set("2026-03-02T12:00:00.000Z");
      // To Wednesday 4 March, 15:00 in Berlin.
      const moved = await changeMeeting(report, first, { scheduledAt: "2026-03-04T14:00:00.000Z" });
      let meetings = meetingsIn((await readFeed(h.app, address.path)).events);
      expect(byUid(meetings, meetingUid(first.id))).toMatchObject({
        start: "2026-03-04T14:00:00.000Z",
        end: "2026-03-04T14:30:00.000Z",
        sequence: moved.version,
        lastModified: "2026-03-02T12:00:00.000Z",
      });
      expect(moved.version).toBeGreaterThan(first.version);
      expect(meetings.map((meeting) => meeting.start).slice(0, 2)).toEqual([
        "2026-03-04T14:00:00.000Z",
        "2026-03-10T09:00:00.000Z",
      ]);

      // Held on the Wednesday; then the next one (10 March) is skipped ahead of time.
      h.clock.set("2026-03-04T14:30:00.000Z");
      await markNext(manager, series.id, "held");
      const second = (await seriesOf(report, series.id)).nextMeeting;
      await markNext(report, series.id, "skipped");
      const third = (await seriesOf(report, series.id)).nextMeeting;
      meetings = meetingsIn((await readFeed(h.app, address.path)).events);
      expect(byUid(meetings, meetingUid(first.id))?.start).toBe("2026-03-04T14:00:00.000Z");
      expect(byUid(meetings, meetingUid(second?.id ?? ""))).toBeUndefined();
      expect(meetings.map((meeting) => meeting.start)).not.toContain("2026-03-10T09:00:00.000Z");
      expect(byUid(meetings, meetingUid(third?.id ?? ""))?.start).toBe("2026-03-17T09:00:00.000Z");
    });

    it("never carries a private note, a shared note or a talking point", async () => {
      const { manager, report, first } = await weekly();
      const secrets = {
        mine: "Remy's private worry about the reorg",
        theirs: "Mara's private plan for Remy",
        shared: "Shared notes nobody else reads",
        point: "A talking point for the pair",
      };
      const put = async (who: Member, text: string) =>
        expect((await who.client.put(`/api/v1/meetings/${first.id}/private-note`, { text })).status).toBe(
          200,
        );
      await put(report, secrets.mine);
      await put(manager, secrets.theirs);
      await changeMeeting(report, first, { sharedNotes: secrets.shared });
      await addPoints(manager, first.id, [secrets.point]);

      for (const person of [report, manager]) {
        const { text } = await readFeed(h.app, (await newFeedAddress(person)).path);
        for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
      }
    });
  });

  it("keeps a title or name that tries to start a property of its own as one line of text", async () => {
    h.clock.set("2030-06-01T08:00:00.000Z");
    const { manager: mallory } = await pairUnder(h.app, owner);
    const task = await addTask(mallory, mallory.id, { title: "Quiet", due: { date: "2030-06-10" } });
    // The API refuses control characters in text; the feed must hold even for text written before that rule.
    const title =
      "Ship it\r\nDTSTART;VALUE=DATE:19700101\r\nATTENDEE:mailto:evil@example.com\nEND:VEVENT\u2028X";
    await h.ctx.db.updateTable("task").set({ title }).where("id", "=", task.id).execute();
    const name = 'Mal, "the; Owner"\r\nX-WR-CALNAME:Hijacked';
    await h.ctx.db.updateTable("person").set({ name }).where("id", "=", mallory.id).execute();

    const feed = await readFeed(h.app, (await newFeedAddress(mallory)).path);
    expect(feed.calendar["x-wr-calname"]).toBe('Docket: Mal, "the; Owner"  X-WR-CALNAME:Hijacked');
    expect(feed.events).toHaveLength(1);
    expect(feed.events[0]).toMatchObject({
      uid: taskUid(task.id),
      summary: "Ship it  DTSTART;VALUE=DATE:19700101  ATTENDEE:mailto:evil@example.com END:VEVENT X",
      start: "2030-06-10",
    });
    expect(feed.events[0]?.properties).not.toContain("ATTENDEE");
    expect(
      feed.text.split("\r\n").filter((line) => /^(ATTENDEE|X-WR-CALNAME|END:VEVENT)/.test(line)),
    ).toEqual([`X-WR-CALNAME:${'Docket: Mal\\, "the\\; Owner"  X-WR-CALNAME:Hijacked'}`, "END:VEVENT"]);
  });

  it("stops an address when a new one is made or the feed is stopped: 404, like one never made", async () => {
    const { manager: sam } = await pairUnder(h.app, owner);
    const first = await newFeedAddress(sam);
    await readFeed(h.app, first.path);
    const second = await newFeedAddress(sam);
    expect(second.url).not.toBe(first.url);
    const replaced = await fetchFeed(h.app, first.path);
    await readFeed(h.app, second.path);

    expect((await sam.client.delete("/api/v1/me/calendar")).status).toBe(204);
    const stopped = await fetchFeed(h.app, second.path);
    expect((await sam.client.delete("/api/v1/me/calendar")).status).toBe(204);
    expect((await sam.client.get("/api/v1/me/calendar")).body).toEqual({ active: false, createdAt: null });

    const neverMade = await fetchFeed(h.app, `/api/v1/feeds/cal_${"A".repeat(43)}.ics`);
    const malformed = await fetchFeed(h.app, "/api/v1/feeds/x%00%22.ics");
    for (const answer of [replaced, stopped, neverMade, malformed]) {
      expect(answer.status).toBe(404);
      expect(answer.headers["content-type"]).toBe(replaced.headers["content-type"]);
      expect(answer.body).toEqual(replaced.body);
    }
    expect(replaced.body).toMatchObject({
      status: 404,
      detail: "Calendar feed does not exist or is not visible to you",
    });
  });

  it("makes an address only with a signed-in session of someone in an organization; a token may read and stop", async () => {
    const { manager: sam } = await pairUnder(h.app, owner);
    const created = await sam.client.post<{ token: string }>("/api/v1/tokens", { name: "calendar script" });
    const withToken = new Client(h.app, { token: created.body.token });
    expect((await withToken.post("/api/v1/me/calendar")).status).toBe(403);
    expect((await withToken.get("/api/v1/me/calendar")).body).toEqual({ active: false, createdAt: null });
    const address = await newFeedAddress(sam);
    expect((await withToken.delete("/api/v1/me/calendar")).status).toBe(204);
    expect((await fetchFeed(h.app, address.path)).status).toBe(404);

    const loner = await signUp(h.app, "Lone Wolf");
    const refused = await loner.client.post("/api/v1/me/calendar");
    expect(refused.status).toBe(403);
    expect((await loner.client.get("/api/v1/me/calendar")).body).toEqual({ active: false, createdAt: null });
    expect(
      await h.ctx.db
        .selectFrom("calendar_feed")
        .select("person_id")
        .where("person_id", "=", loner.id)
        .execute(),
    ).toEqual([]);
  });

  it("keeps only a digest of the secret, and the feed goes with its person", async () => {
    const loner = await signUp(h.app, "Una Verified");
    const sam = await pairUnder(h.app, owner).then((pair) => pair.manager);
    const address = await newFeedAddress(sam);
    const secret = address.path.slice("/api/v1/feeds/".length, -".ics".length);
    const rows = await h.ctx.db
      .selectFrom("calendar_feed")
      .selectAll()
      .where("person_id", "=", sam.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secret);

    // A person removed from the database (as an unverified account is) takes their feed along.
    await h.ctx.db
      .insertInto("calendar_feed")
      .values({ person_id: loner.id, secret_hash: "digest", created_at: "2030-01-01T00:00:00.000Z" })
      .execute();
    const removed = await h.ctx.db
      .transaction()
      .execute((trx) => removeUnverifiedAccount(trx, h.ctx.dialect, loner.id));
    expect(removed).toBe(true);
    expect(
      await h.ctx.db.selectFrom("calendar_feed").selectAll().where("person_id", "=", loner.id).execute(),
    ).toEqual([]);
  });
});

describe.each(dialects)("the calendar feed's log on %s", (dialect) => {
  const written: string[] = [];
  const h = useHarness(dialect, {
    logger: { level: "trace", stream: { write: (line: string) => written.push(line) } },
  });

  it("never writes a feed's secret: not when it is made, read, replaced or stopped", async () => {
    const owner = await founder(h.app, "Olivia Owner");
    await addTask(owner, owner.id, { title: "Something due", due: { date: "2030-06-10" } });
    written.length = 0;
    const first = await newFeedAddress(owner);
    await readFeed(h.app, first.path);
    const second = await newFeedAddress(owner);
    expect((await fetchFeed(h.app, first.path)).status).toBe(404);
    await readFeed(h.app, second.path);
    expect((await owner.client.delete("/api/v1/me/calendar")).status).toBe(204);
    expect((await fetchFeed(h.app, second.path)).status).toBe(404);

    const log = written.join("");
    const urls = written.flatMap((line) => {
      const url = (JSON.parse(line) as { req?: { url?: string } }).req?.url;
      return url ? [url] : [];
    });
    expect(urls.filter((url) => url === "/api/v1/feeds/[redacted]")).toHaveLength(4);
    for (const address of [first, second]) {
      const secret = address.path.slice("/api/v1/feeds/".length, -".ics".length);
      expect(log).not.toContain(secret);
    }
  });
});
