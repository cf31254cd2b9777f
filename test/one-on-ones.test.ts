import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  addActionItem,
  addPoints,
  changeMeeting,
  changePoint,
  meetingOf,
  nextMeetingOf,
  seriesOf,
  setUpOneOnOne,
  textsOf,
} from "./support/one-on-ones";
import { addTask, changeTask, plateOf, setTimeZone } from "./support/tasks";

describe.each(dialects)("one-on-ones on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  const pair = async () => {
    const manager = await invite(h.app, owner, "Mara Manager", { managerId: owner.id });
    const report = await invite(h.app, owner, "Remy Report", { managerId: manager.id });
    return { manager, report };
  };

  it("holds a meeting from the plate and carries what was not discussed to the next one", async () => {
    // Monday 2 March 2026, 12:00 in Berlin.
    h.clock.set("2026-03-02T11:00:00Z");
    const { manager, report } = await pair();
    await setTimeZone(manager, "Europe/Berlin");
    const series = await setUpOneOnOne(manager, report.id);
    expect(series).toMatchObject({
      organizerId: manager.id,
      timeZone: "Europe/Berlin",
      endedAt: null,
      nextMeeting: { scheduledAt: "2026-03-03T09:00:00.000Z", state: "upcoming", talkingPoints: [] },
    });
    expect([...series.participantIds].sort()).toEqual([manager.id, report.id].sort());
    // The next meeting is a whole Meeting, as the meeting itself reads.
    expect(series.nextMeeting).toEqual(await meetingOf(manager, series.nextMeeting?.id ?? ""));

    const [finished, , overdue] = await Promise.all([
      addTask(manager, report.id, { title: "Ship the report" }),
      addTask(manager, report.id, { title: "Later work", due: { at: "2026-04-01T00:00:00.000Z" } }),
      addTask(manager, report.id, { title: "Late work", due: { at: "2026-03-02T12:00:00.000Z" } }),
    ]);
    await changeTask(report, finished, { state: "done" });
    h.clock.set("2026-03-03T08:00:00Z");

    const first = await nextMeetingOf(manager, series);
    const [managerPoint] = await addPoints(manager, first.id, ["Hiring plan"]);
    const [reportPoint, secondReportPoint] = await addPoints(report, first.id, ["Promotion", "Holidays"]);
    await changePoint(report, reportPoint?.id ?? "", { discussed: true });
    await changePoint(manager, secondReportPoint?.id ?? "", { placement: "top" });

    const asManager = await meetingOf(manager, first.id);
    expect(textsOf(asManager)).toEqual(["Holidays", "Hiring plan", "Promotion"]);
    const reportsPlate = asManager.fromThePlate.find((agenda) => agenda.personId === report.id);
    expect(reportsPlate?.completedSince.map((task) => task.title)).toEqual(["Ship the report"]);
    expect(reportsPlate?.overdue.map((task) => task.id)).toEqual([overdue.id]);
    expect(reportsPlate?.dueBeforeNext).toEqual([]);
    // The report sees only their own plate there; the manager sees both.
    const asReport = await meetingOf(report, first.id);
    expect(asReport.fromThePlate.map((agenda) => agenda.personId)).toEqual([report.id]);
    expect(asManager.fromThePlate.map((agenda) => agenda.personId).sort()).toEqual(
      [manager.id, report.id].sort(),
    );

    const item = await addActionItem(manager, first.id, { title: "Write the plan", ownerId: report.id });
    expect(item).toMatchObject({ meetingId: first.id, state: "open", ownerId: report.id });
    expect((await plateOf(report, report.id)).items.map((task) => task.title)).toContain("Write the plan");

    const held = await changeMeeting(report, asReport, { state: "held" });
    expect(held.state).toBe("held");
    expect(textsOf(held)).toEqual(["Promotion"]);
    const next = await nextMeetingOf(manager, await seriesOf(manager, series.id));
    expect(next.scheduledAt).toBe("2026-03-10T09:00:00.000Z");
    expect(next.talkingPoints.map((point) => [point.text, point.carriedFrom, point.timesCarried])).toEqual([
      ["Holidays", first.id, 1],
      ["Hiring plan", first.id, 1],
    ]);
    expect(managerPoint?.timesCarried).toBe(0);
    // Last time's action items show on the next meeting, with their state now.
    await changeTask(report, item, { state: "done" });
    const followUp = await meetingOf(report, next.id);
    expect(followUp.actionItems.map((task) => [task.title, task.meetingId, task.state])).toEqual([
      ["Write the plan", first.id, "done"],
    ]);
  });

  it("reads past meetings a page at a time, latest first, each page's cursor leading to the next", async () => {
    h.clock.set("2026-05-04T08:00:00Z");
    const { manager, report } = await pair();
    const series = await setUpOneOnOne(manager, report.id, { timeZone: "UTC" });
    const held: string[] = [];
    for (let week = 0; week < 5; week++) {
      const meeting = await nextMeetingOf(manager, await seriesOf(manager, series.id));
      h.clock.set(meeting.endsAt);
      await changeMeeting(manager, meeting, { state: week % 2 === 0 ? "held" : "skipped" });
      held.unshift(meeting.id);
    }
    const seen: string[] = [];
    let path = `/api/v1/one-on-ones/${series.id}/meetings?when=past&limit=2`;
    for (let page = 0; page < 3; page++) {
      const answer = await report.client.get<{ items: { id: string }[]; nextCursor?: string }>(path);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      seen.push(...answer.body.items.map((meeting) => meeting.id));
      expect(answer.body.nextCursor === undefined).toBe(page === 2);
      path = `/api/v1/one-on-ones/${series.id}/meetings?when=past&limit=2&cursor=${answer.body.nextCursor}`;
    }
    expect(seen).toEqual(held);
    const upcoming = await report.client.get<{ items: { id: string; state: string }[] }>(
      `/api/v1/one-on-ones/${series.id}/meetings`,
    );
    expect(upcoming.body.items.map((meeting) => meeting.state)).toEqual(["upcoming"]);
    const forged = await report.client.get(
      `/api/v1/one-on-ones/${series.id}/meetings?when=past&cursor=bm9wZQ`,
    );
    expect(forged.status).toBe(400);
  });
});
