import { beforeAll, describe, expect, it } from "vitest";
import { defaultLimits } from "../src/core/limits";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import { storedByTitle } from "./support/requests";
import {
  acceptTask,
  addTask,
  addTasks,
  changeTask,
  declineTask,
  expectProblem,
  historyOf,
  moveTask,
  type Plate,
  type Problem,
  patchTask,
  plateOf,
  plateRows,
  type Task,
  taskOf,
  titlesOf,
} from "./support/tasks";

describe.each(dialects)("triage on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };
  let admin: Member;
  let outsider: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
    admin = await invite(h.app, owner, "Adam Admin", { role: "admin", managerId: owner.id });
    outsider = await founder(h.app, "Xena Outsider");
  });

  const newcomer = (name: string, managerId: string = owner.id) => invite(h.app, owner, name, { managerId });

  /**
   *   owner ─┬─ grand ── manny ─┬─ sam
   *          │                  └─ pat (peer)
   *          ├─ admin
   *          └─ lead ── bo (other branch)
   */
  async function team() {
    const grand = await newcomer("Grace Grand");
    const manny = await newcomer("Manny Manager", grand.id);
    const sam = await newcomer("Sam Self", manny.id);
    const pat = await newcomer("Pat Peer", manny.id);
    const lead = await newcomer("Bea Branchlead");
    const bo = await newcomer("Bo Branch", lead.id);
    return { grand, manny, sam, pat, bo };
  }

  it("puts work from outside the owner's chain in triage, unplaced, whatever placement it asks for", async () => {
    const { sam, pat, bo } = await team();
    const [mine] = await addTasks(sam, sam.id, ["Mine", "Also mine"]);
    const fromPeer = await addTask(pat, sam.id, { title: "From the peer", placement: "top" });
    h.clock.advance(1000);
    const fromBranch = await addTask(bo, sam.id, {
      title: "From the other branch",
      placement: { before: mine.id },
    });
    h.clock.advance(1000);
    const fromAdmin = await addTask(admin, sam.id, {
      title: "From an admin",
      placement: { after: "no-such-task" },
    });
    for (const [task, requester] of [
      [fromPeer, pat],
      [fromBranch, bo],
      [fromAdmin, admin],
    ] as const) {
      expect(task).toMatchObject({
        state: "triage",
        position: null,
        ownerId: sam.id,
        requesterId: requester.id,
      });
      expect(await historyOf(sam, task.id)).toEqual([
        { at: task.createdAt, actorId: requester.id, kind: "created", to: "triage" },
      ]);
    }
    const plate = await plateOf(sam, sam.id);
    expect(titlesOf(plate)).toEqual(["Mine", "Also mine"]);
    expect(plate.load).toMatchObject({ open: 2, triage: 3 });
    expect(titlesOf(await plateOf(sam, sam.id, "state=triage"))).toEqual([
      "From the peer",
      "From the other branch",
      "From an admin",
    ]);
  });

  it("places work from the owner's chain on the plate at once", async () => {
    const { grand, manny, sam } = await team();
    for (const [requester, placement] of [
      [manny, "top"],
      [grand, "bottom"],
      [owner, "top"],
    ] as const) {
      const task = await addTask(requester, sam.id, { title: requester.name, placement });
      expect(task).toMatchObject({ state: "open", requesterId: requester.id });
    }
    expect(titlesOf(await plateOf(sam, sam.id))).toEqual(["Olivia Owner", "Manny Manager", "Grace Grand"]);
    expect((await plateOf(sam, sam.id)).load.triage).toBe(0);
  });

  it("lets the owner or anyone in their chain accept at the placement they choose", async () => {
    const { grand, manny, sam, pat } = await team();
    const [a, b] = await addTasks(sam, sam.id, ["A", "B"]);
    const asked = await addTasks(pat, sam.id, ["One", "Two", "Three", "Four"]);

    const accept = async (who: Member, id: string, placement: unknown, position: number) => {
      const answer = await acceptTask(who, id, { placement });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toMatchObject({ id, state: "open", position, requesterId: pat.id, version: 2 });
      expect(await historyOf(sam, id)).toContainEqual({
        at: expect.any(String),
        actorId: who.id,
        kind: "accepted",
        to: position,
      });
    };
    await accept(sam, asked[0].id, { after: a.id }, 2);
    await accept(manny, asked[1].id, "top", 1);
    await accept(grand, asked[2].id, { before: b.id }, 4);
    await accept(owner, asked[3].id, "bottom", 6);
    const plate = await plateOf(sam, sam.id);
    expect(titlesOf(plate)).toEqual(["Two", "A", "One", "Three", "B", "Four"]);
    expect(plate.load.triage).toBe(0);
  });

  it("lets the owner or their chain decline with a reason: the task is dropped", async () => {
    h.clock.set("2030-09-02T10:00:00.000Z");
    const { manny, sam, pat } = await team();
    const [first, second] = await addTasks(pat, sam.id, ["First", "Second"]);
    const declined = await declineTask(sam, first.id, { reason: "Not mine to do" });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(declined.body).toMatchObject({
      state: "dropped",
      position: null,
      dropReason: "Not mine to do",
      droppedAt: "2030-09-02T10:00:00.000Z",
      completedAt: null,
    });
    h.clock.advance(60_000);
    expect((await declineTask(manny, second.id, { reason: "Ask Bo" })).body).toMatchObject({
      state: "dropped",
      dropReason: "Ask Bo",
    });
    expect(titlesOf(await plateOf(sam, sam.id, "state=dropped"))).toEqual(["Second", "First"]);
    // The requester sees why.
    expect(await taskOf(pat, first.id)).toEqual(declined.body);
    expect((await historyOf(pat, second.id)).at(-1)).toMatchObject({
      actorId: manny.id,
      kind: "declined",
      to: "Ask Bo",
    });
  });

  it("lets the requester neither accept nor decline their own ask (403)", async () => {
    const { sam, pat } = await team();
    const asked = await addTask(pat, sam.id, { title: "Please" });
    const rows = await plateRows(h, sam.id);
    expectProblem(await acceptTask(pat, asked.id, { placement: "top" }), 403);
    expectProblem(await declineTask(pat, asked.id, { reason: "Never mind" }), 403);
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });

  it("answers 403 to a requester who is in the owner's chain, before looking at the state", async () => {
    const { grand, manny, sam, pat } = await team();
    // Asked by the manager: placed at once, so it is not in triage; still, its requester may not accept it.
    const placed = await addTask(manny, sam.id, { title: "From Manny" });
    expect(placed.state).toBe("open");
    expectProblem(await acceptTask(manny, placed.id, { placement: "top" }), 403);
    expectProblem(await declineTask(manny, placed.id, { reason: "Changed my mind" }), 403);
    // Anyone else in the chain is told it is not in triage.
    expectProblem(await acceptTask(grand, placed.id, { placement: "top" }), 422, "state");

    // Asked from outside the chain, then the requester becomes the owner's manager: still no.
    const asked = await addTask(pat, sam.id, { title: "From Pat" });
    expect((await owner.client.patch(`/api/v1/people/${sam.id}`, { managerId: pat.id })).status).toBe(200);
    expect((await plateOf(pat, sam.id)).load.triage).toBe(1);
    expectProblem(await acceptTask(pat, asked.id, { placement: "top" }), 403);
    expectProblem(await declineTask(pat, asked.id, { reason: "No" }), 403);
    expect((await taskOf(sam, asked.id)).state).toBe("triage");
    // The owner decides.
    expect((await acceptTask(sam, asked.id, { placement: "top" })).status).toBe(200);
  });

  it("accepts or declines only a task in triage (422)", async () => {
    const { sam, pat } = await team();
    const [open, done, dropped] = await addTasks(sam, sam.id, ["Open", "Done", "Dropped"]);
    await changeTask(sam, done, { state: "done" });
    await changeTask(sam, dropped, { state: "dropped", dropReason: "No" });
    const accepted = await addTask(pat, sam.id, { title: "Accepted" });
    expect((await acceptTask(sam, accepted.id, { placement: "bottom" })).status).toBe(200);
    const declined = await addTask(pat, sam.id, { title: "Declined" });
    expect((await declineTask(sam, declined.id, { reason: "No" })).status).toBe(200);
    const rows = await plateRows(h, sam.id);
    for (const task of [open, done, dropped, accepted, declined]) {
      expectProblem(await acceptTask(sam, task.id, { placement: "top" }), 422, "state");
      expectProblem(await declineTask(sam, task.id, { reason: "Again" }), 422, "state");
    }
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });

  it("takes a task out of triage once when the owner and their manager answer it at the same time", async () => {
    const { manny, sam, pat } = await team();
    const [both, either] = await addTasks(pat, sam.id, ["Both accept", "One accepts, one declines"]);
    const accepts = await Promise.all([
      acceptTask(sam, both.id, { placement: "top" }),
      acceptTask(manny, both.id, { placement: "bottom" }),
    ]);
    expect(accepts.map((answer) => answer.status).sort()).toEqual([200, 422]);
    const answers = await Promise.all([
      acceptTask(sam, either.id, { placement: "top" }),
      declineTask(manny, either.id, { reason: "Not this quarter" }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422]);
    const won = answers.find((answer) => answer.status === 200)?.body;
    expect(await taskOf(sam, either.id)).toMatchObject({ state: won?.state, version: 2 });
    expect((await historyOf(sam, both.id)).map((entry) => entry.kind)).toEqual(["created", "accepted"]);
    expect((await historyOf(sam, either.id)).map((entry) => entry.kind)).toHaveLength(2);
    const plate = await plateOf(sam, sam.id);
    expect(plate.items.map((task) => task.position)).toEqual(plate.items.map((_, index) => index + 1));
  });

  it("refuses an acceptance next to a task that is not open on this plate (422), leaving it in triage", async () => {
    const { sam, pat } = await team();
    const elsewhere = await addTask(pat, pat.id, { title: "Pat's own" });
    const [asked, other] = await addTasks(pat, sam.id, ["Asked", "Other ask"]);
    const rows = await plateRows(h, sam.id);
    for (const placement of [{ before: elsewhere.id }, { after: other.id }, { before: asked.id }]) {
      expectProblem(await acceptTask(sam, asked.id, { placement }), 422, "placement");
    }
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });

  it("keeps a triage task out of the plate's states until it is accepted or declined (422)", async () => {
    const { sam, pat } = await team();
    const asked = await addTask(pat, sam.id, { title: "Waiting" });
    const rows = await plateRows(h, sam.id);
    for (const state of ["open", "in_progress", "done"]) {
      expectProblem(await patchTask(sam, asked.id, { version: 1, state }), 422, "state");
    }
    expectProblem(await moveTask(sam, asked.id, { placement: "top" }), 422, "placement");
    expect(await plateRows(h, sam.id)).toEqual(rows);
    // The owner may still drop it outright, like declining it.
    const dropped = await changeTask(sam, asked, { state: "dropped", dropReason: "Duplicate" });
    expect(dropped).toMatchObject({ state: "dropped", dropReason: "Duplicate", position: null });
  });

  it("lets the requester read, edit and withdraw their ask, but not start, finish or move it (403)", async () => {
    const { manny, sam, pat } = await team();
    const asked = await addTask(pat, sam.id, { title: "Draft ask" });
    const edited = await changeTask(pat, asked, {
      title: "Clear ask",
      notes: "With details",
      due: { date: "2031-01-15" },
      urgent: true,
    });
    expect(edited).toMatchObject({
      title: "Clear ask",
      notes: "With details",
      urgent: true,
      state: "triage",
    });
    expect(edited.due).toEqual({ date: "2031-01-15" });
    expect(await taskOf(sam, asked.id)).toEqual(edited);

    // Accepted, it is on the plate; the requester still reads and edits it, and nothing more.
    await acceptTask(manny, asked.id, { placement: "top" });
    const onPlate = await taskOf(pat, asked.id);
    const rows = await plateRows(h, sam.id);
    for (const body of [
      { state: "in_progress" },
      { state: "done" },
      { state: "open", title: "Sneaky rename" },
      { state: "in_progress", title: "Sneaky rename" },
    ]) {
      expectProblem(await patchTask(pat, asked.id, { version: onPlate.version, ...body }), 403);
    }
    expectProblem(await moveTask(pat, asked.id, { placement: "bottom" }), 403);
    expect(await plateRows(h, sam.id)).toEqual(rows);

    const withdrawn = await changeTask(pat, onPlate, { state: "dropped", dropReason: "Not needed any more" });
    expect(withdrawn).toMatchObject({ state: "dropped", dropReason: "Not needed any more", position: null });
    // Once dropped, bringing it back is the owner's call.
    expectProblem(await patchTask(pat, asked.id, { version: withdrawn.version, state: "open" }), 403);
    expect((await patchTask(sam, asked.id, { version: withdrawn.version, state: "open" })).status).toBe(200);
  });

  it("lets a requester withdraw a task still in triage", async () => {
    const { sam, pat } = await team();
    const asked = await addTask(pat, sam.id, { title: "Oops" });
    const withdrawn = await changeTask(pat, asked, { state: "dropped", dropReason: "Sent by mistake" });
    expect(withdrawn).toMatchObject({ state: "dropped", dropReason: "Sent by mistake" });
    expect((await historyOf(sam, asked.id)).at(-1)).toMatchObject({
      actorId: pat.id,
      kind: "dropped",
      from: "triage",
      to: "Sent by mistake",
    });
    expect((await plateOf(sam, sam.id)).load.triage).toBe(0);
  });

  it("hides a triage task from everyone else in the organization (404)", async () => {
    const { sam, pat, bo } = await team();
    const asked = await addTask(pat, sam.id, { title: "Between Pat and Sam" });
    for (const stranger of [bo, admin]) {
      expectProblem(await stranger.client.get(`/api/v1/tasks/${asked.id}`), 404);
      expectProblem(await stranger.client.get(`/api/v1/tasks/${asked.id}/history`), 404);
      expectProblem(await acceptTask(stranger, asked.id, { placement: "top" }), 404);
      expectProblem(await declineTask(stranger, asked.id, { reason: "No" }), 404);
      expectProblem(await patchTask(stranger, asked.id, { version: 1, title: "Mine now" }), 404);
    }
    expect((await taskOf(sam, asked.id)).title).toBe("Between Pat and Sam");
  });

  it("answers 404 to another organization, for the plate and for each task", async () => {
    const { sam, pat } = await team();
    const asked = await addTask(pat, sam.id, { title: "Internal" });
    const rows = await plateRows(h, sam.id);
    expectProblem(
      await outsider.client.post(`/api/v1/people/${sam.id}/tasks`, { title: "From outside" }),
      404,
    );
    expectProblem(await outsider.client.get(`/api/v1/people/${sam.id}/tasks`), 404);
    expectProblem(await outsider.client.get(`/api/v1/tasks/${asked.id}`), 404);
    expectProblem(await outsider.client.get(`/api/v1/tasks/${asked.id}/history`), 404);
    expectProblem(await acceptTask(outsider, asked.id, { placement: "top" }), 404);
    expectProblem(await declineTask(outsider, asked.id, { reason: "No" }), 404);
    expectProblem(await moveTask(outsider, asked.id, { placement: "top" }), 404);
    expectProblem(
      await patchTask(outsider, asked.id, { version: 1, state: "dropped", dropReason: "x" }),
      404,
    );
    expect(await plateRows(h, sam.id)).toEqual(rows);
  });
});

