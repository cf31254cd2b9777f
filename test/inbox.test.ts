import { beforeAll, describe, expect, it } from "vitest";
import { sweepDues } from "../src/server/inbox/sweeps";
import { Client } from "./support/client";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import { acceptTask, addTask, changeTask, declineTask, expectProblem, moveTask } from "./support/tasks";

const hour = 60 * 60_000;

interface InboxItem {
  id: string;
  kind: string;
  taskId?: string;
  actorId: string;
  at: string;
  readAt: string | null;
  count: number;
  title: string;
  from?: unknown;
  to?: unknown;
  ownerId?: string;
}
interface Inbox {
  items: InboxItem[];
  unread: number;
}

describe.each(dialects)("the inbox on %s", (dialect) => {
  const h = useHarness(dialect);
  let boss: Member & { organizationId: string };

  beforeAll(async () => {
    h.clock.set("2027-04-05T09:00:00.000Z");
    boss = await founder(h.app, "Bianca Boss");
  });

  /** boss ── manny ─┬─ sam (the owner) └─ pia (a peer: not in sam's chain) */
  async function team() {
    const manny = await invite(h.app, boss, "Manny Manager", { managerId: boss.id });
    const sam = await invite(h.app, boss, "Sam Self", { managerId: manny.id });
    const pia = await invite(h.app, boss, "Pia Peer", { managerId: manny.id });
    return { manny, sam, pia };
  }

  async function inboxOf(who: Member, query = ""): Promise<Inbox> {
    const answer = await who.client.get<Inbox>(`/api/v1/inbox${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  }

  const kindsOf = async (who: Member, taskId?: string) =>
    (await inboxOf(who)).items
      .filter((item) => taskId === undefined || item.taskId === taskId)
      .map((item) => item.kind)
      .sort();

  const markRead = (who: Member, body: unknown) => who.client.post("/api/v1/inbox/read", body);

  it("tells the owner of work added by a manager or asked by a peer, never the one who acted", async () => {
    const { manny, sam, pia } = await team();
    await addTask(manny, sam.id, { title: "First from Manny" });
    const placed = await addTask(manny, sam.id, { title: "From Manny", placement: "top" });
    const asked = await addTask(pia, sam.id, { title: "From Pia" });
    const own = await addTask(sam, sam.id, { title: "My own" });

    const items = (await inboxOf(sam)).items;
    expect(items.find((item) => item.taskId === placed.id)).toMatchObject({
      kind: "task.added",
      to: 1,
      actorId: manny.id,
      ownerId: sam.id,
      title: "From Manny",
      readAt: null,
      count: 1,
    });
    expect(items.find((item) => item.taskId === asked.id)).toMatchObject({
      kind: "task.asked",
      to: "triage",
      actorId: pia.id,
    });
    expect(items.some((item) => item.taskId === own.id)).toBe(false);
    expect((await inboxOf(manny)).items).toEqual([]);
    expect((await inboxOf(pia)).items).toEqual([]);
    expect((await inboxOf(sam)).unread).toBe(3);
  });

  it("tells the requester when the owner's side accepts, declines, completes or drops their ask", async () => {
    const { manny, sam, pia } = await team();
    const [a, b, c] = [
      await addTask(pia, sam.id, { title: "Ask A" }),
      await addTask(pia, sam.id, { title: "Ask B" }),
      await addTask(pia, sam.id, { title: "Ask C" }),
    ];
    expect((await acceptTask(sam, a.id, { placement: "top" })).status).toBe(200);
    expect((await acceptTask(manny, b.id, { placement: "bottom" })).status).toBe(200);
    expect((await declineTask(sam, c.id, { reason: "Not mine" })).status).toBe(200);
    const items = (await inboxOf(pia)).items;
    expect(items.find((item) => item.taskId === a.id)).toMatchObject({
      kind: "task.accepted",
      to: 1,
      actorId: sam.id,
    });
    expect(items.find((item) => item.taskId === b.id)).toMatchObject({
      kind: "task.accepted",
      actorId: manny.id,
    });
    expect(items.find((item) => item.taskId === c.id)).toMatchObject({
      kind: "task.declined",
      to: "Not mine",
    });
    // The manager accepting is news for the owner; the owner's own accept or decline is not.
    expect(await kindsOf(sam, b.id)).toEqual(["task.added", "task.asked"]);
    expect(await kindsOf(sam, a.id)).toEqual(["task.asked"]);
    expect(await kindsOf(sam, c.id)).toEqual(["task.asked"]);

    await changeTask(sam, await taskAt(sam, a.id), { state: "done" });
    await changeTask(sam, await taskAt(sam, b.id), { state: "dropped", dropReason: "Later" });
    expect(await kindsOf(pia, a.id)).toEqual(["task.accepted", "task.completed"]);
    expect(
      (await inboxOf(pia)).items.find((item) => item.taskId === b.id && item.kind === "task.dropped"),
    ).toMatchObject({
      to: "Later",
      actorId: sam.id,
    });
    expect(await kindsOf(sam, a.id)).toEqual(["task.asked"]);
  });

  async function taskAt(as: Member, id: string) {
    const answer = await as.client.get<{ id: string; version: number }>(`/api/v1/tasks/${id}`);
    expect(answer.status).toBe(200);
    return answer.body as never;
  }

  it("coalesces re-dates per task keeping the first 'from', and tells of edits", async () => {
    const { manny, sam } = await team();
    let one = await addTask(manny, sam.id, { title: "One", due: { date: "2027-05-10" } });
    const two = await addTask(manny, sam.id, { title: "Two", due: { date: "2027-05-11" } });
    expect((await markRead(sam, { all: true })).status).toBe(204);
    one = await changeTask(manny, one, { due: { date: "2027-05-12" } });
    h.clock.advance(1000);
    one = await changeTask(manny, one, { due: { date: "2027-05-14" } });
    await changeTask(manny, two, { due: { date: "2027-05-20" } });
    const redated = (await inboxOf(sam)).items.filter((item) => item.kind === "task.redated");
    expect(redated).toHaveLength(2);
    expect(redated.find((item) => item.taskId === one.id)).toMatchObject({
      count: 2,
      from: { date: "2027-05-10" },
      to: { date: "2027-05-14" },
      actorId: manny.id,
    });
    expect(redated.find((item) => item.taskId === two.id)).toMatchObject({
      count: 1,
      from: { date: "2027-05-11" },
      to: { date: "2027-05-20" },
    });

    one = await changeTask(manny, one, { title: "One, renamed" });
    await changeTask(manny, one, { notes: "More detail" });
    const edited = (await inboxOf(sam)).items.filter((item) => item.kind === "task.edited");
    expect(edited).toHaveLength(1);
    expect(edited[0]).toMatchObject({ taskId: one.id, actorId: manny.id, count: 2 });
    // The owner re-dating or editing their own task tells only the requester, of the re-date.
    await changeTask(sam, await taskAt(sam, two.id), { due: null, title: "Two, mine now" });
    expect((await inboxOf(sam)).items).toHaveLength(5);
    expect((await inboxOf(manny)).items).toEqual([
      expect.objectContaining({ kind: "task.redated", taskId: two.id, actorId: sam.id, to: null }),
    ]);
  });

  it("starts a new entry for a change after the coalescing one was read", async () => {
    const { manny, sam } = await team();
    const a = await addTask(manny, sam.id, { title: "Alpha" });
    const b = await addTask(manny, sam.id, { title: "Beta" });
    await markRead(sam, { all: true });
    expect((await moveTask(manny, b.id, { placement: "top" })).status).toBe(200);
    expect((await moveTask(manny, a.id, { placement: "top" })).status).toBe(200);
    let moves = (await inboxOf(sam)).items.filter((item) => item.kind === "task.moved");
    expect(moves.map((item) => item.count)).toEqual([2]);
    expect((await markRead(sam, { ids: [moves[0]?.id] })).status).toBe(204);
    h.clock.advance(1000);
    expect((await moveTask(manny, b.id, { placement: "top" })).status).toBe(200);
    moves = (await inboxOf(sam)).items.filter((item) => item.kind === "task.moved");
    expect(moves.map((item) => [item.count, item.readAt === null])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect((await inboxOf(sam)).unread).toBe(1);
  });

  it("marks only the caller's own entries read, and refuses bad bodies and strangers", async () => {
    const { manny, sam, pia } = await team();
    await addTask(manny, sam.id, { title: "For Sam 1" });
    await addTask(manny, sam.id, { title: "For Sam 2" });
    await addTask(manny, sam.id, { title: "For Sam 3" });
    await addTask(manny, pia.id, { title: "For Pia" });
    const samItems = (await inboxOf(sam)).items;
    const piaItems = (await inboxOf(pia)).items;
    expect(samItems).toHaveLength(3);
    expect(piaItems).toHaveLength(1);
    // Nobody else lists them.
    const ids = new Set(samItems.map((item) => item.id));
    for (const other of [manny, pia, boss]) {
      expect((await inboxOf(other)).items.filter((item) => ids.has(item.id))).toEqual([]);
    }

    const mixed = await markRead(sam, { ids: [samItems[0]?.id, piaItems[0]?.id] });
    expect(mixed.status).toBe(204);
    expect((await inboxOf(sam)).unread).toBe(2);
    expect((await inboxOf(pia)).unread).toBe(1);
    expect((await inboxOf(pia)).items[0]?.readAt).toBeNull();
    expect((await inboxOf(sam)).items.find((item) => item.id === samItems[0]?.id)?.readAt).toBe(
      h.clock.now().toISOString(),
    );
    // Someone else's ids alone are ignored too.
    expect((await markRead(sam, { ids: [piaItems[0]?.id] })).status).toBe(204);
    expect((await inboxOf(pia)).unread).toBe(1);

    for (const body of [
      {},
      { ids: [] },
      { ids: "x" },
      { all: false },
      { all: true, extra: 1 },
      { ids: [samItems[1]?.id], x: 1 },
    ]) {
      expectProblem(await markRead(sam, body), 400);
    }
    expect((await inboxOf(sam)).unread).toBe(2);
    expect((await markRead(sam, { all: true })).status).toBe(204);
    expect((await inboxOf(sam)).unread).toBe(0);
    expect((await inboxOf(pia)).unread).toBe(1);

    const anonymous = new Client(h.app);
    expectProblem(await anonymous.get("/api/v1/inbox"), 401);
    expectProblem(await anonymous.post("/api/v1/inbox/read", { all: true }), 401);
  });

  it("pages newest first with limit and before, and refuses a limit out of range", async () => {
    const { manny, sam } = await team();
    for (let i = 1; i <= 5; i++) {
      h.clock.advance(1000);
      await addTask(manny, sam.id, { title: `Page item ${i}` });
    }
    const first = await inboxOf(sam, "?limit=2");
    expect(first.items.map((item) => item.title)).toEqual(["Page item 5", "Page item 4"]);
    expect(first.unread).toBe(5);
    const second = await inboxOf(sam, `?limit=2&before=${encodeURIComponent(first.items[1]?.at ?? "")}`);
    expect(second.items.map((item) => item.title)).toEqual(["Page item 3", "Page item 2"]);
    const third = await inboxOf(sam, `?limit=2&before=${encodeURIComponent(second.items[1]?.at ?? "")}`);
    expect(third.items.map((item) => item.title)).toEqual(["Page item 1"]);
    for (const query of ["?limit=0", "?limit=500", "?limit=two", "?before=yesterday", "?other=1"]) {
      expectProblem(await sam.client.get(`/api/v1/inbox${query}`), 400);
    }
  });

  it("pages through entries that share an instant without losing any, with before and beforeId", async () => {
    const { manny, sam } = await team();
    h.clock.advance(1000);
    await addTask(manny, sam.id, { title: "Oldest" });
    h.clock.advance(1000);
    // One urgent add is two entries for the owner at one instant: added, and urgent.
    await addTask(manny, sam.id, { title: "Twins", urgent: true });
    h.clock.advance(1000);
    await addTask(manny, sam.id, { title: "Newest" });
    const all = (await inboxOf(sam, "?limit=200")).items;
    expect(all.map((item) => item.title)).toEqual(["Newest", "Twins", "Twins", "Oldest"]);
    const paged: InboxItem[] = [];
    let query = "?limit=2";
    for (let page = 0; page < 10; page++) {
      const items = (await inboxOf(sam, query)).items;
      if (items.length === 0) break;
      paged.push(...items);
      // The cursor is the last entry's instant and id: entries of one instant are ordered by id.
      const last = items.at(-1);
      query = `?limit=2&before=${encodeURIComponent(last?.at ?? "")}&beforeId=${last?.id}`;
    }
    expect(paged.map((item) => item.id)).toEqual(all.map((item) => item.id));
  });

  it("tells the owner once that open work is due soon, then once that it is overdue, and nothing of done work", async () => {
    const { manny, sam } = await team();
    const start = h.clock.now().getTime();
    const dueAt = new Date(start + 23 * hour).toISOString();
    const soon = await addTask(manny, sam.id, { title: "Due soon", due: { at: dueAt } });
    const finished = await addTask(manny, sam.id, { title: "Done already", due: { at: dueAt } });
    const later = await addTask(manny, sam.id, {
      title: "Due later",
      due: { at: new Date(start + 30 * hour).toISOString() },
    });
    await changeTask(sam, finished, { state: "done" });

    await sweepDues(h.ctx);
    h.clock.set(new Date(start + hour)); // a later run of the job
    await sweepDues(h.ctx);
    expect(await kindsOf(sam, soon.id)).toEqual(["task.added", "task.due_soon"]);
    expect(
      (await inboxOf(sam)).items.find((item) => item.kind === "task.due_soon" && item.taskId === soon.id),
    ).toMatchObject({
      taskId: soon.id,
      actorId: manny.id,
      to: dueAt,
    });
    expect(await kindsOf(sam, finished.id)).toEqual(["task.added"]);
    expect(await kindsOf(sam, later.id)).toEqual(["task.added"]);

    h.clock.set(new Date(start + 23 * hour + 60_000));
    await sweepDues(h.ctx);
    h.clock.set(new Date(start + 25 * hour));
    await sweepDues(h.ctx);
    expect(await kindsOf(sam, soon.id)).toEqual(["task.added", "task.due_soon", "task.overdue"]);
    expect(await kindsOf(sam, finished.id)).toEqual(["task.added"]);
    // Only the owner is told of dues; the requester heard of the completion, nothing more.
    expect(await kindsOf(manny)).toEqual(["task.completed"]);
  });
});
