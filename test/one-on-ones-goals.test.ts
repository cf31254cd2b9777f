import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { changeGoal, checkIn, setGoal } from "./support/goals";
import { useHarness } from "./support/harness";
import { type Meeting, meetingOf, pairUnder, setUpOneOnOne } from "./support/one-on-ones";
import { addTask, changeTask } from "./support/tasks";

/** Monday 2 March 2026, 12:00 in Berlin. */
const monday = "2026-03-02T11:00:00.000Z";

/** Whose goals a meeting shows its reader, and each goal as title, progress and latest check-in. */
const goalsOn = (meeting: Meeting) =>
  Object.fromEntries(
    meeting.goals.map(({ personId, goals }) => [
      personId,
      goals.map((goal) => [
        goal.title,
        `${goal.progress.done}/${goal.progress.total}`,
        goal.latestCheckIn?.status ?? null,
      ]),
    ]),
  );

describe.each(dialects)("goals on a one-on-one's agenda on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  it("shows both people's active goals, newest first, with progress and the latest check-in", async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const series = await setUpOneOnOne(manager, report.id);
    const team = await setGoal(manager, manager.id, { title: "Halve onboarding time" });
    await checkIn(manager, team.id, { status: "at_risk", note: "Legal review" });
    h.clock.advance(60_000);
    await checkIn(manager, team.id, { status: "on_track", note: "Two steps gone" });
    h.clock.advance(60_000);
    const first = await setGoal(manager, report.id, { title: "Write the runbook", parentId: team.id });
    h.clock.advance(60_000);
    await setGoal(report, report.id, { title: "Learn the billing code" });
    const done = await addTask(report, report.id, { title: "Draft", goalId: first.id });
    await addTask(report, report.id, { title: "Review", goalId: first.id });
    await changeTask(report, done, { state: "done" });
    await checkIn(report, first.id, { status: "off_track", note: "Waiting on access" });
    const achieved = await setGoal(report, report.id, { title: "Already reached" });
    await changeGoal(report, achieved, { state: "achieved" });

    const meetingId = series.nextMeeting?.id ?? "";
    const expected = {
      [manager.id]: [["Halve onboarding time", "0/0", "on_track"]],
      [report.id]: [
        ["Learn the billing code", "0/0", null],
        ["Write the runbook", "1/2", "off_track"],
      ],
    };
    expect(goalsOn(await meetingOf(manager, meetingId))).toEqual(expected);
    // A report sees their manager's goals too: a manager's goals are their team's to see.
    expect(goalsOn(await meetingOf(report, meetingId))).toEqual(expected);
  });

  it("shows a reader only the goals they may read: in a peer pair, their own", async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const peer = await invite(h.app, owner, "Pia Peer", { managerId: manager.id });
    const series = await setUpOneOnOne(report, peer.id);
    await setGoal(report, report.id, { title: "Report's goal" });
    await setGoal(peer, peer.id, { title: "Peer's goal" });
    const meetingId = series.nextMeeting?.id ?? "";

    expect(goalsOn(await meetingOf(report, meetingId))).toEqual({
      [report.id]: [["Report's goal", "0/0", null]],
    });
    expect(goalsOn(await meetingOf(peer, meetingId))).toEqual({
      [peer.id]: [["Peer's goal", "0/0", null]],
    });
  });
});
