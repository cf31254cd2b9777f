import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { giveFeedback } from "./support/feedback";
import { changeGoal, setGoal } from "./support/goals";
import { useHarness } from "./support/harness";
import { markNext, pairUnder, setUpOneOnOne } from "./support/one-on-ones";
import { recordOf } from "./support/record";
import { addTask, changeTask } from "./support/tasks";

describe.each(dialects)("goals, feedback and one-on-ones in a record on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  it("lists the period's goals, the feedback the reader may read, and the one-on-ones held", async () => {
    h.clock.set("2026-01-05T09:00:00.000Z");
    const { manager, report } = await pairUnder(h.app, owner);
    const colleague = await invite(h.app, owner, "Cole Colleague", { managerId: owner.id });
    const closedBefore = await setGoal(report, report.id, { title: "Closed before the period" });
    await changeGoal(report, closedBefore, { state: "dropped" });
    h.clock.set("2026-02-02T09:00:00.000Z");
    const goal = await setGoal(manager, report.id, { title: "Ship the importer" });
    const task = await addTask(report, report.id, { title: "Parse CSV", goalId: goal.id });
    await changeTask(report, task, { state: "done" });
    const achieved = await setGoal(report, report.id, { title: "Reached in the period" });
    await changeGoal(report, achieved, { state: "achieved" });
    await giveFeedback(manager, {
      toId: report.id,
      body: "Shared note",
      visibility: "with_manager",
      taskId: task.id,
    });
    h.clock.advance(60_000);
    await giveFeedback(colleague, { toId: report.id, body: "Private note", visibility: "private" });
    h.clock.advance(60_000);
    await giveFeedback(manager, { toId: report.id, body: "Manager's private thanks", visibility: "private" });
    const series = await setUpOneOnOne(manager, report.id, { timeZone: "Europe/Berlin" });
    h.clock.set("2026-02-04T12:00:00.000Z");
    await markNext(manager, series.id, "held");
    await markNext(manager, series.id, "skipped");
    h.clock.set("2026-03-02T09:00:00.000Z");
    await setGoal(report, report.id, { title: "Set after the period" });

    const period = "from=2026-02-01&to=2026-02-28";
    const own = await recordOf(report, report.id, period);
    expect(own.items.map((item) => [item.title, item.goalId])).toEqual([["Parse CSV", goal.id]]);
    expect(own.goals.map((item) => [item.title, item.state, item.progress])).toEqual([
      ["Ship the importer", "active", { done: 1, total: 1 }],
      ["Reached in the period", "achieved", { done: 0, total: 0 }],
    ]);
    expect(own.feedback.map((item) => item.body)).toEqual([
      "Manager's private thanks",
      "Private note",
      "Shared note",
    ]);
    expect(own.oneOnOnesHeld).toBe(1);

    // Read by the manager: private feedback appears only in the receiver's own record, even what they gave.
    const asManager = await recordOf(manager, report.id, period);
    expect(asManager.feedback.map((item) => item.body)).toEqual(["Shared note"]);
    expect(asManager.goals.map((item) => item.title)).toEqual(["Ship the importer", "Reached in the period"]);
    expect(asManager.oneOnOnesHeld).toBe(1);

    // The packet says the same, to each reader.
    const packet = async (as: Member) => {
      const answer = await as.client.get<string>(
        `/api/v1/people/${report.id}/record/packet?${period}&format=md`,
      );
      expect(answer.status).toBe(200);
      return answer.body;
    };
    const ownPacket = await packet(report);
    for (const text of ["Ship the importer", "Reached in the period", "Private note", "Shared note"]) {
      expect(ownPacket).toContain(text);
    }
    expect(ownPacket).toContain("- One-on-ones held: 1\n");
    const managersPacket = await packet(manager);
    expect(managersPacket).toContain("Shared note");
    expect(managersPacket).not.toContain("Private note");
    expect(managersPacket).not.toContain("Manager's private thanks");
  });
});
