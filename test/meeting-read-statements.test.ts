import { CompiledQuery } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../src/server/db/connect";
import { registerReader } from "../src/server/db/precompiled";
import { dialects } from "./support/databases";
import { founder, type Member } from "./support/factories";
import { type Harness, useHarness } from "./support/harness";
import { addActionItem, markNext, meetingOf, pairUnder, setUpOneOnOne } from "./support/one-on-ones";
import { addTask, changeTask, plateOf } from "./support/tasks";

/** Monday 2 March 2026, 12:00 in Berlin. */
const monday = "2026-03-02T11:00:00.000Z";

/**
 * Records every statement the application runs outside transactions while `work` runs: the
 * precompiled reads (run through a second handle on the same database, so their answers are the
 * database's) and anything that goes through Kysely's executor instead.
 */
function statementLog(h: Harness) {
  let second: DatabaseHandle;
  let recording: { precompiled: { sql: string; parameters: readonly unknown[] }[]; built: string[] } | null =
    null;
  beforeAll(() => {
    second = openDatabase(h.database.url, { poolSize: 2 });
    registerReader(h.ctx.db, async (sql, parameters) => {
      recording?.precompiled.push({ sql, parameters });
      return (await second.db.executeQuery(CompiledQuery.raw(sql, [...parameters]))).rows;
    });
    const executor = h.ctx.db.getExecutor();
    const executeQuery = executor.executeQuery.bind(executor);
    executor.executeQuery = ((query: CompiledQuery) => {
      recording?.built.push(query.sql);
      return executeQuery(query);
    }) as typeof executor.executeQuery;
  });
  afterAll(() => second?.close());
  return {
    async during<T>(work: () => Promise<T>) {
      recording = { precompiled: [], built: [] };
      try {
        const result = await work();
        return { result, ...recording };
      } finally {
        recording = null;
      }
    },
    explain: (statement: { sql: string; parameters: readonly unknown[] }) =>
      second.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]),
      ),
  };
}

/** A manager and report with a weekly one-on-one whose first meeting was held; answers the next one. */
async function heldOnce(h: Harness, owner: Member) {
  h.clock.set(monday);
  const { manager, report } = await pairUnder(h.app, owner);
  const series = await setUpOneOnOne(manager, report.id, { timeZone: "Europe/Berlin" });
  const late = await addTask(manager, report.id, { title: "Late", due: { at: "2026-03-03T16:00:00.000Z" } });
  const done = await addTask(manager, report.id, { title: "Finished" });
  h.clock.set("2026-03-03T12:00:00.000Z");
  const { series: after } = await markNext(manager, series.id, "held");
  h.clock.set("2026-03-05T12:00:00.000Z");
  await changeTask(report, done, { state: "done" });
  return { manager, report, late, meetingId: after.nextMeeting?.id ?? "" };
}

describe.each(dialects)("reading a meeting on %s", (dialect) => {
  const h = useHarness(dialect);
  const log = statementLog(h);
  let owner: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  it("takes the same few precompiled statements however many action items it shows", async () => {
    const { manager, report, late, meetingId } = await heldOnce(h, owner);
    await addActionItem(manager, meetingId, { title: "Write the plan", ownerId: report.id });
    const one = await log.during(() => meetingOf(manager, meetingId));

    h.clock.advance(1000);
    await addActionItem(manager, meetingId, { title: "Book the room", ownerId: report.id, placement: "top" });
    h.clock.advance(1000);
    await addActionItem(manager, meetingId, { title: "Ask finance", ownerId: manager.id });
    h.clock.advance(1000);
    await addActionItem(report, meetingId, {
      title: "Read the doc",
      ownerId: report.id,
      due: { date: "2026-03-11" },
    });
    const four = await log.during(() => meetingOf(manager, meetingId));

    expect(four.built).toEqual([]);
    expect(four.precompiled.length).toBe(one.precompiled.length);
    // The caller; the meeting with the one held before it, and its series; its points; both people's
    // headers; every task the page shows (finished, due, action items) in one statement; both
    // people's active goals; the feedback they received since.
    expect(four.precompiled.length).toBeLessThanOrEqual(8);

    // What it answers: positions as the plates have them, the plate's part for both people.
    const meeting = four.result;
    const plates = {
      [report.id]: (await plateOf(manager, report.id)).items,
      [manager.id]: (await plateOf(manager, manager.id)).items,
    };
    expect(meeting.actionItems.map((task) => [task.title, task.position])).toEqual(
      ["Write the plan", "Book the room", "Ask finance", "Read the doc"].map((title) => {
        const onPlate = Object.values(plates)
          .flat()
          .find((task) => task.title === title);
        return [title, onPlate?.position];
      }),
    );
    const reports = meeting.fromThePlate.find((agenda) => agenda.personId === report.id);
    expect(reports?.completedSince.map((task) => task.title)).toEqual(["Finished"]);
    expect(reports?.overdue.map((task) => [task.id, task.position])).toEqual([
      [late.id, plates[report.id]?.find((task) => task.id === late.id)?.position],
    ]);
    expect(reports?.dueBeforeNext.map((task) => task.title)).toEqual(["Read the doc"]);
    expect(meeting.fromThePlate.map((agenda) => agenda.personId).sort()).toEqual(
      [manager.id, report.id].sort(),
    );
  });

  it("never reads the tasks of a plate the reader may not see", async () => {
    const { manager, report, meetingId } = await heldOnce(h, owner);
    await addActionItem(manager, meetingId, { title: "Write the plan", ownerId: manager.id });
    const read = await log.during(() => meetingOf(report, meetingId));

    expect(read.result.fromThePlate.map((agenda) => agenda.personId)).toEqual([report.id]);
    const taskReads = read.precompiled.filter((statement) => statement.sql.includes("t.meeting_id in"));
    expect(taskReads).toHaveLength(1);
    expect(taskReads[0]?.parameters).toContain(report.id);
    expect(taskReads[0]?.parameters).not.toContain(manager.id);
    // The manager's action item is the meeting's, and so shown to both.
    expect(read.result.actionItems.map((task) => task.title)).toEqual(["Write the plan"]);
  });
});

describe("reading a meeting's query plans on sqlite", () => {
  const h = useHarness("sqlite");
  const log = statementLog(h);

  it("reaches every row through an index: no table scan, and only the series' own meetings", async () => {
    const owner = await founder(h.app, "Olivia Owner");
    const { manager, report, meetingId } = await heldOnce(h, owner);
    await addActionItem(manager, meetingId, { title: "Write the plan", ownerId: report.id });
    const read = await log.during(() => meetingOf(manager, meetingId));
    const tables = "person|task|meeting|talking_point|one_on_one|session|api_token";
    for (const statement of read.precompiled) {
      const plan = (await log.explain(statement)).rows.map((row) => row.detail);
      expect(
        plan.filter((step) => new RegExp(`^SCAN (${tables})\\b`).test(step)),
        statement.sql,
      ).toEqual([]);
      // Held meetings of every series at once, not the meetings of this series.
      expect(
        plan.filter((step) => step.includes("meeting_state_scheduled")),
        statement.sql,
      ).toEqual([]);
    }
  });
});
