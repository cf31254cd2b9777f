import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  addPoints,
  changeMeeting,
  changeSeries,
  markNext,
  meetingOf,
  meetingsOf,
  mySeries,
  nextMeetingOf,
  oneOnOneRows,
  pairUnder,
  patchSeries,
  seriesOf,
  setUpOneOnOne,
  wallClock,
  weeklyTuesday,
} from "./support/one-on-ones";
import { expectProblem } from "./support/tasks";

/**
 * Weekly on Tuesday at 10:00 in each zone, held one meeting after the other: across the spring
 * change, then (the clock jumps to the autumn, and the meeting left from spring is held late) across
 * the autumn change of 2026. Each list is the next meeting as the series says after each holding.
 */
const acrossDst = [
  {
    zone: "America/New_York", // DST from 8 March to 1 November 2026.
    start: "2026-02-23T17:00:00.000Z",
    spring: [
      "2026-02-24T15:00:00.000Z",
      "2026-03-03T15:00:00.000Z",
      "2026-03-10T14:00:00.000Z",
      "2026-03-17T14:00:00.000Z",
    ],
    autumnClock: "2026-10-19T16:00:00.000Z",
    autumn: [
      "2026-10-20T14:00:00.000Z",
      "2026-10-27T14:00:00.000Z",
      "2026-11-03T15:00:00.000Z",
      "2026-11-10T15:00:00.000Z",
    ],
  },
  {
    zone: "Europe/Berlin", // Summer time from 29 March to 25 October 2026.
    start: "2026-03-16T11:00:00.000Z",
    spring: [
      "2026-03-17T09:00:00.000Z",
      "2026-03-24T09:00:00.000Z",
      "2026-03-31T08:00:00.000Z",
      "2026-04-07T08:00:00.000Z",
    ],
    autumnClock: "2026-10-12T11:00:00.000Z",
    autumn: [
      "2026-10-13T08:00:00.000Z",
      "2026-10-20T08:00:00.000Z",
      "2026-10-27T09:00:00.000Z",
      "2026-11-03T09:00:00.000Z",
    ],
  },
  {
    zone: "Australia/Sydney", // Daylight time until 5 April, again from 4 October 2026.
    start: "2026-03-22T22:00:00.000Z",
    spring: [
      "2026-03-23T23:00:00.000Z",
      "2026-03-30T23:00:00.000Z",
      "2026-04-07T00:00:00.000Z",
      "2026-04-14T00:00:00.000Z",
    ],
    autumnClock: "2026-09-20T22:00:00.000Z",
    autumn: [
      "2026-09-22T00:00:00.000Z",
      "2026-09-29T00:00:00.000Z",
      "2026-10-05T23:00:00.000Z",
      "2026-10-12T23:00:00.000Z",
    ],
  },
];

const minutesAfter = (instant: string, minutes: number) =>
  new Date(Date.parse(instant) + minutes * 60_000).toISOString();

