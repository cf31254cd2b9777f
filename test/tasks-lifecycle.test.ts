import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  addTask,
  addTasks,
  changeTask,
  expectProblem,
  type HistoryEntry,
  historyOf,
  moveTask,
  patchTask,
  plateOf,
  plateRows,
  taskOf,
  titlesOf,
} from "./support/tasks";

const kinds = (history: HistoryEntry[]) => history.map((entry) => entry.kind);

describe.each(dialects)("a task's life on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  const newcomer = (name: string, managerId: string = owner.id) => invite(h.app, owner, name, { managerId });

  it("goes open → in progress → done, setting startedAt and completedAt and leaving the plate", async () => {
    h.clock.set("2030-01-07T09:00:00.000Z");
    const sam = await newcomer("Sam Self");
    const [first, second, third] = await addTasks(sam, sam.id, ["First", "Second", "Third"]);
    expect(first).toMatchObject({ state: "open", startedAt: null, completedAt: null, version: 1 });

    h.clock.set("2030-01-07T10:00:00.000Z");
    const started = await changeTask(sam, second, { state: "in_progress" });
    expect(started).toMatchObject({
      state: "in_progress",
      position: 2,
      startedAt: "2030-01-07T10:00:00.000Z",
      completedAt: null,
      version: 2,
    });

    h.clock.set("2030-01-07T11:30:00.000Z");
    const done = await changeTask(sam, started, { state: "done" });
    expect(done).toMatchObject({
      state: "done",
      position: null,
      startedAt: "2030-01-07T10:00:00.000Z",
      completedAt: "2030-01-07T11:30:00.000Z",
      droppedAt: null,
      dropReason: null,
      version: 3,
    });
    expect(await taskOf(sam, second.id)).toEqual(done);
    // The gap closes: the tasks below move up without being written.
    const plate = await plateOf(sam, sam.id);
    expect(titlesOf(plate)).toEqual(["First", "Third"]);
    expect(plate.items.map((task) => [task.position, task.version])).toEqual([
      [1, 1],
      [2, third.version],
    ]);
  });

  it("reopens a done task at the bottom by default, clearing completedAt", async () => {
    const sam = await newcomer("Sam Self");
    const [a] = await addTasks(sam, sam.id, ["A", "B", "C"]);
    const done = await changeTask(sam, a, { state: "done" });
    const reopened = await changeTask(sam, done, { state: "open" });
    expect(reopened).toMatchObject({ state: "open", position: 3, completedAt: null, version: 3 });
    expect(titlesOf(await plateOf(sam, sam.id))).toEqual(["B", "C", "A"]);
  });

  it("reopens at a placement when one is given, straight into progress if asked", async () => {
    h.clock.set("2030-02-01T08:00:00.000Z");
    const sam = await newcomer("Sam Self");
    const [a, b, c] = await addTasks(sam, sam.id, ["A", "B", "C"]);
    await changeTask(sam, a, { state: "done" });
    await changeTask(sam, c, { state: "dropped", dropReason: "Later" });

    const top = await changeTask(sam, await taskOf(sam, a.id), { state: "open", placement: "top" });
    expect(top.position).toBe(1);
    h.clock.set("2030-02-01T09:00:00.000Z");
    const between = await changeTask(sam, await taskOf(sam, c.id), {
      state: "in_progress",
      placement: { before: b.id },
    });
    expect(between).toMatchObject({
      state: "in_progress",
      position: 2,
      startedAt: "2030-02-01T09:00:00.000Z",
      droppedAt: null,
      dropReason: null,
    });
    expect(titlesOf(await plateOf(sam, sam.id))).toEqual(["A", "C", "B"]);
  });

  it("refuses a placement except when reopening, and a reopening next to a task not on the plate, with 422", async () => {
    const sam = await newcomer("Sam Self");
    const [a, b] = await addTasks(sam, sam.id, ["A", "B"]);
    const done = await changeTask(sam, b, { state: "done" });
    const rows = await plateRows(h, sam.id);
    expectProblem(await patchTask(sam, a.id, { version: 1, placement: "top" }), 422, "placement");
    expectProblem(
      await patchTask(sam, a.id, { version: 1, state: "in_progress", placement: "top" }),
      422,
      "placement",
    );
    expectProblem(
      await patchTask(sam, done.id, { version: done.version, state: "open", placement: { after: done.id } }),
      422,
      "placement",
    );
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });

  it("drops with a reason at any point, and reopening clears droppedAt and dropReason", async () => {
    h.clock.set("2030-03-01T12:00:00.000Z");
    const sam = await newcomer("Sam Self");
    const [a, b] = await addTasks(sam, sam.id, ["A", "B"]);
    const started = await changeTask(sam, a, { state: "in_progress" });
    h.clock.set("2030-03-02T12:00:00.000Z");
    const dropped = await changeTask(sam, started, { state: "dropped", dropReason: "Client cancelled" });
    expect(dropped).toMatchObject({
      state: "dropped",
      position: null,
      droppedAt: "2030-03-02T12:00:00.000Z",
      dropReason: "Client cancelled",
      completedAt: null,
    });
    expect((await taskOf(sam, b.id)).position).toBe(1);

    // A done task can be dropped after all: it is no longer done.
    const done = await changeTask(sam, b, { state: "done" });
    const undone = await changeTask(sam, done, { state: "dropped", dropReason: "Was not really done" });
    expect(undone).toMatchObject({ completedAt: null, droppedAt: "2030-03-02T12:00:00.000Z" });

    // Dropped again with another reason: the reason changes, and the history says so.
    const redropped = await changeTask(sam, dropped, {
      state: "dropped",
      dropReason: "Client went elsewhere",
    });
    expect(redropped).toMatchObject({ state: "dropped", dropReason: "Client went elsewhere" });
    expect((await historyOf(sam, dropped.id)).at(-1)).toMatchObject({
      kind: "dropped",
      from: "dropped",
      to: "Client went elsewhere",
    });

    const reopened = await changeTask(sam, redropped, { state: "open" });
    expect(reopened).toMatchObject({ state: "open", position: 1, droppedAt: null, dropReason: null });
  });

  it("refuses a drop without a reason, or a reason without a drop, with 400 on dropReason", async () => {
    const sam = await newcomer("Sam Self");
    const task = await addTask(sam, sam.id);
    const rows = await plateRows(h, sam.id);
    expectProblem(await patchTask(sam, task.id, { version: 1, state: "dropped" }), 400, "dropReason");
    expectProblem(
      await patchTask(sam, task.id, { version: 1, state: "dropped", dropReason: "  " }),
      400,
      "dropReason",
    );
    expectProblem(await patchTask(sam, task.id, { version: 1, dropReason: "Why not" }), 400, "dropReason");
    expectProblem(
      await patchTask(sam, task.id, { version: 1, state: "done", dropReason: "Why not" }),
      400,
      "dropReason",
    );
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });

  it("requires the version on PATCH, and answers a stale one with 409 and the current task", async () => {
    const sam = await newcomer("Sam Self");
    const task = await addTask(sam, sam.id, { title: "Draft" });
    expectProblem(await patchTask(sam, task.id, { title: "No version" }), 400, "version");

    const renamed = await changeTask(sam, task, { title: "Final" });
    expect(renamed.version).toBe(2);
    const rows = await plateRows(h, sam.id);
    const stale = expectProblem(await patchTask(sam, task.id, { version: 1, title: "Lost update" }), 409);
    expect(stale.current).toEqual(await taskOf(sam, task.id));
    expect(stale.current).toMatchObject({ title: "Final", version: 2 });
    expectProblem(await patchTask(sam, task.id, { version: 3, state: "done" }), 409);
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });

  it("lets the first of two racing edits win and answers the other 409", async () => {
    const sam = await newcomer("Sam Self");
    const task = await addTask(sam, sam.id, { title: "Contested" });
    const answers = await Promise.all([
      patchTask(sam, task.id, { version: 1, title: "Sam's" }),
      patchTask(owner, task.id, { version: 1, title: "Olivia's" }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = answers.find((answer) => answer.status === 200)?.body;
    expect(await taskOf(sam, task.id)).toMatchObject({ title: winner?.title, version: 2 });
    expect(kinds(await historyOf(sam, task.id))).toEqual(["created", "retitled"]);
  });

  it("writes nothing for a PATCH that changes nothing: no new version, no history", async () => {
    const sam = await newcomer("Sam Self");
    const task = await addTask(sam, sam.id, {
      title: "Same",
      notes: "Notes",
      due: { at: "2030-05-01T10:00:00.000Z" },
      urgent: true,
    });
    const rows = await plateRows(h, sam.id);
    for (const body of [
      {},
      { title: "Same" },
      { title: "  Same  " },
      { notes: "Notes" },
      { urgent: true },
      { state: "open" },
      // The same instant in another spelling is the same due.
      { due: { at: "2030-05-01T10:00:00Z" } },
      { title: "Same", notes: "Notes", urgent: true, state: "open", due: { at: "2030-05-01T10:00:00.000Z" } },
    ]) {
      const answer = await patchTask(sam, task.id, { version: 1, ...body });
      expect(answer.status, JSON.stringify(body)).toBe(200);
      expect(answer.body).toEqual(task);
    }
    expect(await plateRows(h, sam.id)).toEqual(rows);
    expect(kinds(await historyOf(sam, task.id))).toEqual(["created"]);
  });

  it("records every change, oldest first, with who made it and what it went from and to", async () => {
    h.clock.set("2030-06-03T09:00:00.000Z");
    const manny = await newcomer("Manny Manager");
    const sam = await newcomer("Sam Self", manny.id);
    const pat = await newcomer("Pat Peer", manny.id);
    const other = await addTask(sam, sam.id, { title: "Other" });
    const task = await addTask(manny, sam.id, { title: "Report", due: { date: "2030-06-05" } });
    const step = async (actor: Member, body: Record<string, unknown>) => {
      h.clock.advance(60_000);
      await changeTask(actor, await taskOf(actor, task.id), body);
    };
    h.clock.advance(60_000);
    expect((await moveTask(sam, task.id, { placement: "top" })).status).toBe(200);
    await step(sam, { title: "Quarterly report", notes: "Use the new template" });
    await step(manny, { due: { at: "2030-06-06T15:00:00.000Z" }, urgent: true });
    await step(sam, { state: "in_progress" });
    await step(sam, { state: "open" });
    await step(sam, { state: "done" });
    await step(manny, { state: "open", placement: { after: other.id } });
    await step(owner, { due: null, urgent: false });
    await step(sam, { state: "dropped", dropReason: "Superseded" });

    const asked = await addTask(pat, sam.id, { title: "Asked by Pat" });
    const declined = await addTask(pat, sam.id, { title: "Also asked by Pat" });
    h.clock.advance(60_000);
    expect((await sam.client.post(`/api/v1/tasks/${asked.id}/accept`, { placement: "top" })).status).toBe(
      200,
    );
    expect(
      (await manny.client.post(`/api/v1/tasks/${declined.id}/decline`, { reason: "No time" })).status,
    ).toBe(200);

    const at = (minutes: number) =>
      new Date(Date.parse("2030-06-03T09:00:00.000Z") + minutes * 60_000).toISOString();
    expect(await historyOf(sam, task.id)).toEqual([
      { at: at(0), actorId: manny.id, kind: "created", to: 2 },
      { at: at(1), actorId: sam.id, kind: "moved", from: 2, to: 1 },
      { at: at(2), actorId: sam.id, kind: "retitled", from: "Report", to: "Quarterly report" },
      { at: at(2), actorId: sam.id, kind: "notes_changed" },
      {
        at: at(3),
        actorId: manny.id,
        kind: "due_changed",
        from: { date: "2030-06-05" },
        to: { at: "2030-06-06T15:00:00.000Z" },
      },
      { at: at(3), actorId: manny.id, kind: "urgency_changed", from: false, to: true },
      { at: at(4), actorId: sam.id, kind: "started", from: "open" },
      { at: at(5), actorId: sam.id, kind: "stopped", from: "in_progress" },
      { at: at(6), actorId: sam.id, kind: "completed", from: "open" },
      { at: at(7), actorId: manny.id, kind: "reopened", from: "done", to: 2 },
      {
        at: at(8),
        actorId: owner.id,
        kind: "due_changed",
        from: { at: "2030-06-06T15:00:00.000Z" },
        to: null,
      },
      { at: at(8), actorId: owner.id, kind: "urgency_changed", from: true, to: false },
      { at: at(9), actorId: sam.id, kind: "dropped", from: "open", to: "Superseded" },
    ]);
    expect(await historyOf(sam, asked.id)).toEqual([
      { at: at(9), actorId: pat.id, kind: "created", to: "triage" },
      { at: at(10), actorId: sam.id, kind: "accepted", to: 1 },
    ]);
    expect(await historyOf(manny, declined.id)).toEqual([
      { at: at(9), actorId: pat.id, kind: "created", to: "triage" },
      { at: at(10), actorId: manny.id, kind: "declined", to: "No time" },
    ]);
  });

  it("keeps the history append-only: the database refuses to change or delete it", async () => {
    const sam = await newcomer("Sam Self");
    const task = await addTask(sam, sam.id, { title: "Kept" });
    await changeTask(sam, task, { title: "Kept forever" });
    const before = await historyOf(sam, task.id);
    expect(before).toHaveLength(2);

    await expect(
      h.ctx.db.updateTable("task_event").set({ kind: "retitled" }).where("task_id", "=", task.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(h.ctx.db.deleteFrom("task_event").where("task_id", "=", task.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from task_event`.execute(h.ctx.db)).rejects.toThrow(/append-only/);
    expect(await historyOf(sam, task.id)).toEqual(before);
  });
});
