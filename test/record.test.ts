import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import { finishedTask, type Record, recordOf, recordTables, type TeamRecordEntry } from "./support/record";
import { sendRequest, taskIdOf } from "./support/requests";
import { addTask, changeTask, expectProblem, setTimeZone, taskOf } from "./support/tasks";

const march = "from=2026-03-01&to=2026-03-31";

describe.each(dialects)("track record on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };
  let outsider: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
    outsider = await founder(h.app, "Xena Outsider");
  });

  /** owner ─┬─ manny ── sam (in `timeZone`) and pat beside manny. */
  async function team(timeZone = "Europe/Berlin") {
    const manny = await invite(h.app, owner, "Manny Manager", { managerId: owner.id });
    const sam = await invite(h.app, owner, "Sam Self", { managerId: manny.id });
    const pat = await invite(h.app, owner, "Pat Peer", { managerId: owner.id });
    await setTimeZone(sam, timeZone);
    return { manny, sam, pat };
  }

  const itemTitled = (record: Record, title: string) => {
    const item = record.items.find((one) => one.title === title);
    expect(item, `${title} in ${JSON.stringify(record.items.map((one) => one.title))}`).toBeDefined();
    return item as Record["items"][number];
  };

  it("judges each task against the due in force when it finished, whatever changes afterwards", async () => {
    const { manny, sam } = await team();
    const early = await finishedTask(h, manny, sam.id, {
      title: "Pipeline review",
      due: { date: "2026-03-04" },
      createdAt: "2026-03-02T09:00:00.000Z",
      finishedAt: "2026-03-04T20:00:00.000Z", // 21:00 in Berlin, in time
    });
    const late = await finishedTask(h, manny, sam.id, {
      title: "Quarterly forecast",
      due: { date: "2026-03-04" },
      createdAt: "2026-03-02T09:00:00.000Z",
      finishedAt: "2026-03-06T10:00:00.000Z",
    });
    const before = await recordOf(manny, sam.id, march);

    h.clock.set("2026-03-10T09:00:00.000Z");
    await changeTask(manny, early, { due: { date: "2026-03-03" } });
    await changeTask(manny, late, { due: { date: "2026-03-31" } });
    expect((await taskOf(sam, late.id)).due).toEqual({ date: "2026-03-31" });
    const after = await recordOf(manny, sam.id, march);

    expect(after).toEqual(before);
    expect(itemTitled(after, "Pipeline review")).toMatchObject({
      state: "done",
      due: { date: "2026-03-04" },
      dueAt: "2026-03-04T23:00:00.000Z",
      onTime: true,
      daysLate: 0,
      slips: 0,
      requesterId: manny.id,
      finishedAt: "2026-03-04T20:00:00.000Z",
    });
    expect(itemTitled(after, "Quarterly forecast")).toMatchObject({ onTime: false, daysLate: 2, slips: 0 });
    expect(after.summary).toMatchObject({
      completed: 2,
      completedOnTime: 1,
      completedLate: 1,
      onTimeRate: 0.5,
    });
  });

  it("reads work reopened and finished again as it now stands, after it was read once", async () => {
    const { manny, sam } = await team();
    const task = await finishedTask(h, manny, sam.id, {
      title: "Board deck",
      due: { date: "2026-03-10" },
      createdAt: "2026-03-02T09:00:00.000Z",
      finishedAt: "2026-03-09T09:00:00.000Z",
    });
    expect(itemTitled(await recordOf(manny, sam.id, march), "Board deck")).toMatchObject({ onTime: true });

    h.clock.set("2026-03-12T09:00:00.000Z");
    const reopened = await changeTask(sam, task, { state: "open" });
    expect((await recordOf(manny, sam.id, march)).items.map((item) => item.title)).not.toContain(
      "Board deck",
    );
    h.clock.set("2026-03-16T09:00:00.000Z");
    await changeTask(sam, reopened, { state: "done" });
    expect(itemTitled(await recordOf(manny, sam.id, march), "Board deck")).toMatchObject({
      finishedAt: "2026-03-16T09:00:00.000Z",
      onTime: false,
      daysLate: 6,
    });
  });

  it("counts how often a due moved later before the work finished, and never calls dropped work late", async () => {
    const { manny, sam } = await team();
    h.clock.set("2026-03-02T09:00:00.000Z");
    let task = await addTask(manny, sam.id, { title: "Supplier contract", due: { date: "2026-03-05" } });
    for (const date of ["2026-03-10", "2026-03-08", "2026-03-12"]) {
      h.clock.advance(3_600_000);
      task = await changeTask(manny, task, { due: { date } });
    }
    h.clock.set("2026-03-11T09:00:00.000Z");
    await changeTask(sam, task, { state: "done" });
    await finishedTask(h, manny, sam.id, {
      title: "Old launch plan",
      due: { date: "2026-03-01" },
      createdAt: "2026-02-20T09:00:00.000Z",
      finishedAt: "2026-03-20T09:00:00.000Z",
      dropReason: "The launch moved to next year",
    });

    const record = await recordOf(sam, sam.id, march);
    expect(itemTitled(record, "Supplier contract")).toMatchObject({
      slips: 2,
      onTime: true,
      due: { date: "2026-03-12" },
    });
    expect(itemTitled(record, "Old launch plan")).toMatchObject({
      state: "dropped",
      onTime: null,
      daysLate: null,
      dropReason: "The launch moved to next year",
      finishedAt: "2026-03-20T09:00:00.000Z",
    });
    expect(record.summary).toMatchObject({ completed: 1, dropped: 1, slipped: 1, completedLate: 0 });
    expect(record.items.map((item) => item.title)).toEqual(["Old launch plan", "Supplier contract"]);
  });

  it("has every ISO week of the period, zeros included, in the person's own calendar", async () => {
    // Chatham is +13:45 in March: 2026-03-01 begins there at 2026-02-28T10:15Z.
    const { manny, sam } = await team("Pacific/Chatham");
    const story = { createdAt: "2026-02-20T09:00:00.000Z" };
    await finishedTask(h, manny, sam.id, {
      ...story,
      title: "Just before",
      finishedAt: "2026-02-28T10:14:00.000Z",
    });
    await finishedTask(h, manny, sam.id, {
      ...story,
      title: "Just after",
      finishedAt: "2026-02-28T10:16:00.000Z",
    });
    await finishedTask(h, manny, sam.id, {
      ...story,
      title: "Mid month",
      finishedAt: "2026-03-16T01:00:00.000Z",
    });

    const record = await recordOf(manny, sam.id, march);
    expect(record).toMatchObject({
      personId: sam.id,
      timeZone: "Pacific/Chatham",
      from: "2026-03-01",
      to: "2026-03-31",
    });
    expect(record.items.map((item) => item.title)).toEqual(["Mid month", "Just after"]);
    expect(record.weeks.map((week) => week.weekStart)).toEqual([
      "2026-02-23",
      "2026-03-02",
      "2026-03-09",
      "2026-03-16",
      "2026-03-23",
      "2026-03-30",
    ]);
    expect(record.weeks.map((week) => week.completed)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(record.weeks.map((week) => week.withoutDue)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(record.summary).toMatchObject({ completed: 2, completedWithoutDue: 2, onTimeRate: null });
  });

  it("covers the last 365 days by default, and counts team requests received and completed", async () => {
    const { manny, sam } = await team();
    await finishedTask(h, sam, sam.id, {
      title: "Too long ago",
      createdAt: "2025-11-20T09:00:00.000Z",
      finishedAt: "2025-12-01T09:00:00.000Z",
    });
    await finishedTask(h, sam, sam.id, {
      title: "Within the year",
      createdAt: "2025-12-20T09:00:00.000Z",
      finishedAt: "2026-01-01T09:00:00.000Z",
    });
    h.clock.set("2026-11-02T09:00:00.000Z");
    const request = await sendRequest(manny, { title: "Update your pipeline", assigneeIds: [sam.id] });
    h.clock.set("2026-11-03T09:00:00.000Z");
    await changeTask(sam, await taskOf(sam, taskIdOf(request, sam.id)), { state: "done" });
    h.clock.set("2026-12-04T12:00:00.000Z");

    const record = await recordOf(manny, sam.id);
    expect(record).toMatchObject({ from: "2025-12-05", to: "2026-12-04" });
    expect(record.items.map((item) => item.title)).toEqual(["Update your pipeline", "Within the year"]);
    expect(itemTitled(record, "Update your pipeline").requestId).toBe(request.id);
    expect(record.summary).toMatchObject({ requestsReceived: 1, requestsCompleted: 1, completed: 2 });
    expect(record.summary.medianDaysToComplete).toBe(6.5);
  });

  it("shows each report's quarter so far on their manager's team", async () => {
    const { manny, sam } = await team();
    const quiet = await invite(h.app, owner, "Quinn Quiet", { managerId: manny.id });
    await finishedTask(h, sam, sam.id, {
      title: "Last quarter",
      createdAt: "2026-09-01T09:00:00.000Z",
      finishedAt: "2026-09-20T09:00:00.000Z",
    });
    await finishedTask(h, manny, sam.id, {
      title: "This quarter",
      due: { date: "2026-10-10" },
      createdAt: "2026-10-01T09:00:00.000Z",
      finishedAt: "2026-10-05T09:00:00.000Z",
    });
    h.clock.set("2026-12-04T12:00:00.000Z");

    const answer = await manny.client.get<{ items: TeamRecordEntry[] }>(
      `/api/v1/people/${manny.id}/team/record`,
    );
    expect(answer.status).toBe(200);
    const byPerson = new Map(answer.body.items.map((entry) => [entry.personId, entry]));
    expect(byPerson.get(sam.id)).toMatchObject({
      from: "2026-10-01",
      to: "2026-12-04",
      summary: { completed: 1, completedOnTime: 1, onTimeRate: 1 },
    });
    expect(byPerson.get(quiet.id)?.summary).toMatchObject({ completed: 0, onTimeRate: null });
    expect(answer.body.items).toHaveLength(2);
  });

  it("is seen by the person and their management chain, and by nobody else", async () => {
    const { manny, sam, pat } = await team();
    await finishedTask(h, sam, sam.id, {
      title: "Private to the chain",
      createdAt: "2026-03-02T09:00:00.000Z",
      finishedAt: "2026-03-03T09:00:00.000Z",
    });
    for (const reader of [sam, manny, owner]) {
      expect((await recordOf(reader, sam.id, march)).items).toHaveLength(1);
    }
    const paths = [
      `/people/${sam.id}/record`,
      `/people/${sam.id}/record/packet?format=md`,
      `/people/${sam.id}/team/record`,
    ];
    for (const path of paths) {
      for (const stranger of [pat, outsider]) expectProblem(await stranger.client.get(`/api/v1${path}`), 404);
    }
    expectProblem(await manny.client.get("/api/v1/people/nobody-at-all/record"), 404);
    const anonymous = await h.app.inject({ method: "GET", url: `/api/v1/people/${sam.id}/record` });
    expect(anonymous.statusCode).toBe(401);
  });

  it("refuses a bad period or format with a 400 naming the field, and never writes", async () => {
    const { manny, sam } = await team();
    await finishedTask(h, sam, sam.id, {
      title: "Something",
      createdAt: "2026-03-02T09:00:00.000Z",
      finishedAt: "2026-03-03T09:00:00.000Z",
    });
    const before = await recordTables(h);
    const base = `/api/v1/people/${sam.id}/record`;
    const refused: [string, string][] = [
      [`${base}?from=2026-03-02&to=2026-03-01`, "querystring.from"],
      [`${base}?from=2021-03-01&to=2026-03-01`, "querystring.to"],
      [`${base}?from=2026-02-30`, "querystring.from"],
      [`${base}?to=2026-13-01`, "querystring.to"],
      [`${base}?from=yesterday`, "querystring.from"],
      [`${base}/packet?format=docx`, "querystring.format"],
      [`${base}/packet?format=pdf&from=2026-03-02&to=2026-03-01`, "querystring.from"],
    ];
    for (const [path, field] of refused) expectProblem(await manny.client.get(path), 400, field);
    expectProblem(await manny.client.get(`${base}?limit=5`), 400);
    await recordOf(manny, sam.id, march);
    expect((await manny.client.get(`${base}/packet?format=csv&${march}`)).status).toBe(200);
    expect(await recordTables(h)).toEqual(before);
  });
});
