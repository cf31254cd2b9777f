import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  addPoints,
  carryOf,
  changeMeeting,
  changePoint,
  conflictOf,
  deletePoint,
  type Meeting,
  markNext,
  meetingOf,
  meetingsOf,
  nextMeetingOf,
  oneOnOneRows,
  pairUnder,
  patchMeeting,
  patchPoint,
  postPoint,
  seriesOf,
  setUpOneOnOne,
  textsOf,
} from "./support/one-on-ones";
import { expectProblem } from "./support/tasks";

/** Monday 2 March 2026, 12:00 in Berlin; the series meets on Tuesdays at 10:00 there (09:00Z in March). */
const monday = "2026-03-02T11:00:00.000Z";
const tuesdays = ["2026-03-03T09:00:00.000Z", "2026-03-10T09:00:00.000Z", "2026-03-17T09:00:00.000Z"];

describe.each(dialects)("one-on-one meetings on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  /** A fresh pair meeting weekly on Tuesdays at 10:00 in Berlin, set up on `monday`. */
  const weekly = async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const series = await setUpOneOnOne(manager, report.id, { timeZone: "Europe/Berlin" });
    return { manager, report, series };
  };

  it("lists upcoming meetings soonest first and past ones latest first", async () => {
    const { manager, report, series } = await weekly();
    const marked: Meeting[] = [];
    for (const [index, state] of (["held", "skipped", "held"] as const).entries()) {
      h.clock.set(tuesdays[index] ?? "");
      marked.push((await markNext(index % 2 ? report : manager, series.id, state)).marked);
    }
    const past = await meetingsOf(report, series.id, "past");
    expect(past.map((meeting) => [meeting.id, meeting.state])).toEqual([
      [marked[2]?.id, "held"],
      [marked[1]?.id, "skipped"],
      [marked[0]?.id, "held"],
    ]);
    expect(past[0]).toEqual(await meetingOf(report, marked[2]?.id ?? ""));
    expect((await meetingsOf(report, series.id, "past", 2)).map((meeting) => meeting.id)).toEqual(
      past.slice(0, 2).map((meeting) => meeting.id),
    );
    const upcoming = await meetingsOf(manager, series.id, "upcoming");
    expect(upcoming.map((meeting) => [meeting.scheduledAt, meeting.state])).toEqual([
      ["2026-03-24T09:00:00.000Z", "upcoming"],
    ]);
    expect(upcoming[0]?.id).toBe((await seriesOf(manager, series.id)).nextMeeting?.id);
    // The series, its meetings and their order are the same whoever of the pair reads them.
    expect((await meetingsOf(manager, series.id, "past")).map((meeting) => meeting.id)).toEqual(
      past.map((meeting) => meeting.id),
    );
  });

  it("moves one meeting and leaves the series on its cadence: the one after it is back on a Tuesday", async () => {
    const { manager, report, series } = await weekly();
    const first = await nextMeetingOf(report, series);
    // To Wednesday 4 March, 15:00 in Berlin.
    const moved = await changeMeeting(report, first, { scheduledAt: "2026-03-04T14:00:00Z" });
    expect(moved).toMatchObject({
      id: first.id,
      scheduledAt: "2026-03-04T14:00:00.000Z",
      endsAt: "2026-03-04T14:30:00.000Z",
      state: "upcoming",
      version: first.version + 1,
    });
    const after = await seriesOf(manager, series.id);
    expect(after.cadence).toEqual(series.cadence);
    expect(after.nextMeeting).toMatchObject({ id: first.id, scheduledAt: "2026-03-04T14:00:00.000Z" });

    h.clock.set("2026-03-04T14:30:00Z");
    const { series: heldFirst } = await markNext(manager, series.id, "held");
    expect(heldFirst.nextMeeting?.scheduledAt).toBe(tuesdays[1]);

    // Moved past the next Tuesday: the one after it is the Tuesday after that.
    const second = await nextMeetingOf(manager, heldFirst);
    await changeMeeting(manager, second, { scheduledAt: "2026-03-18T08:00:00.000Z" });
    h.clock.set("2026-03-18T08:30:00Z");
    const { series: heldSecond } = await markNext(report, series.id, "held");
    expect(heldSecond.nextMeeting?.scheduledAt).toBe("2026-03-24T09:00:00.000Z");
  });

  it("refuses to move a held or skipped meeting (422), writing nothing", async () => {
    const { manager, report, series } = await weekly();
    h.clock.set("2026-03-03T09:30:00Z");
    const { marked: held } = await markNext(manager, series.id, "held");
    const { marked: skipped } = await markNext(report, series.id, "skipped");
    const before = await oneOnOneRows(h);
    for (const meeting of [held, skipped]) {
      const answer = await patchMeeting(report, meeting.id, {
        version: meeting.version,
        scheduledAt: "2026-03-20T09:00:00.000Z",
      });
      expectProblem(answer, 422, "scheduledAt");
    }
    expect(await oneOnOneRows(h)).toEqual(before);
  });

  it("saves shared notes with version: a stale one is 409 with the meeting as it is now, and nothing written", async () => {
    const { manager, report, series } = await weekly();
    const seenByManager = await nextMeetingOf(manager, series);
    const seenByReport = await nextMeetingOf(report, series);
    const saved = await changeMeeting(report, seenByReport, { sharedNotes: "## Goals\n\n- ship *it*" });
    expect(saved).toMatchObject({
      sharedNotes: "## Goals\n\n- ship *it*",
      version: seenByReport.version + 1,
    });

    const before = await oneOnOneRows(h);
    const stale = await patchMeeting(manager, seenByManager.id, {
      version: seenByManager.version,
      sharedNotes: "My own notes",
    });
    const current = conflictOf(stale);
    expect(current).toEqual(await meetingOf(manager, seenByManager.id));
    expect(current).toMatchObject({ sharedNotes: "## Goals\n\n- ship *it*", version: saved.version });
    expect(await oneOnOneRows(h)).toEqual(before);

    // Merged with what is there now, saved against the current version.
    const merged = await changeMeeting(manager, current, {
      sharedNotes: "## Goals\n\n- ship *it*\n\nMy own notes",
    });
    expect(merged.version).toBe(saved.version + 1);
    expect((await meetingOf(report, merged.id)).sharedNotes).toBe("## Goals\n\n- ship *it*\n\nMy own notes");
  });

  it("refuses notes over 20,000 characters or with control characters (400), writing nothing", async () => {
    const { report, series } = await weekly();
    const meeting = await nextMeetingOf(report, series);
    const before = await oneOnOneRows(h);
    for (const sharedNotes of ["x".repeat(20_001), "bell \u0007", "nul \u0000 here"]) {
      expectProblem(
        await patchMeeting(report, meeting.id, { version: meeting.version, sharedNotes }),
        400,
        "sharedNotes",
      );
    }
    for (const body of [
      { sharedNotes: "x" },
      { version: 0 },
      { version: 1, state: "upcoming" },
      { version: 1, scheduledAt: "soon" },
    ]) {
      expectProblem(await patchMeeting(report, meeting.id, body), 400);
    }
    expect(await oneOnOneRows(h)).toEqual(before);
    const longest = await changeMeeting(report, meeting, { sharedNotes: `${"x".repeat(19_999)}\n` });
    expect(longest.sharedNotes).toHaveLength(20_000);
  });

  it("carries points not discussed when a meeting is skipped, and nothing when it is marked again", async () => {
    const { manager, report, series } = await weekly();
    const first = await nextMeetingOf(manager, series);
    const [hiring, budget] = await addPoints(manager, first.id, ["Hiring", "Budget"]);
    const [holidays] = await addPoints(report, first.id, ["Holidays"]);
    await changePoint(report, budget?.id ?? "", { discussed: true });

    h.clock.set("2026-03-03T09:30:00Z");
    const { marked: skipped, series: after } = await markNext(report, series.id, "skipped");
    expect(skipped.state).toBe("skipped");
    expect(textsOf(skipped)).toEqual(["Budget"]);
    const second = await nextMeetingOf(report, after);
    expect(second.scheduledAt).toBe(tuesdays[1]);
    expect(carryOf(second)).toEqual([
      ["Hiring", first.id, 1],
      ["Holidays", first.id, 1],
    ]);
    expect(second.talkingPoints.map((point) => [point.id, point.authorId, point.createdAt])).toEqual([
      [hiring?.id, manager.id, hiring?.createdAt],
      [holidays?.id, report.id, holidays?.createdAt],
    ]);

    // Held after all: already finished, so nothing moves and no other meeting is made.
    h.clock.set("2026-03-03T10:00:00Z");
    const heldAfter = await changeMeeting(manager, skipped, { state: "held" });
    expect(heldAfter).toMatchObject({ state: "held", version: skipped.version + 1 });
    expect(textsOf(heldAfter)).toEqual(["Budget"]);
    expect(await meetingOf(report, second.id)).toEqual(second);
    expect((await meetingsOf(report, series.id, "upcoming")).map((meeting) => meeting.id)).toEqual([
      second.id,
    ]);
  });

  it("lets one of two markings at once through (the other 409) and carries each point once", async () => {
    const { manager, report, series } = await weekly();
    const meeting = await nextMeetingOf(manager, series);
    await addPoints(manager, meeting.id, ["Hiring", "Budget"]);
    const current = await meetingOf(manager, meeting.id);
    h.clock.set("2026-03-03T09:30:00Z");
    const answers = await Promise.all([
      patchMeeting(manager, meeting.id, { version: current.version, state: "held" }),
      patchMeeting(report, meeting.id, { version: current.version, state: "skipped" }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const [won, lost] = answers[0]?.status === 200 ? answers : [answers[1], answers[0]];
    // The one refused is shown the meeting as the other marked it.
    expect(conflictOf(lost as (typeof answers)[number])).toEqual({
      ...(won?.body as Meeting),
      fromThePlate: expect.any(Array),
    });
    const upcoming = await meetingsOf(report, series.id, "upcoming");
    expect(upcoming.map(carryOf)).toEqual([
      [
        ["Hiring", meeting.id, 1],
        ["Budget", meeting.id, 1],
      ],
    ]);
    expect(
      (await meetingsOf(report, series.id, "past")).map((past) => [past.id, past.talkingPoints]),
    ).toEqual([[meeting.id, []]]);
  });

  it("says a point carried three times was, with carriedFrom the last meeting it left", async () => {
    const { manager, report, series } = await weekly();
    const [point] = await addPoints(report, (await nextMeetingOf(report, series)).id, ["Promotion"]);
    const left: string[] = [];
    for (const [index, state] of (["skipped", "held", "skipped"] as const).entries()) {
      h.clock.set(tuesdays[index] ?? "");
      left.push((await markNext(index % 2 ? manager : report, series.id, state)).marked.id);
    }
    const fourth = await nextMeetingOf(manager, await seriesOf(manager, series.id));
    expect(fourth.talkingPoints).toEqual([{ ...point, carriedFrom: left[2], timesCarried: 3 }]);
    for (const id of left) expect((await meetingOf(manager, id)).talkingPoints).toEqual([]);
  });

  it("never drops a point of a meeting moved and then skipped, wherever it was moved", async () => {
    const { manager, report, series } = await weekly();
    const all: string[] = [];
    const addTo = async (meeting: Meeting, texts: string[]) => {
      const points = await addPoints(report, meeting.id, texts);
      all.push(...points.map((point) => point.id));
      return points;
    };
    // Moved past the next two Tuesdays, then skipped.
    const first = await nextMeetingOf(report, series);
    const [, discussed] = await addTo(first, ["One", "Two", "Three"]);
    await changePoint(manager, discussed?.id ?? "", { discussed: true });
    const late = await changeMeeting(manager, await meetingOf(manager, first.id), {
      scheduledAt: "2026-03-19T09:00:00.000Z",
    });
    await changeMeeting(report, await meetingOf(report, late.id), { state: "skipped" });
    const second = await nextMeetingOf(report, await seriesOf(report, series.id));
    expect(second.scheduledAt).toBe("2026-03-24T09:00:00.000Z");
    expect(carryOf(second)).toEqual([
      ["One", first.id, 1],
      ["Three", first.id, 1],
    ]);

    // Moved back before the clock, then skipped.
    await addTo(second, ["Four"]);
    const early = await changeMeeting(report, second, { scheduledAt: "2026-03-01T09:00:00.000Z" });
    await changeMeeting(manager, await meetingOf(manager, early.id), { state: "skipped" });
    const third = await nextMeetingOf(report, await seriesOf(report, series.id));
    expect(Date.parse(third.scheduledAt)).toBeGreaterThan(Date.parse(monday));
    expect(carryOf(third)).toEqual([
      ["One", second.id, 2],
      ["Three", second.id, 2],
      ["Four", second.id, 1],
    ]);

    const meetings = [
      ...(await meetingsOf(report, series.id, "past")),
      ...(await meetingsOf(report, series.id, "upcoming")),
    ];
    const everywhere = meetings.flatMap((meeting) => meeting.talkingPoints.map((point) => point.id));
    expect([...everywhere].sort()).toEqual([...all].sort());
  });

  it("keeps the points of a held meeting as its record: add, tick, reorder, reword and delete are 422", async () => {
    const { manager, report, series } = await weekly();
    const meeting = await nextMeetingOf(manager, series);
    const [point] = await addPoints(manager, meeting.id, ["Roadmap"]);
    await changePoint(report, point?.id ?? "", { discussed: true });
    h.clock.set("2026-03-03T09:30:00Z");
    const { marked: held } = await markNext(report, series.id, "held");
    expect(textsOf(held)).toEqual(["Roadmap"]);

    const before = await oneOnOneRows(h);
    const id = point?.id ?? "";
    expectProblem(await postPoint(manager, held.id, { text: "One more thing" }), 422);
    expectProblem(await patchPoint(report, id, { discussed: false }), 422);
    expectProblem(await patchPoint(report, id, { discussed: true }), 422);
    expectProblem(await patchPoint(manager, id, { placement: "top" }), 422);
    expectProblem(await patchPoint(manager, id, { text: "Roadmap, reworded" }), 422);
    expectProblem(await deletePoint(manager, id), 422);
    expect(await oneOnOneRows(h)).toEqual(before);
    expect(await meetingOf(report, held.id)).toEqual(held);
  });
});