describe.each(dialects)("one-on-one cadence on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  it.each(acrossDst)("keeps 10:00 in $zone across each change of 2026", async (zone) => {
    h.clock.set(zone.start);
    const { manager, report } = await pairUnder(h.app, owner);
    const series = await setUpOneOnOne(manager, report.id, { timeZone: zone.zone });
    const seen = [series.nextMeeting?.scheduledAt];
    for (let held = 0; held < zone.spring.length - 1; held++) {
      h.clock.set(minutesAfter(seen.at(-1) ?? "", 30));
      seen.push((await markNext(manager, series.id, "held")).series.nextMeeting?.scheduledAt);
    }
    h.clock.set(zone.autumnClock);
    for (let held = 0; held < zone.autumn.length; held++) {
      if (held > 0) h.clock.set(minutesAfter(seen.at(-1) ?? "", 30));
      seen.push((await markNext(report, series.id, "held")).series.nextMeeting?.scheduledAt);
    }
    expect(seen).toEqual([...zone.spring, ...zone.autumn]);
    for (const at of seen) expect(wallClock(at ?? "", zone.zone)).toMatch(/^Tue \S+ 10:00$/);
    // Every meeting held stays at the instant it was held.
    const past = await meetingsOf(manager, series.id, "past", 50);
    expect(past.map((meeting) => meeting.scheduledAt).reverse()).toEqual(seen.slice(0, -1));
  });

  it("shifts a time the change skips forward by the gap, and takes a time it repeats at its first", async () => {
    const sunday = (time: string) => ({ everyWeeks: 1, weekday: 7, time, minutes: 30 });
    const heldInTurn = async (start: string, time: string, count: number) => {
      h.clock.set(start);
      const { manager, report } = await pairUnder(h.app, owner);
      const series = await setUpOneOnOne(manager, report.id, {
        timeZone: "America/New_York",
        cadence: sunday(time),
      });
      const seen = [series.nextMeeting?.scheduledAt];
      while (seen.length < count) {
        h.clock.set(minutesAfter(seen.at(-1) ?? "", 30));
        seen.push((await markNext(report, series.id, "held")).series.nextMeeting?.scheduledAt);
      }
      return seen;
    };
    // 02:30 does not happen on 8 March 2026 in New York: 03:30 EDT; the week after, 02:30 again.
    expect(await heldInTurn("2026-02-25T12:00:00.000Z", "02:30", 3)).toEqual([
      "2026-03-01T07:30:00.000Z",
      "2026-03-08T07:30:00.000Z",
      "2026-03-15T06:30:00.000Z",
    ]);
    // 01:30 happens twice on 1 November 2026: the first (EDT), then 01:30 EST the week after.
    expect(await heldInTurn("2026-10-21T12:00:00.000Z", "01:30", 3)).toEqual([
      "2026-10-25T05:30:00.000Z",
      "2026-11-01T05:30:00.000Z",
      "2026-11-08T06:30:00.000Z",
    ]);
  });

  it("moves the upcoming meeting to each change of weekday, time, weeks, zone and length, and leaves past ones", async () => {
    // Monday 2 March 2026, 12:00 in Berlin.
    h.clock.set("2026-03-02T11:00:00.000Z");
    const { manager, report } = await pairUnder(h.app, owner);
    const series = await setUpOneOnOne(manager, report.id, { timeZone: "Europe/Berlin" });
    h.clock.set("2026-03-03T09:30:00.000Z");
    const { marked: first } = await markNext(manager, series.id, "held");
    h.clock.set("2026-03-04T12:00:00.000Z");
    const cadence = { ...weeklyTuesday };
    const change = async (body: Record<string, unknown>) => {
      const changed = await changeSeries(report, series.id, body);
      expect(changed.cadence).toEqual(cadence);
      const upcoming = await meetingsOf(manager, series.id, "upcoming");
      expect(upcoming).toHaveLength(1);
      expect(changed.nextMeeting).toMatchObject({
        id: upcoming[0]?.id,
        scheduledAt: upcoming[0]?.scheduledAt,
      });
      return changed;
    };

    // Thursday of the same week as the meeting that was next (Tuesday 10 March).
    cadence.weekday = 4;
    expect((await change({ cadence })).nextMeeting?.scheduledAt).toBe("2026-03-12T09:00:00.000Z");
    cadence.time = "15:30";
    expect((await change({ cadence })).nextMeeting?.scheduledAt).toBe("2026-03-12T14:30:00.000Z");
    // Every two weeks: the next meeting stays; the one after it is two weeks on.
    cadence.everyWeeks = 2;
    expect((await change({ cadence })).nextMeeting?.scheduledAt).toBe("2026-03-12T14:30:00.000Z");
    h.clock.set("2026-03-12T15:00:00.000Z");
    const { marked: second, series: afterSecond } = await markNext(manager, series.id, "held");
    expect(afterSecond.nextMeeting?.scheduledAt).toBe("2026-03-26T14:30:00.000Z");
    // 15:30 in New York (EDT by then) instead of Berlin.
    const inNewYork = await change({ timeZone: "America/New_York" });
    expect(inNewYork.timeZone).toBe("America/New_York");
    expect(inNewYork.nextMeeting?.scheduledAt).toBe("2026-03-26T19:30:00.000Z");
    // The length alone: the meeting stays, and ends later.
    cadence.minutes = 60;
    const longer = await change({ cadence });
    expect(longer.nextMeeting).toMatchObject({
      scheduledAt: "2026-03-26T19:30:00.000Z",
      endsAt: "2026-03-26T20:30:00.000Z",
    });
    expect((await nextMeetingOf(manager, longer)).endsAt).toBe("2026-03-26T20:30:00.000Z");

    const past = await meetingsOf(manager, series.id, "past");
    expect(past.map((meeting) => [meeting.id, meeting.scheduledAt, meeting.state])).toEqual([
      [second.id, "2026-03-12T14:30:00.000Z", "held"],
      [first.id, "2026-03-03T09:00:00.000Z", "held"],
    ]);
  });

  it("leaves a meeting moved by hand where it was put when the cadence changes", async () => {
    h.clock.set("2026-03-02T11:00:00.000Z");
    const { manager, report } = await pairUnder(h.app, owner);
    const series = await setUpOneOnOne(manager, report.id, { timeZone: "Europe/Berlin" });
    const moved = await changeMeeting(report, await nextMeetingOf(report, series), {
      scheduledAt: "2026-03-05T13:00:00.000Z",
    });
    const changed = await changeSeries(manager, series.id, {
      cadence: { ...weeklyTuesday, weekday: 3, time: "08:00" },
    });
    expect(changed.nextMeeting).toMatchObject({ id: moved.id, scheduledAt: "2026-03-05T13:00:00.000Z" });
    expect(await meetingOf(report, moved.id)).toEqual(moved);
    // Once it is held, the series meets on its new cadence: Wednesday 11 March, 08:00 in Berlin.
    h.clock.set("2026-03-05T13:30:00.000Z");
    const { series: after } = await markNext(manager, series.id, "held");
    expect(after.nextMeeting?.scheduledAt).toBe("2026-03-11T07:00:00.000Z");
  });

  it("ends a series: no next meeting, past meetings readable, the meetings ahead skipped with all written on them kept", async () => {
    h.clock.set("2026-03-02T11:00:00.000Z");
    const { manager, report } = await pairUnder(h.app, owner);
    const series = await setUpOneOnOne(manager, report.id, { timeZone: "Europe/Berlin" });
    const first = await changeMeeting(manager, await nextMeetingOf(manager, series), {
      sharedNotes: "Went well",
    });
    h.clock.set("2026-03-03T09:30:00.000Z");
    const { marked: held, series: going } = await markNext(report, series.id, "held");
    const empty = going.nextMeeting?.id ?? "";

    h.clock.set("2026-03-04T12:00:00.000Z");
    const ended = await changeSeries(report, series.id, { ended: true });
    expect(ended).toMatchObject({ id: series.id, endedAt: "2026-03-04T12:00:00.000Z", nextMeeting: null });
    expect(await seriesOf(manager, series.id)).toEqual(ended);
    expect((await mySeries(manager)).find((mine) => mine.id === series.id)).toEqual(ended);
    expect(await meetingOf(manager, empty)).toMatchObject({ state: "skipped", talkingPoints: [] });
    expect(await meetingsOf(manager, series.id, "upcoming")).toEqual([]);
    expect(await meetingsOf(report, series.id, "past")).toEqual([
      await meetingOf(report, empty),
      await meetingOf(report, first.id),
    ]);
    expect(await meetingOf(manager, first.id)).toMatchObject({ state: "held", sharedNotes: "Went well" });
    expect(held.id).toBe(first.id);

    // A meeting someone wrote on keeps it, uncarried, when its series ends.
    const { manager: other, report: otherReport } = await pairUnder(h.app, owner);
    const second = await setUpOneOnOne(other, otherReport.id);
    const upcoming = await nextMeetingOf(other, second);
    await addPoints(otherReport, upcoming.id, ["Career plans"]);
    await changeSeries(other, second.id, { ended: true });
    const kept = await meetingOf(otherReport, upcoming.id);
    expect(kept).toMatchObject({
      id: upcoming.id,
      state: "skipped",
      talkingPoints: [{ text: "Career plans", carriedFrom: null, timesCarried: 0 }],
    });
    expect(await meetingsOf(otherReport, second.id, "upcoming")).toEqual([]);
    expect(await meetingsOf(otherReport, second.id, "past")).toEqual([kept]);
    expect((await seriesOf(other, second.id)).nextMeeting).toBeNull();
  });

  it("refuses to change or end an ended series (422), and lets the pair set up a new one", async () => {
    h.clock.set("2026-03-02T11:00:00.000Z");
    const { manager, report } = await pairUnder(h.app, owner);
    const series = await setUpOneOnOne(manager, report.id);
    await changeSeries(manager, series.id, { ended: true });
    const before = await oneOnOneRows(h);
    for (const body of [
      { ended: true },
      { cadence: { ...weeklyTuesday, weekday: 5 } },
      { timeZone: "Asia/Tokyo" },
      { cadence: { ...weeklyTuesday, minutes: 60 } },
    ]) {
      expectProblem(await patchSeries(report, series.id, body), 422);
    }
    expect(await oneOnOneRows(h)).toEqual(before);
    const again = await setUpOneOnOne(report, manager.id);
    expect(again.id).not.toBe(series.id);
    expect((await mySeries(manager)).map((mine) => mine.id)).toEqual([again.id, series.id]);
  });

  it("refuses bad changes with 400 naming the field, and anyone but the pair with 404, writing nothing", async () => {
    h.clock.set("2026-03-02T11:00:00.000Z");
    const { manager, report } = await pairUnder(h.app, owner);
    const series = await setUpOneOnOne(manager, report.id);
    const before = await oneOnOneRows(h);
    const cases: [unknown, string][] = [
      [{ cadence: { ...weeklyTuesday, everyWeeks: 5 } }, "cadence.everyWeeks"],
      [{ cadence: { ...weeklyTuesday, weekday: 0 } }, "cadence.weekday"],
      [{ cadence: { ...weeklyTuesday, time: "7:30" } }, "cadence.time"],
      [{ cadence: { ...weeklyTuesday, minutes: 10 } }, "cadence.minutes"],
      [{ cadence: { everyWeeks: 1 } }, "cadence.weekday"],
      [{ timeZone: "Atlantis/Capital" }, "timeZone"],
      [{ ended: false }, "ended"],
      [{ ended: true, timeZone: "Asia/Tokyo" }, "ended"],
      [{ organizerId: report.id }, "organizerId"],
    ];
    for (const [body, path] of cases) expectProblem(await patchSeries(manager, series.id, body), 400, path);
    expectProblem(await patchSeries(owner, series.id, { ended: true }), 404);
    expect(await oneOnOneRows(h)).toEqual(before);
  });
});
