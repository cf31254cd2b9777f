import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  type Meeting,
  markNext,
  meetingOf,
  nextMeetingOf,
  pairUnder,
  seriesOf,
  setUpOneOnOne,
} from "./support/one-on-ones";
import { addTask, changeTask, type Task, taskOf, titlesOf } from "./support/tasks";

/** Monday 2 March 2026, 12:00 in Berlin; the series meets on Tuesdays at 10:00 there (09:00Z in March). */
const monday = "2026-03-02T11:00:00.000Z";

/** What the plate says about `personId` on `meeting`, as its reader sees it. */
const plateOn = (meeting: Meeting, personId: string) => {
  const agenda = meeting.fromThePlate.find((entry) => entry.personId === personId);
  expect(agenda, `fromThePlate has ${personId}`).toBeDefined();
  return {
    completedSince: titlesOf(agenda?.completedSince ?? []),
    droppedSince: titlesOf(agenda?.droppedSince ?? []),
    overdue: titlesOf(agenda?.overdue ?? []),
    dueBeforeNext: titlesOf(agenda?.dueBeforeNext ?? []),
    triage: agenda?.triage,
  };
};

describe.each(dialects)("what the plate says for a one-on-one on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  const finish = async (as: Member, task: Task, state: "done" | "dropped", at: string) => {
    h.clock.set(at);
    const current = await taskOf(as, task.id);
    return changeTask(as, current, state === "done" ? { state } : { state, dropReason: "No longer needed" });
  };

  it("looks back to the previous held meeting, through a skipped one, and a finished meeting stays its record", async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const series = await setUpOneOnOne(manager, report.id, { timeZone: "Europe/Berlin" });
    const titles = [
      "Before the first",
      "Between first and second",
      "Dropped between",
      "After the second",
      "Open",
    ];
    const [before, between, dropped, after] = await Promise.all(
      titles.map((title) => addTask(manager, report.id, { title })),
    );
    // The first meeting has no held one before it: it looks back one cadence period (from 24 Feb, 10:00).
    await finish(report, before as Task, "done", "2026-03-02T12:00:00Z");
    h.clock.set("2026-03-03T09:30:00Z");
    const { marked: first } = await markNext(manager, series.id, "held");
    expect(plateOn(first, report.id)).toMatchObject({
      completedSince: ["Before the first"],
      droppedSince: [],
    });

    await finish(report, between as Task, "done", "2026-03-04T08:00:00Z");
    await finish(manager, dropped as Task, "dropped", "2026-03-05T08:00:00Z");
    const second = await nextMeetingOf(manager, await seriesOf(manager, series.id));
    expect(plateOn(second, report.id)).toMatchObject({
      completedSince: ["Between first and second"],
      droppedSince: ["Dropped between"],
    });

    // A skipped meeting does not reset the window: the third looks back to the first, held one.
    h.clock.set("2026-03-10T09:30:00Z");
    const { marked: skipped } = await markNext(report, series.id, "skipped");
    await finish(report, after as Task, "done", "2026-03-11T08:00:00Z");
    const third = await nextMeetingOf(manager, await seriesOf(manager, series.id));
    expect(plateOn(third, report.id)).toMatchObject({
      completedSince: ["After the second", "Between first and second"],
      droppedSince: ["Dropped between"],
    });

    // Held and skipped meetings keep what was finished up to their end, whenever they are read.
    expect(plateOn(await meetingOf(manager, first.id), report.id)).toMatchObject({
      completedSince: ["Before the first"],
      droppedSince: [],
    });
    expect(plateOn(await meetingOf(manager, skipped.id), report.id)).toMatchObject({
      completedSince: ["Between first and second"],
      droppedSince: ["Dropped between"],
    });
    // Once the third is held, the fourth looks back to it alone.
    h.clock.set("2026-03-17T09:30:00Z");
    const { series: afterThird } = await markNext(manager, series.id, "held");
    const fourth = await nextMeetingOf(report, afterThird);
    expect(plateOn(fourth, report.id)).toMatchObject({ completedSince: [], droppedSince: [] });
  });

  it("lists what is overdue and what falls due up to the meeting after, with the triage count, on upcoming meetings only", async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const colleague = await invite(h.app, owner, "Cole Colleague", { managerId: owner.id });
    const series = await setUpOneOnOne(report, manager.id, { timeZone: "Europe/Berlin" });
    // The meeting after the first is Tuesday 10 March, 10:00 in Berlin (09:00Z).
    const dues: [string, string][] = [
      ["Overdue", "2026-03-01T09:00:00.000Z"],
      ["Due before the meeting", "2026-03-03T08:00:00.000Z"],
      ["Due between meetings", "2026-03-06T12:00:00.000Z"],
      ["Due as the next one starts", "2026-03-10T09:00:00.000Z"],
      ["Due just after the next one starts", "2026-03-10T09:01:00.000Z"],
    ];
    for (const [title, at] of dues) await addTask(manager, report.id, { title, due: { at } });
    await addTask(manager, report.id, { title: "No due" });
    await addTask(colleague, report.id, { title: "An ask" });
    await addTask(colleague, report.id, { title: "Another ask" });

    const first = await nextMeetingOf(manager, series);
    const upcoming = {
      completedSince: [],
      droppedSince: [],
      overdue: ["Overdue"],
      dueBeforeNext: ["Due before the meeting", "Due between meetings", "Due as the next one starts"],
      triage: 2,
    };
    expect(plateOn(first, report.id)).toEqual(upcoming);
    expect(plateOn(first, manager.id)).toEqual({ ...upcoming, overdue: [], dueBeforeNext: [], triage: 0 });
    // As the clock passes a due, it moves from one list to the other.
    h.clock.set("2026-03-03T08:30:00Z");
    expect(plateOn(await meetingOf(report, first.id), report.id)).toMatchObject({
      overdue: ["Overdue", "Due before the meeting"],
      dueBeforeNext: ["Due between meetings", "Due as the next one starts"],
    });

    // A finished meeting lists nothing ahead: no overdue, no due, no triage.
    h.clock.set("2026-03-03T09:30:00Z");
    const { marked: held } = await markNext(manager, series.id, "held");
    const record = { completedSince: [], droppedSince: [], overdue: [], dueBeforeNext: [], triage: 0 };
    expect(plateOn(held, report.id)).toEqual(record);
    expect(plateOn(await meetingOf(report, held.id), report.id)).toEqual(record);
    const second = await nextMeetingOf(report, await seriesOf(report, series.id));
    expect(plateOn(second, report.id)).toMatchObject({
      overdue: ["Overdue", "Due before the meeting"],
      dueBeforeNext: [
        "Due between meetings",
        "Due as the next one starts",
        "Due just after the next one starts",
      ],
      triage: 2,
    });
  });

  it("shows each reader only the plates they may see: a peer pair, their own", async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const peer = await invite(h.app, owner, "Pia Peer", { managerId: manager.id });
    const series = await setUpOneOnOne(report, peer.id);
    await addTask(manager, report.id, { title: "Report's", due: { at: "2026-03-01T00:00:00.000Z" } });
    await addTask(manager, peer.id, { title: "Peer's", due: { at: "2026-03-01T00:00:00.000Z" } });
    const meeting = series.nextMeeting?.id ?? "";
    const asReport = await meetingOf(report, meeting);
    expect(asReport.fromThePlate.map((agenda) => agenda.personId)).toEqual([report.id]);
    expect(plateOn(asReport, report.id).overdue).toEqual(["Report's"]);
    const asPeer = await meetingOf(peer, meeting);
    expect(asPeer.fromThePlate.map((agenda) => agenda.personId)).toEqual([peer.id]);
    expect(plateOn(asPeer, peer.id).overdue).toEqual(["Peer's"]);

    // A manager with their report sees both; the report sees only their own.
    const withManager = await setUpOneOnOne(manager, report.id);
    const managerMeeting = withManager.nextMeeting?.id ?? "";
    expect(
      (await meetingOf(manager, managerMeeting)).fromThePlate.map((agenda) => agenda.personId).sort(),
    ).toEqual([manager.id, report.id].sort());
    expect((await meetingOf(report, managerMeeting)).fromThePlate.map((agenda) => agenda.personId)).toEqual([
      report.id,
    ]);
  });
});
