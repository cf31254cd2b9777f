import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  addTask,
  addTasks,
  changeTask,
  expectProblem,
  historyOf,
  moveTask,
  oneTo,
  plateOf,
  plateRows,
  positionsOf,
  setTimeZone,
  type Task,
  type TeamMember,
  taskOf,
  titlesOf,
} from "./support/tasks";

describe.each(dialects)("plates on %s", (dialect) => {
  const h = useHarness(dialect);
  /** The organization's owner, at the top of everyone's chain; each test invites the people whose plates it uses. */
  let owner: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  const newcomer = (name: string, managerId: string = owner.id) => invite(h.app, owner, name, { managerId });

  it("adds at the bottom by default, and at the top, before or after a task as asked", async () => {
    const sam = await newcomer("Sam Self");
    const a = await addTask(sam, sam.id, { title: "A" });
    expect(a).toMatchObject({ title: "A", state: "open", position: 1, ownerId: sam.id, requesterId: sam.id });
    const b = await addTask(sam, sam.id, { title: "B", placement: "bottom" });
    expect(b.position).toBe(2);
    const c = await addTask(sam, sam.id, { title: "C", placement: "top" });
    expect(c.position).toBe(1);
    const d = await addTask(sam, sam.id, { title: "D", placement: { before: b.id } });
    expect(d.position).toBe(3);
    const e = await addTask(sam, sam.id, { title: "E", placement: { after: c.id } });
    expect(e.position).toBe(2);
    const f = await addTask(sam, sam.id, { title: "F", placement: { after: b.id } });
    expect(f.position).toBe(6);
    const g = await addTask(sam, sam.id, { title: "G", placement: { before: c.id } });
    expect(g.position).toBe(1);

    const plate = await plateOf(sam, sam.id);
    expect(titlesOf(plate)).toEqual(["G", "C", "E", "A", "D", "B", "F"]);
    expect(positionsOf(plate)).toEqual(oneTo(7));
    // One task read alone tells the same position as the plate.
    expect((await taskOf(sam, d.id)).position).toBe(5);
    expect(await taskOf(sam, a.id)).toEqual(plate.items[3]);
  });

  it("lets the owner's manager place work on the plate too, at the place they choose", async () => {
    const manny = await newcomer("Manny Manager");
    const sam = await newcomer("Sam Self", manny.id);
    const mine = await addTask(sam, sam.id, { title: "Mine" });
    const asked = await addTask(manny, sam.id, { title: "From Manny", placement: "top" });
    expect(asked).toMatchObject({ state: "open", position: 1, ownerId: sam.id, requesterId: manny.id });
    const fromOwner = await addTask(owner, sam.id, { title: "From Olivia", placement: { after: mine.id } });
    expect(fromOwner.position).toBe(3);
    expect(titlesOf(await plateOf(manny, sam.id))).toEqual(["From Manny", "Mine", "From Olivia"]);
  });

  it("refuses a before/after that is not an open task of this plate with 422, writing nothing", async () => {
    const sam = await newcomer("Sam Self");
    const pat = await newcomer("Pat Peer");
    const [kept, finished] = await addTasks(sam, sam.id, ["Kept", "Finished"]);
    await changeTask(sam, finished, { state: "done" });
    const elsewhere = await addTask(pat, pat.id, { title: "Pat's" });
    const waiting = await addTask(pat, sam.id, { title: "Asked by Pat" });
    expect(waiting.state).toBe("triage");
    const before = await plateRows(h, sam.id);

    for (const reference of [finished.id, elsewhere.id, waiting.id, "no-such-task"]) {
      for (const placement of [{ before: reference }, { after: reference }]) {
        const answer = await sam.client.post(`/api/v1/people/${sam.id}/tasks`, { title: "Lost", placement });
        expectProblem(answer, 422, "placement");
      }
    }
    expect(await plateRows(h, sam.id)).toEqual(before);
    expect(titlesOf(await plateOf(sam, sam.id))).toEqual([kept.title]);
  });

  it("lists the plate by state, with the load of the whole plate every time", async () => {
    h.clock.set("2030-04-10T09:00:00.000Z");
    const sam = await newcomer("Sam Self");
    const pat = await newcomer("Pat Peer");
    const [, second, third, fourth, fifth] = await addTasks(sam, sam.id, [
      "First",
      "Second",
      "Third",
      "Fourth",
      "Fifth",
    ]);
    await changeTask(sam, second, { state: "in_progress" });
    h.clock.advance(60_000);
    await changeTask(sam, third, { state: "done" });
    h.clock.advance(60_000);
    await changeTask(sam, fourth, { state: "dropped", dropReason: "Not needed" });
    h.clock.advance(60_000);
    await changeTask(sam, fifth, { state: "done" });
    const asked = await addTask(pat, sam.id, { title: "Asked" });
    const load = { open: 2, dueThisWeek: 0, overdue: 0, triage: 1 };

    const open = await plateOf(sam, sam.id, "state=open");
    expect(titlesOf(open)).toEqual(["First", "Second"]);
    expect(open.items.map((task) => task.state)).toEqual(["open", "in_progress"]);
    expect(positionsOf(open)).toEqual([1, 2]);
    expect(open.load).toEqual(load);
    expect(await plateOf(sam, sam.id)).toEqual(open);

    const triage = await plateOf(sam, sam.id, "state=triage");
    expect(triage).toEqual({ items: [await taskOf(sam, asked.id)], load });
    expect(triage.items[0]?.position).toBeNull();

    const done = await plateOf(sam, sam.id, "state=done");
    expect(titlesOf(done)).toEqual(["Fifth", "Third"]);
    expect(positionsOf(done)).toEqual([null, null]);
    expect(done.load).toEqual(load);
    expect(titlesOf(await plateOf(sam, sam.id, "state=done&limit=1"))).toEqual(["Fifth"]);

    const dropped = await plateOf(sam, sam.id, "state=dropped");
    expect(titlesOf(dropped)).toEqual(["Fourth"]);
    expect(dropped.items[0]).toMatchObject({ state: "dropped", dropReason: "Not needed" });

    const all = await plateOf(sam, sam.id, "state=all");
    expect(titlesOf(all)).toEqual(["First", "Second", "Asked", "Fifth", "Fourth", "Third"]);
    expect(all.load).toEqual(load);
    // The limit bounds the finished tasks only: open and triage tasks all come.
    expect(titlesOf(await plateOf(sam, sam.id, "state=all&limit=2"))).toEqual([
      "First",
      "Second",
      "Asked",
      "Fifth",
      "Fourth",
    ]);
  });

  it("counts due this week in the owner's zone and ISO week, and overdue up to now", async () => {
    // Sunday 16 March 2031, 12:00 UTC: already Monday 17 March, 01:00, in Auckland (UTC+13).
    h.clock.set("2031-03-16T12:00:00.000Z");
    const kiri = await newcomer("Kiri Auckland");
    await setTimeZone(kiri, "Pacific/Auckland");
    const pat = await newcomer("Pat Peer");
    const due = (title: string, due: unknown) => addTask(kiri, kiri.id, { title, due });
    await due("Monday 00:00 local: the end of last Sunday, already passed", {
      at: "2031-03-16T11:00:00.000Z",
    });
    await due("Due right now", { at: "2031-03-16T12:00:00.000Z" });
    const saturday = await due("Saturday, local", { date: "2031-03-22" });
    await due("Last week's Saturday", { date: "2031-03-15" });
    await due("Next Monday", { date: "2031-03-24" });
    await due("Sunday, local: falls due at next Monday 00:00, still this week", { date: "2031-03-23" });
    await due("Undated", null);
    const started = await due("In progress, Wednesday", { date: "2031-03-19" });
    await changeTask(kiri, started, { state: "in_progress" });
    const finished = await due("Done, Wednesday", { date: "2031-03-19" });
    await changeTask(kiri, finished, { state: "done" });
    const dropped = await due("Dropped, long overdue", { date: "2031-01-01" });
    await changeTask(kiri, dropped, { state: "dropped", dropReason: "Moot" });
    await addTask(pat, kiri.id, { title: "Triage, Wednesday", due: { date: "2031-03-19" } });

    // This week: due after 2031-03-16T11:00Z and by 2031-03-23T11:00Z. Overdue: by 2031-03-16T12:00Z.
    expect((await plateOf(kiri, kiri.id)).load).toEqual({ open: 8, dueThisWeek: 4, overdue: 3, triage: 1 });

    h.clock.set(saturday.dueAt as string);
    expect((await plateOf(kiri, kiri.id)).load).toEqual({ open: 8, dueThisWeek: 4, overdue: 5, triage: 1 });

    // The same instant in UTC is still Saturday 22 March: the week is Monday 17 to Sunday 23 in UTC,
    // where the floating dates now fall due at UTC midnight.
    await setTimeZone(kiri, "UTC");
    expect((await plateOf(kiri, kiri.id)).load).toEqual({ open: 8, dueThisWeek: 3, overdue: 4, triage: 1 });

    // On Monday 24 (UTC) every dated open task but next Monday's is overdue, and that one is due this week.
    h.clock.set("2031-03-24T00:00:00.000Z");
    expect((await plateOf(kiri, kiri.id)).load).toEqual({ open: 8, dueThisWeek: 1, overdue: 6, triage: 1 });
  });

  it("moves one task: only its row is written, and the others keep their versions", async () => {
    const sam = await newcomer("Sam Self");
    const [a, b, c, d] = await addTasks(sam, sam.id, ["A", "B", "C", "D"]);
    const before = await plateRows(h, sam.id);

    const moved = await moveTask(sam, d.id, { placement: "top" });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ id: d.id, position: 1, version: (d.version ?? 0) + 1 });
    const plate = await plateOf(sam, sam.id);
    expect(titlesOf(plate)).toEqual(["D", "A", "B", "C"]);
    expect(positionsOf(plate)).toEqual(oneTo(4));

    const after = await plateRows(h, sam.id);
    const others = (rows: typeof before) => rows.tasks.filter((row) => row.id !== d.id);
    expect(others(after)).toEqual(others(before));
    for (const task of [a, b, c]) expect((await taskOf(sam, task.id)).version).toBe(task.version);

    expect((await moveTask(sam, a.id, { placement: { after: c.id } })).body.position).toBe(4);
    expect((await moveTask(sam, c.id, { placement: { before: d.id } })).body.position).toBe(1);
    expect(titlesOf(await plateOf(sam, sam.id))).toEqual(["C", "D", "B", "A"]);
    expect((await moveTask(sam, b.id, { placement: "bottom" })).body.position).toBe(4);
    expect(titlesOf(await plateOf(sam, sam.id))).toEqual(["C", "D", "A", "B"]);
    expect((await historyOf(sam, a.id)).map(({ kind, from, to }) => ({ kind, from, to }))).toEqual([
      { kind: "created", to: 1 },
      { kind: "moved", from: 2, to: 4 },
    ]);
  });

  it("moves an in-progress task like an open one, and a move to where it already is changes nothing", async () => {
    const sam = await newcomer("Sam Self");
    const [a, b] = await addTasks(sam, sam.id, ["A", "B"]);
    const started = await changeTask(sam, b, { state: "in_progress" });
    const moved = await moveTask(sam, started.id, { placement: { before: a.id } });
    expect(moved.body).toMatchObject({ state: "in_progress", position: 1, version: started.version + 1 });

    const rows = await plateRows(h, sam.id);
    const still = await moveTask(sam, started.id, { placement: "top" });
    expect(still.status).toBe(200);
    expect(still.body).toEqual(moved.body);
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });

  it("refuses to move a task that is not open, or next to one that is not open here, with 422", async () => {
    const sam = await newcomer("Sam Self");
    const pat = await newcomer("Pat Peer");
    const [a, b, done, dropped] = await addTasks(sam, sam.id, ["A", "B", "Done", "Dropped"]);
    await changeTask(sam, done, { state: "done" });
    await changeTask(sam, dropped, { state: "dropped", dropReason: "No" });
    const waiting = await addTask(pat, sam.id, { title: "Triage" });
    const elsewhere = await addTask(pat, pat.id, { title: "Pat's" });
    const before = await plateRows(h, sam.id);

    for (const id of [done.id, dropped.id, waiting.id]) {
      expectProblem(await moveTask(sam, id, { placement: "top" }), 422, "placement");
    }
    for (const reference of [done.id, dropped.id, waiting.id, elsewhere.id, "no-such-task"]) {
      expectProblem(await moveTask(sam, a.id, { placement: { before: reference } }), 422, "placement");
      expectProblem(await moveTask(sam, b.id, { placement: { after: reference } }), 422, "placement");
    }
    expect(await plateRows(h, sam.id)).toEqual(before);

    // Next to itself is where it already is: nothing changes.
    const itself = await moveTask(sam, a.id, { placement: { after: a.id } });
    expect(itself.status).toBe(200);
    expect(itself.body).toMatchObject({ position: 1, version: a.version });
    expect(await plateRows(h, sam.id)).toEqual(before);
  });

  it("refuses a move with a stale version with 409 and the current task", async () => {
    const sam = await newcomer("Sam Self");
    const [a] = await addTasks(sam, sam.id, ["A", "B"]);
    const moved = await moveTask(sam, a.id, { placement: "bottom", version: a.version });
    expect(moved.status).toBe(200);
    const stale = await moveTask(sam, a.id, { placement: "top", version: a.version });
    const problem = expectProblem(stale, 409);
    expect(problem.current).toEqual(await taskOf(sam, a.id));
    expect(problem.current?.position).toBe(2);
  });

  it("shows a manager's direct reports, each with their load (in their own zone) and the top of their plate", async () => {
    // Sunday 6 June 2032, 12:00 UTC: already Monday 7 June in Auckland (UTC+12), a new week there.
    h.clock.set("2032-06-06T12:00:00.000Z");
    const manny = await newcomer("Manny Manager");
    const ann = await newcomer("Ann Report", manny.id);
    const ben = await newcomer("Ben Report", manny.id);
    await setTimeZone(ben, "Pacific/Auckland");
    const deep = await newcomer("Dee Below Ann", ann.id);
    await addTask(manny, manny.id, { title: "Manny's own" });
    await addTask(deep, deep.id, { title: "Two levels down" });
    await addTasks(ann, ann.id, ["Ann 1", "Ann 2", "Ann 3", "Ann 4"]);
    await addTask(ann, ann.id, {
      title: "Ann overdue",
      due: { at: "2032-06-01T00:00:00.000Z" },
      placement: "top",
    });
    await addTask(deep, ann.id, { title: "Ann triage" });
    await changeTask(ann, (await plateOf(ann, ann.id)).items[1] as Task, { state: "done" });
    const bens = await addTask(manny, ben.id, { title: "Ben Tuesday", due: { date: "2032-06-08" } });

    const team = await manny.client.get<{ items: TeamMember[] }>(`/api/v1/people/${manny.id}/team?top=2`);
    expect(team.status).toBe(200);
    expect(team.body.items.map((member) => member.personId)).toEqual([ann.id, ben.id]);
    const [annView, benView] = team.body.items as [TeamMember, TeamMember];
    expect(annView).toMatchObject({ name: "Ann Report", title: null, timeZone: "UTC" });
    expect(annView.load).toEqual({ open: 4, dueThisWeek: 1, overdue: 1, triage: 1 });
    const annPlate = await plateOf(ann, ann.id);
    expect(annView.top).toEqual(annPlate.items.slice(0, 2));
    expect(titlesOf(annView.top)).toEqual(["Ann overdue", "Ann 2"]);
    // Ben's Tuesday is in Ben's week (7 to 13 June in Auckland), not in the UTC week ending today.
    expect(benView).toMatchObject({ timeZone: "Pacific/Auckland", top: [{ ...bens, position: 1 }] });
    expect(benView.load).toEqual({ open: 1, dueThisWeek: 1, overdue: 0, triage: 0 });
    expect(benView.load).toEqual((await plateOf(ben, ben.id)).load);

    const three = await owner.client.get<{ items: TeamMember[] }>(`/api/v1/people/${manny.id}/team`);
    expect(titlesOf(three.body.items[0]?.top ?? [])).toEqual(["Ann overdue", "Ann 2", "Ann 3"]);
    const none = await manny.client.get<{ items: TeamMember[] }>(`/api/v1/people/${manny.id}/team?top=0`);
    expect(none.body.items.map((member) => member.top)).toEqual([[], []]);
    const empty = await ben.client.get<{ items: TeamMember[] }>(`/api/v1/people/${ben.id}/team`);
    expect(empty.status).toBe(200);
    expect(empty.body.items).toEqual([]);
  });

  it("keeps one strict order under 20 adds at the bottom and 20 moves, all at once", async () => {
    const manny = await newcomer("Manny Manager");
    const sam = await newcomer("Sam Self", manny.id);
    const adders = [sam, manny, owner];
    const added = await Promise.all(
      oneTo(20).map((n) =>
        (adders[n % 3] as Member).client.post<Task>(`/api/v1/people/${sam.id}/tasks`, {
          title: `Task ${n}`,
          placement: "bottom",
        }),
      ),
    );
    expect(added.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    // Each add saw the plate as the one before it left it: every position was taken exactly once.
    expect(added.map((answer) => answer.body.position).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(
      oneTo(20),
    );
    const afterAdds = await plateOf(sam, sam.id);
    expect(positionsOf(afterAdds)).toEqual(oneTo(20));
    expect(new Set(afterAdds.items.map((task) => task.id)).size).toBe(20);
    // Added one at a time, so the plate's order is the order of the positions each add was told.
    for (const answer of added)
      expect(afterAdds.items[(answer.body.position as number) - 1]?.id).toBe(answer.body.id);

    const ids = afterAdds.items.map((task) => task.id);
    const placements = (n: number) =>
      // Never next to itself: 7n + 3 ≡ n and 3n + 1 ≡ n (mod 20) have no solution.
      [{ before: ids[(n * 7 + 3) % 20] }, "top", { after: ids[(n * 3 + 1) % 20] }, "bottom"][n % 4];
    const moves = await Promise.all(
      ids.map((id, n) =>
        (n % 2 ? sam : manny).client.post<Task>(`/api/v1/tasks/${id}/move`, {
          placement: placements(n),
        }),
      ),
    );
    expect(moves.map((answer) => answer.status)).toEqual(Array(20).fill(200));

    const plate = await plateOf(sam, sam.id);
    expect(positionsOf(plate)).toEqual(oneTo(20));
    expect(plate.items.map((task) => task.id).sort()).toEqual([...ids].sort());
    const ranks = (await plateRows(h, sam.id)).tasks.map((row) => row.rank);
    expect(new Set(ranks).size).toBe(20);
    for (const task of plate.items) expect((await taskOf(sam, task.id)).position).toBe(task.position);
  });
});
