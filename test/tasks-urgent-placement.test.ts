import { describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite } from "./support/factories";
import { useHarness } from "./support/harness";
import { addTask, addTasks, historyOf, plateOf, titlesOf } from "./support/tasks";

describe.each(dialects)("where urgent work lands on %s", (dialect) => {
  const h = useHarness(dialect);

  it("puts urgent work added without a placement at the top; anything else, or a placement given, as asked", async () => {
    const owner = await founder(h.app, "Olivia Owner");
    const rita = await invite(h.app, owner, "Rita Report", { managerId: owner.id });
    await addTasks(rita, rita.id, ["First", "Second", "Third"]);

    const fromManager = await addTask(owner, rita.id, { title: "Call the auditor back", urgent: true });
    expect(fromManager).toMatchObject({ state: "open", position: 1, urgent: true });
    expect(await historyOf(rita, fromManager.id)).toEqual([
      { at: fromManager.createdAt, actorId: owner.id, kind: "created", to: 1 },
    ]);
    const own = await addTask(rita, rita.id, { title: "Own fire", urgent: true });
    expect(own.position).toBe(1);
    expect((await addTask(rita, rita.id, { title: "Calm" })).position).toBe(6);
    expect(
      (await addTask(rita, rita.id, { title: "Urgent, but last", urgent: true, placement: "bottom" }))
        .position,
    ).toBe(7);
    expect(titlesOf(await plateOf(rita, rita.id))).toEqual([
      "Own fire",
      "Call the auditor back",
      "First",
      "Second",
      "Third",
      "Calm",
      "Urgent, but last",
    ]);
  });
});
