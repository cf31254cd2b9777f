import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  addActionItem,
  markNext,
  meetingOf,
  nextMeetingOf,
  oneOnOneRows,
  pairUnder,
  postActionItem,
  setUpOneOnOne,
} from "./support/one-on-ones";
import {
  addTasks,
  changeTask,
  expectProblem,
  patchTask,
  plateOf,
  plateRows,
  taskOf,
  titlesOf,
} from "./support/tasks";

/** Monday 2 March 2026, 12:00 in Berlin. */
const monday = "2026-03-02T11:00:00.000Z";

describe.each(dialects)("action items of one-on-ones on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  /** A manager and report with a weekly one-on-one, its first meeting, and a peer of the report. */
  const meetingOfPair = async () => {
    h.clock.set(monday);
    const { manager, report } = await pairUnder(h.app, owner);
    const peer = await invite(h.app, owner, "Pia Peer", { managerId: manager.id });
    const series = await setUpOneOnOne(manager, report.id, { timeZone: "Europe/Berlin" });
    const meeting = await nextMeetingOf(manager, series);
    return { manager, report, peer, series, meeting };
  };

  it("places the manager's action item on the report's plate where asked, remembering the meeting", async () => {
    const { manager, report, meeting } = await meetingOfPair();
    const [first, second] = await addTasks(manager, report.id, ["First", "Second"] as const);
    const placed = await addActionItem(manager, meeting.id, {
      title: "Write the plan",
      ownerId: report.id,
      placement: { before: second.id },
      due: { at: "2026-03-09T16:00:00.000Z" },
    });
    expect(placed).toMatchObject({
      ownerId: report.id,
      requesterId: manager.id,
      meetingId: meeting.id,
      state: "open",
      position: 2,
      due: { at: "2026-03-09T16:00:00.000Z" },
    });
    h.clock.advance(1000);
    const atTheBottom = await addActionItem(manager, meeting.id, {
      title: "Book the room",
      ownerId: report.id,
    });
    expect(atTheBottom).toMatchObject({ state: "open", position: 4, meetingId: meeting.id });
    h.clock.advance(1000);
    const onTop = await addActionItem(report, meeting.id, {
      title: "Mine",
      ownerId: report.id,
      placement: "top",
    });
    expect(onTop).toMatchObject({ state: "open", position: 1, requesterId: report.id });
    expect(titlesOf(await plateOf(report, report.id))).toEqual([
      "Mine",
      first.title,
      "Write the plan",
      second.title,
      "Book the room",
    ]);
    // In the order they were added.
    expect((await meetingOf(report, meeting.id)).actionItems.map((task) => task.id)).toEqual([
      placed.id,
      atTheBottom.id,
      onTop.id,
    ]);
  });

  it("puts the report's action item for the manager in the manager's triage, and a peer pair's in the other's", async () => {
    const { manager, report, peer, meeting } = await meetingOfPair();
    const forManager = await addActionItem(report, meeting.id, {
      title: "Approve the budget",
      ownerId: manager.id,
      placement: "top",
    });
    expect(forManager).toMatchObject({
      ownerId: manager.id,
      state: "triage",
      position: null,
      meetingId: meeting.id,
    });
    expect(titlesOf(await plateOf(manager, manager.id, "state=triage"))).toEqual(["Approve the budget"]);
    expect(titlesOf(await plateOf(manager, manager.id))).toEqual([]);

    // Two peers: neither places on the other's plate, nor on a third person's.
    const peers = await setUpOneOnOne(report, peer.id);
    const peersMeeting = peers.nextMeeting?.id ?? "";
    const colleague = await invite(h.app, owner, "Cole Colleague", { managerId: owner.id });
    for (const ownerId of [peer.id, colleague.id]) {
      h.clock.advance(1000);
      const asked = await addActionItem(report, peersMeeting, { title: "Review my draft", ownerId });
      expect(asked).toMatchObject({ ownerId, state: "triage", position: null, meetingId: peersMeeting });
    }
    expect((await plateOf(colleague, colleague.id)).load.triage).toBe(1);
    expect(
      (await meetingOf(peer, peersMeeting)).actionItems.map((task) => [task.ownerId, task.state]),
    ).toEqual([
      [peer.id, "triage"],
      [colleague.id, "triage"],
    ]);
  });

  it("shows each action item on its meeting as it is now", async () => {
    const { manager, report, series, meeting } = await meetingOfPair();
    const item = await addActionItem(manager, meeting.id, { title: "Draft the plan", ownerId: report.id });
    h.clock.set("2026-03-03T09:30:00Z");
    const { marked: held } = await markNext(manager, series.id, "held");
    expect(held.actionItems).toEqual([await taskOf(manager, item.id)]);

    h.clock.set("2026-03-05T09:00:00Z");
    const done = await changeTask(report, await taskOf(report, item.id), { state: "done" });
    const meeting2 = await meetingOf(manager, held.id);
    expect(meeting2.actionItems).toEqual([done]);
    expect(meeting2.actionItems[0]).toMatchObject({ state: "done", completedAt: "2026-03-05T09:00:00.000Z" });
    expect((await meetingOf(report, held.id)).actionItems).toEqual([await taskOf(report, item.id)]);
  });

  it("lets the other person read an action item on a plate they cannot see, but not complete it (403)", async () => {
    const { manager, report, peer, meeting } = await meetingOfPair();
    const mine = await addActionItem(manager, meeting.id, { title: "Ask finance", ownerId: manager.id });
    expect(mine).toMatchObject({ state: "open", position: 1 });
    expectProblem(await report.client.get(`/api/v1/people/${manager.id}/tasks`), 404);
    expect(await taskOf(report, mine.id)).toEqual(await taskOf(manager, mine.id));
    const rows = await plateRows(h, manager.id);
    expectProblem(await patchTask(report, mine.id, { version: mine.version, state: "done" }), 403);
    expectProblem(await report.client.post(`/api/v1/tasks/${mine.id}/move`, { placement: "bottom" }), 403);
    expect(await plateRows(h, manager.id)).toEqual(rows);
    // Someone outside the meeting does not see it at all.
    expectProblem(await peer.client.get(`/api/v1/tasks/${mine.id}`), 404);
    expect(await changeTask(manager, mine, { state: "done" })).toMatchObject({ state: "done" });
  });

  it("refuses a bad title (400), an owner outside the organization (404) and a non-participant (404), adding nothing", async () => {
    const { manager, report, peer, meeting } = await meetingOfPair();
    const outsider = await founder(h.app, "Xena Outsider");
    const before = { one: await oneOnOneRows(h), plate: await plateRows(h, report.id) };
    for (const title of ["", "   ", "x".repeat(201), "two\nlines", "bell \u0007", 7]) {
      expectProblem(await postActionItem(manager, meeting.id, { title, ownerId: report.id }), 400, "title");
    }
    for (const body of [
      { title: "No owner" },
      { title: "Bad due", ownerId: report.id, due: { at: "tomorrow" } },
      { title: "Bad placement", ownerId: report.id, placement: "middle" },
      { title: "Extra", ownerId: report.id, state: "done" },
    ]) {
      expectProblem(await postActionItem(manager, meeting.id, body), 400);
    }
    expectProblem(await postActionItem(manager, meeting.id, { title: "Outside", ownerId: outsider.id }), 404);
    expectProblem(
      await postActionItem(manager, meeting.id, { title: "Nobody", ownerId: "no-such-person" }),
      404,
    );
    expectProblem(
      await postActionItem(peer, meeting.id, { title: "Not my meeting", ownerId: report.id }),
      404,
    );
    expectProblem(
      await postActionItem(owner, meeting.id, { title: "Not my meeting", ownerId: report.id }),
      404,
    );
    expectProblem(
      await postActionItem(outsider, meeting.id, { title: "Not mine", ownerId: outsider.id }),
      404,
    );
    expect({ one: await oneOnOneRows(h), plate: await plateRows(h, report.id) }).toEqual(before);
    expect((await plateRows(h, outsider.id)).tasks).toEqual([]);
    expect((await meetingOf(manager, meeting.id)).actionItems).toEqual([]);
  });
});
