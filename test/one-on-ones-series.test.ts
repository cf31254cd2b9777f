import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member, signUp } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  changeSeries,
  meetingsOf,
  mySeries,
  oneOnOneRows,
  oneOnOneTeam,
  pairUnder,
  postSeries,
  type Series,
  seriesOf,
  setUpOneOnOne,
  wallClock,
  weeklyTuesday,
} from "./support/one-on-ones";
import { expectProblem, setTimeZone } from "./support/tasks";

describe.each(dialects)("one-on-one series on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member;
  let outsider: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
    outsider = await founder(h.app, "Xena Outsider");
  });

  // Monday 2 March 2026, 12:00 in Berlin.
  const monday = "2026-03-02T11:00:00.000Z";

  it("refuses every bad set-up with problem+json naming the field, writing nothing", async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const before = await oneOnOneRows(h);
    const good = { withId: report.id, cadence: weeklyTuesday };
    const cadence = (change: Record<string, unknown>) => ({
      ...good,
      cadence: { ...weeklyTuesday, ...change },
    });
    const cases: [unknown, string][] = [
      [cadence({ everyWeeks: 0 }), "cadence.everyWeeks"],
      [cadence({ everyWeeks: 5 }), "cadence.everyWeeks"],
      [cadence({ everyWeeks: 1.5 }), "cadence.everyWeeks"],
      [cadence({ everyWeeks: "2" }), "cadence.everyWeeks"],
      [cadence({ weekday: 0 }), "cadence.weekday"],
      [cadence({ weekday: 8 }), "cadence.weekday"],
      [cadence({ minutes: 14 }), "cadence.minutes"],
      [cadence({ minutes: 121 }), "cadence.minutes"],
      [cadence({ time: "9:00" }), "cadence.time"],
      [cadence({ time: "24:00" }), "cadence.time"],
      [cadence({ time: "10:60" }), "cadence.time"],
      [cadence({ time: "10:00:00" }), "cadence.time"],
      [cadence({ time: "10am" }), "cadence.time"],
      [cadence({ time: 1000 }), "cadence.time"],
      [cadence({ days: [2] }), "cadence.days"],
      [{ ...good, timeZone: "Mars/Olympus_Mons" }, "timeZone"],
      [{ ...good, timeZone: "Europe/Berlin; DROP TABLE" }, "timeZone"],
      [{ ...good, timeZone: "" }, "timeZone"],
      [{ ...good, firstDate: "2026-02-30" }, "firstDate"],
      [{ ...good, firstDate: "10/03/2026" }, "firstDate"],
      [{ ...good, withId: "" }, "withId"],
      [{ cadence: weeklyTuesday }, "withId"],
      [{ withId: report.id }, "cadence"],
      [{ ...good, organizerId: report.id }, "organizerId"],
    ];
    for (const [body, path] of cases) expectProblem(await postSeries(manager, body), 400, path);
    expect(await oneOnOneRows(h)).toEqual(before);
  });

  it("refuses a one-on-one with yourself (422) and with anyone outside the organization (404), writing nothing", async () => {
    h.clock.set(monday);
    const { manager } = await pairUnder(h.app, owner);
    const before = await oneOnOneRows(h);
    expectProblem(await postSeries(manager, { withId: manager.id, cadence: weeklyTuesday }), 422, "withId");
    expectProblem(await postSeries(manager, { withId: outsider.id, cadence: weeklyTuesday }), 404);
    expectProblem(await postSeries(outsider, { withId: manager.id, cadence: weeklyTuesday }), 404);
    expectProblem(await postSeries(manager, { withId: "no-such-person", cadence: weeklyTuesday }), 404);
    // Someone of no organization yet may not set one up, nor be asked to one.
    const loner = await signUp(h.app, "Lou Loner");
    expectProblem(await postSeries(loner, { withId: manager.id, cadence: weeklyTuesday }), 403);
    expectProblem(await postSeries(manager, { withId: loner.id, cadence: weeklyTuesday }), 404);
    expectProblem(await loner.client.get("/api/v1/one-on-ones"), 403);
    expect(await oneOnOneRows(h)).toEqual(before);
  });

  it("gives a pair one going series: a second is 409 from either side", async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const series = await setUpOneOnOne(manager, report.id);
    const before = await oneOnOneRows(h);
    expectProblem(await postSeries(manager, { withId: report.id, cadence: weeklyTuesday }), 409);
    const other = { withId: manager.id, cadence: { ...weeklyTuesday, weekday: 4 }, timeZone: "Asia/Tokyo" };
    expectProblem(await postSeries(report, other), 409);
    expect(await oneOnOneRows(h)).toEqual(before);
    expect((await mySeries(report)).map((mine) => mine.id)).toEqual([series.id]);
  });

  it("lets exactly one of two set-ups of the same pair at once through", async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const answers = await Promise.all([
      postSeries(manager, { withId: report.id, cadence: weeklyTuesday }),
      postSeries(report, { withId: manager.id, cadence: { ...weeklyTuesday, weekday: 3 } }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const refused = answers.find((answer) => answer.status === 409);
    if (refused) expectProblem(refused, 409);
    const created = answers.find((answer) => answer.status === 201)?.body as Series;
    const { series, meetings } = await oneOnOneRows(h);
    const ofPair = series.filter((row) => [row.first_person_id, row.second_person_id].includes(report.id));
    expect(ofPair.map((row) => row.id)).toEqual([created.id]);
    expect(meetings.filter((row) => row.series_id === created.id)).toHaveLength(1);
  });

  it("puts the time in the caller's zone unless told another, and the first meeting on the cadence after now", async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const peer = await invite(h.app, owner, "Pia Peer", { managerId: manager.id });
    await setTimeZone(manager, "America/New_York");
    const inMine = await setUpOneOnOne(manager, report.id);
    expect(inMine).toMatchObject({
      organizerId: manager.id,
      cadence: weeklyTuesday,
      timeZone: "America/New_York",
      createdAt: monday,
      endedAt: null,
      // Tuesday 3 March, 10:00 in New York (EST).
      nextMeeting: {
        scheduledAt: "2026-03-03T15:00:00.000Z",
        endsAt: "2026-03-03T15:30:00.000Z",
        state: "upcoming",
        talkingPoints: [],
      },
    });
    // A zone is spelled as the API spells it, whatever its case in the request.
    const inBerlin = await setUpOneOnOne(manager, peer.id, {
      timeZone: "europe/berlin",
      cadence: { everyWeeks: 2, weekday: 1, time: "08:15", minutes: 45 },
    });
    expect(inBerlin.timeZone).toBe("Europe/Berlin");
    // Monday 12:00 is past 08:15: the first meeting is the next Monday, 08:15 in Berlin.
    expect(inBerlin.nextMeeting?.scheduledAt).toBe("2026-03-09T07:15:00.000Z");
    expect(inBerlin.nextMeeting?.endsAt).toBe("2026-03-09T08:00:00.000Z");
  });

  it("starts on the first cadence day on or after firstDate, and never in the past", async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const peer = await invite(h.app, owner, "Pia Peer", { managerId: manager.id });
    const colleague = await invite(h.app, owner, "Cole Colleague", { managerId: owner.id });
    await setTimeZone(manager, "Europe/Berlin");
    // Friday 20 March: the first Tuesday on or after it.
    const later = await setUpOneOnOne(manager, report.id, { firstDate: "2026-03-20" });
    expect(later.nextMeeting?.scheduledAt).toBe("2026-03-24T09:00:00.000Z");
    // Tuesday 10 February, every two weeks: 10 Feb, 24 Feb and 10 Mar are its fortnights; the first
    // after now is 10 March, not a date in the past and not next Tuesday.
    const fortnightly = { ...weeklyTuesday, everyWeeks: 2 };
    const past = await setUpOneOnOne(manager, peer.id, { firstDate: "2026-02-10", cadence: fortnightly });
    expect(past.nextMeeting?.scheduledAt).toBe("2026-03-10T09:00:00.000Z");
    // Today, at a time already gone: a week on.
    const today = await setUpOneOnOne(manager, colleague.id, {
      firstDate: "2026-03-02",
      cadence: { ...weeklyTuesday, weekday: 1 },
    });
    expect(today.nextMeeting?.scheduledAt).toBe("2026-03-09T09:00:00.000Z");
    for (const series of [later, past, today]) {
      expect(Date.parse(series.nextMeeting?.scheduledAt ?? "")).toBeGreaterThan(Date.parse(monday));
      expect(await meetingsOf(manager, series.id, "upcoming")).toHaveLength(1);
    }
  });

  it("lists my series, going ones first, then the ended ones latest first", async () => {
    h.clock.set(monday);
    const { owner, manager, report, peer, colleague } = await oneOnOneTeam(h.app);
    const withOwner = await setUpOneOnOne(manager, owner.id);
    h.clock.advance(60_000);
    const withReport = await setUpOneOnOne(report, manager.id);
    h.clock.advance(60_000);
    const withPeer = await setUpOneOnOne(manager, peer.id);
    h.clock.advance(60_000);
    const withColleague = await setUpOneOnOne(colleague, manager.id);
    h.clock.advance(60_000);
    await changeSeries(manager, withOwner.id, { ended: true });
    h.clock.advance(60_000);
    await changeSeries(manager, withPeer.id, { ended: true });

    const mine = await mySeries(manager);
    expect(mine.map((series) => series.id)).toEqual([
      withReport.id,
      withColleague.id,
      withPeer.id,
      withOwner.id,
    ]);
    expect(mine.map((series) => series.nextMeeting === null)).toEqual([false, false, true, true]);
    expect(mine[0]).toEqual(await seriesOf(manager, withReport.id));
    expect((await mySeries(report)).map((series) => series.id)).toEqual([withReport.id]);
    expect(await mySeries(owner)).toEqual([await seriesOf(owner, withOwner.id)]);
  });

  it("shows a series and its meetings to its two people only: 404 for everyone else, owners and admins included", async () => {
    h.clock.set(monday);
    const { owner, manager, report, peer, colleague, outsider } = await oneOnOneTeam(h.app);
    const admin = await invite(h.app, owner, "Adam Admin", { role: "admin", managerId: owner.id });
    const series = await setUpOneOnOne(report, peer.id);
    const meetingId = series.nextMeeting?.id ?? "";
    for (const participant of [report, peer]) {
      // The same series to both; only the plates and goals each may see differ in its next meeting's agenda.
      expect(sharedPart(await seriesOf(participant, series.id))).toEqual(sharedPart(series));
      expect((await meetingsOf(participant, series.id, "upcoming")).map((meeting) => meeting.id)).toEqual([
        meetingId,
      ]);
    }
    // The pair's manager (who sees both plates), the organization's owner and admin, a colleague, an outsider.
    for (const other of [manager, owner, admin, colleague, outsider]) {
      expectProblem(await other.client.get(`/api/v1/one-on-ones/${series.id}`), 404);
      expectProblem(await other.client.get(`/api/v1/one-on-ones/${series.id}/meetings`), 404);
      expectProblem(await other.client.get(`/api/v1/meetings/${meetingId}`), 404);
      expect(await mySeries(other)).toEqual([]);
    }
    expectProblem(await report.client.get("/api/v1/one-on-ones/no-such-series"), 404);
    for (const query of ["when=later", "limit=0", "limit=51", "colour=red"]) {
      expectProblem(await report.client.get(`/api/v1/one-on-ones/${series.id}/meetings?${query}`), 400);
    }
    expectProblem(
      await report.client.get(`/api/v1/one-on-ones/${series.id}/meetings?when=later`),
      400,
      "querystring.when",
    );
  });

  it("shows the meeting at the cadence's local time in its own zone, whatever the participants' zones", async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    await setTimeZone(manager, "Asia/Tokyo");
    await setTimeZone(report, "America/Los_Angeles");
    const series = await setUpOneOnOne(report, manager.id, {
      timeZone: "Australia/Sydney",
      cadence: { everyWeeks: 1, weekday: 5, time: "16:45", minutes: 15 },
    });
    const at = series.nextMeeting?.scheduledAt ?? "";
    expect(wallClock(at, "Australia/Sydney")).toBe("Fri 2026-03-06 16:45");
    expect(at).toBe("2026-03-06T05:45:00.000Z");
  });
});

/** A series without what depends on who reads it: its next meeting's agenda from the plates, the goals and feedback. */
function sharedPart(series: Series) {
  const { nextMeeting, ...rest } = series;
  const readersOwn = { fromThePlate: undefined, goals: undefined, feedbackSince: undefined };
  return { ...rest, nextMeeting: nextMeeting && { ...nextMeeting, ...readersOwn } };
}
