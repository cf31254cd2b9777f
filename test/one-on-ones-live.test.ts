import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { EventStream, type StreamEvent } from "./support/event-stream";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  addActionItem,
  addPoints,
  changeMeeting,
  meetingOf,
  type Series,
  seriesOf,
  setUpOneOnOne,
} from "./support/one-on-ones";
import { addTask } from "./support/tasks";

describe.each(dialects)("one-on-one live updates on %s", (dialect) => {
  const h = useHarness(dialect);
  const streams: EventStream[] = [];
  let owner: Member;
  let manager: Member;
  let report: Member;
  let colleague: Member;
  let series: Series;

  beforeAll(async () => {
    await h.app.listen({ port: 0, host: "127.0.0.1" });
    h.clock.set("2026-03-02T11:00:00.000Z");
    // The owner is the manager's manager: above both of the pair, and an owner of the organization.
    owner = await founder(h.app, "Olivia Owner");
    manager = await invite(h.app, owner, "Mara Manager", { managerId: owner.id });
    report = await invite(h.app, owner, "Remy Report", { managerId: manager.id });
    colleague = await invite(h.app, owner, "Cole Colleague", { managerId: owner.id });
    series = await setUpOneOnOne(manager, report.id);
  });
  afterAll(() => {
    for (const stream of streams) stream.close();
  });

  const open = async (member: Member) => {
    const stream = await EventStream.open(h.app, member.client.credentials.cookie ?? "");
    streams.push(stream);
    return stream;
  };
  const meetingChanged = (meetingId: string, at: string) => (event: StreamEvent) =>
    event.event === "meeting.changed" && event.data.meetingId === meetingId && event.data.at === at;
  const isMeetingEvent = (event: StreamEvent) => event.event === "meeting.changed";
  /** A change of `member`'s own plate, which reaches their stream after everything sent before it. */
  const sentinel = async (member: Member, stream: EventStream) => {
    const task = await addTask(member, member.id, { title: "Sentinel" });
    return stream.next((event) => event.event === "task.changed" && event.data.taskId === task.id);
  };

  it("tells both people of a point added, notes saved, an action item and a meeting marked; nobody else", async () => {
    const [managerStream, reportStream, ownerStream, colleagueStream] = await Promise.all([
      open(manager),
      open(report),
      open(owner),
      open(colleague),
    ]);
    const meetingId = series.nextMeeting?.id ?? "";
    const heardByBoth = async (at: string, id = meetingId) => {
      const [byManager, byReport] = await Promise.all([
        managerStream.next(meetingChanged(id, at)),
        reportStream.next(meetingChanged(id, at)),
      ]);
      expect(byManager).toEqual({
        event: "meeting.changed",
        data: { meetingId: id, seriesId: series.id, at },
      });
      expect(byReport).toEqual(byManager);
    };

    h.clock.set("2026-03-02T12:00:00.000Z");
    await addPoints(report, meetingId, ["Promotion"]);
    await heardByBoth("2026-03-02T12:00:00.000Z");

    h.clock.set("2026-03-02T12:01:00.000Z");
    await changeMeeting(manager, await meetingOf(manager, meetingId), { sharedNotes: "Agenda first" });
    await heardByBoth("2026-03-02T12:01:00.000Z");

    h.clock.set("2026-03-02T12:02:00.000Z");
    await addActionItem(manager, meetingId, { title: "Write it down", ownerId: report.id });
    await heardByBoth("2026-03-02T12:02:00.000Z");

    h.clock.set("2026-03-03T09:30:00.000Z");
    await changeMeeting(report, await meetingOf(report, meetingId), { state: "held" });
    await heardByBoth("2026-03-03T09:30:00.000Z");
    // The point not discussed went on to the next meeting, which is news of that meeting too.
    const next = (await seriesOf(report, series.id)).nextMeeting?.id ?? "";
    expect(next).not.toBe(meetingId);
    await heardByBoth("2026-03-03T09:30:00.000Z", next);

    // The owner above both of them and a colleague hear nothing of the meeting.
    for (const [member, stream] of [
      [owner, ownerStream],
      [colleague, colleagueStream],
    ] as const) {
      await sentinel(member, stream);
      expect(stream.events.filter(isMeetingEvent)).toEqual([]);
    }
  });

  it("sends nothing when a private note is written", async () => {
    const [managerStream, reportStream] = await Promise.all([open(manager), open(report)]);
    const meetingId = (await seriesOf(report, series.id)).nextMeeting?.id ?? "";
    await sentinel(report, reportStream);
    const heard = { manager: managerStream.events.length, report: reportStream.events.length };

    h.clock.set("2026-03-02T13:00:00.000Z");
    const note = await report.client.put(`/api/v1/meetings/${meetingId}/private-note`, { text: "Just mine" });
    expect(note.status).toBe(200);
    await sentinel(report, reportStream);
    await sentinel(manager, managerStream);
    expect(reportStream.events.slice(heard.report).filter(isMeetingEvent)).toEqual([]);
    expect(managerStream.events.slice(heard.manager).filter(isMeetingEvent)).toEqual([]);
  });
});