describe.each(dialects)("triage a page at a time on %s", (dialect) => {
  const h = useHarness(dialect);

  it("answers triage oldest first in pages of `limit`, with a cursor to the next while more follow", async () => {
    const owner = await founder(h.app, "Olivia Owner");
    const sam = await invite(h.app, owner, "Sam Self", { managerId: owner.id });
    const pat = await invite(h.app, owner, "Pat Peer", { managerId: owner.id });
    const titles = Array.from({ length: 7 }, (_, index) => `Ask ${index + 1}`);
    // Two asks share each instant: the page boundary must not skip or repeat either of them.
    for (const [index, title] of titles.entries()) {
      if (index % 2 === 0) h.clock.advance(1000);
      await addTask(pat, sam.id, { title });
    }
    const all = await plateOf(sam, sam.id, "state=triage");
    expect(all.nextCursor).toBeUndefined();
    // Oldest first; asks made at one instant come in the order of their ids.
    expect(new Set(titlesOf(all.items.slice(0, 2)))).toEqual(new Set(["Ask 1", "Ask 2"]));
    expect(titlesOf(all.items.slice(6))).toEqual(["Ask 7"]);

    const pages: Plate[] = [];
    let cursor: string | undefined;
    do {
      const page = await plateOf(sam, sam.id, `state=triage&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((page) => page.items)).toEqual(all.items);
    for (const page of pages) expect(page.load).toEqual(all.load);
    // A page that ends exactly at the last task says nothing more follows.
    expect((await plateOf(sam, sam.id, "state=triage&limit=7")).nextCursor).toBeUndefined();
    // `all` carries at most `limit` of triage too.
    expect(titlesOf(await plateOf(sam, sam.id, "state=all&limit=2"))).toEqual(
      titlesOf(all.items.slice(0, 2)),
    );
  });

  it("refuses a cursor it did not give, or on anything but triage, with 400", async () => {
    const owner = await founder(h.app, "Olga Owner");
    for (const query of [
      "state=triage&cursor=bm90LWEtY3Vyc29y",
      "state=triage&cursor=WyJub3QtYW4taW5zdGFudCIsImlkIl0",
      "state=triage&cursor=no%20spaces",
      "state=open&cursor=WyIyMDMwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJpZCJd",
      "state=triage&limit=0",
    ]) {
      expectProblem(await owner.client.get(`/api/v1/people/${owner.id}/tasks?${query}`), 400);
    }
  });
});

describe.each(dialects)("asks into triage per day on %s", (dialect) => {
  // Into one person's triage as in production; into everyone's lowered from 200 to 30, to reach it.
  const h = useHarness(dialect, {
    limits: { asksPerPersonPerDay: defaultLimits.asksPerPersonPerDay, asksPerDay: 30 },
  });
  const perPerson = defaultLimits.asksPerPersonPerDay;
  let owner: Member & { organizationId: string };

  beforeAll(async () => {
    h.clock.set("2031-05-05T08:00:00.000Z");
    owner = await founder(h.app, "Olivia Owner");
  });

  /** owner ─┬─ manny ─┬─ sam, pat;  owner ─ lead ─ bo (other branch) */
  async function team() {
    const manny = await invite(h.app, owner, "Manny Manager", { managerId: owner.id });
    const sam = await invite(h.app, owner, "Sam Self", { managerId: manny.id });
    const pat = await invite(h.app, owner, "Pat Peer", { managerId: manny.id });
    const lead = await invite(h.app, owner, "Bea Branchlead", { managerId: owner.id });
    const bo = await invite(h.app, owner, "Bo Branch", { managerId: lead.id });
    return { manny, sam, pat, bo };
  }
  const ask = (from: Member, to: Member, title: string) =>
    from.client.post<Task & Problem>(`/api/v1/people/${to.id}/tasks`, { title });

  it("lets one person put 20 asks a day in another's triage, then answers 429 with Retry-After, writing nothing", async () => {
    const { manny, sam, pat, bo } = await team();
    expect((await ask(bo, sam, "First ask")).status).toBe(201);
    h.clock.advance(60 * 60_000);
    for (let i = 2; i <= perPerson; i++) expect((await ask(bo, sam, `Ask ${i}`)).status).toBe(201);
    const before = await plateRows(h, sam.id);
    const refused = expectProblem(await ask(bo, sam, "One too many"), 429);
    expect(refused.detail).toBe(
      "You have asked Sam Self for 20 things in the last day, the most one person may put in another's triage. Nothing was sent: try again in 23 hours, or ask their manager to add it to their plate.",
    );
    const again = await ask(bo, sam, "One too many");
    expect(again.headers["retry-after"]).toBe(String(23 * 60 * 60));
    expect(await plateRows(h, sam.id)).toEqual(before);

    // Asks of someone else, asks by someone else, and work their manager places are not held back.
    expect((await ask(bo, pat, "For Pat")).body.state).toBe("triage");
    expect((await ask(pat, sam, "From Pat")).body.state).toBe("triage");
    expect((await ask(manny, sam, "From Manny")).body.state).toBe("open");

    // A request that would put one more in Sam's triage asks nobody at all.
    const patBefore = await plateRows(h, pat.id);
    expectProblem(
      await bo.client.post("/api/v1/requests", { title: "Team ask", assigneeIds: [pat.id, sam.id] }),
      429,
    );
    expect(await plateRows(h, pat.id)).toEqual(patBefore);
    expect(await storedByTitle(h, "Team ask")).toEqual({ requests: [], tasks: [] });

    // A day after the first ask, its place is free again, and only its place.
    h.clock.advance(23 * 60 * 60_000);
    expect((await ask(bo, sam, "A new day")).status).toBe(201);
    expectProblem(await ask(bo, sam, "Still too many"), 429);
  });

  it("counts a person's asks into everyone's triage together, a request's each on its own", async () => {
    const { sam, pat, bo } = await team();
    for (let i = 1; i <= 15; i++) {
      const sent = await bo.client.post("/api/v1/requests", {
        title: `Request ${i}`,
        assigneeIds: [sam.id, pat.id],
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    }
    const lead = await invite(h.app, owner, "Lee Lonely", { managerId: owner.id });
    const refused = expectProblem(await ask(bo, lead, "Thirty-first"), 429);
    expect(refused.detail).toMatch(
      /^You have put 30 asks in other people's triage in the last day, the most one person may\. Nothing was sent: try again in 24 hours\.$/,
    );
    expect((await plateOf(lead, lead.id, "state=triage")).items).toEqual([]);
  });
});
