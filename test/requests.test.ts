import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "./support/client";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  addAssignees,
  assigneeIdsOf,
  cancelRequest,
  myRequests,
  type Request,
  requestOf,
  sendRequest,
  taskIdOf,
} from "./support/requests";
import {
  addTask,
  addTasks,
  changeTask,
  expectProblem,
  historyOf,
  instantPattern,
  oneTo,
  plateOf,
  plateRows,
  positionsOf,
  setTimeZone,
  type Task,
  taskOf,
  titlesOf,
} from "./support/tasks";

describe.each(dialects)("requests on %s", (dialect) => {
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
   *   owner ─┬─ manny ─┬─ sam
   *          │         └─ pat ── rita
   *          ├─ admin
   *          └─ lead ── bo (other branch)
   */
  async function team() {
    const manny = await newcomer("Manny Manager");
    const sam = await newcomer("Sam Self", manny.id);
    const pat = await newcomer("Pat Peer", manny.id);
    const rita = await newcomer("Rita Report", pat.id);
    const lead = await newcomer("Bea Branchlead");
    const bo = await newcomer("Bo Branch", lead.id);
    return { manny, sam, pat, rita, lead, bo };
  }

  /** Every task stored for `requestId`, by owner: one per person asked, no more. */
  async function tasksOfRequest(requestId: string) {
    const rows = await h.ctx.db
      .selectFrom("task")
      .select(["owner_id"])
      .where("request_id", "=", requestId)
      .execute();
    return rows.map((row) => row.owner_id).sort();
  }

  describe("creating", () => {
    it("gives each person named one task at the bottom of their plate, with the request's title, notes and due", async () => {
      const { manny, sam, pat } = await team();
      await setTimeZone(sam, "Europe/Paris");
      await setTimeZone(pat, "America/New_York");
      await addTasks(sam, sam.id, ["First", "Second"]);
      const request = await sendRequest(manny, {
        title: "Quarterly survey",
        notes: "Ten minutes, promise.",
        due: { date: "2030-06-10" },
        assigneeIds: [sam.id, pat.id],
      });
      expect(request).toMatchObject({
        requesterId: manny.id,
        title: "Quarterly survey",
        notes: "Ten minutes, promise.",
        due: { date: "2030-06-10" },
        createdAt: h.clock.now().toISOString(),
        canceledAt: null,
        cancelReason: null,
        progress: { done: 0, dropped: 0, open: 2, total: 2 },
      });
      expect(assigneeIdsOf(request)).toEqual([sam.id, pat.id].sort());
      expect(await tasksOfRequest(request.id)).toEqual([sam.id, pat.id].sort());

      // Each date falls due when the next day begins in the assignee's own zone.
      const expected = [
        [sam, 3, "2030-06-10T22:00:00.000Z"],
        [pat, 1, "2030-06-11T04:00:00.000Z"],
      ] as const;
      for (const [person, position, dueAt] of expected) {
        const task = await taskOf(person, taskIdOf(request, person.id));
        expect(task).toMatchObject({
          ownerId: person.id,
          requesterId: manny.id,
          requestId: request.id,
          title: "Quarterly survey",
          notes: "Ten minutes, promise.",
          state: "open",
          position,
          due: { date: "2030-06-10" },
          dueAt,
        });
        const plate = await plateOf(person, person.id);
        expect(plate.items.at(-1)?.id).toBe(task.id);
        expect(positionsOf(plate)).toEqual(oneTo(position));
        expect(await historyOf(person, task.id)).toEqual([
          { at: request.createdAt, actorId: manny.id, kind: "created", to: position },
        ]);
        expect(request.assignees.find((one) => one.personId === person.id)).toEqual({
          personId: person.id,
          taskId: task.id,
          state: "open",
          completedAt: null,
          droppedAt: null,
          dropReason: null,
        });
      }
    });

    it("copies a fixed due instant as it is, and no due as none", async () => {
      const { manny, sam, pat } = await team();
      await setTimeZone(sam, "Asia/Tokyo");
      const fixed = await sendRequest(manny, {
        due: { at: "2030-06-10T15:30:00.000Z" },
        assigneeIds: [sam.id],
      });
      expect(await taskOf(sam, taskIdOf(fixed, sam.id))).toMatchObject({
        due: { at: "2030-06-10T15:30:00.000Z" },
        dueAt: "2030-06-10T15:30:00.000Z",
      });
      const none = await sendRequest(manny, { assigneeIds: [pat.id] });
      expect(none.due).toBeNull();
      expect(await taskOf(pat, taskIdOf(none, pat.id))).toMatchObject({ due: null, dueAt: null, notes: "" });
    });

    it("resolves direct_reports and everyone_below, and each person once when groups and names overlap", async () => {
      const { manny, sam, pat, rita, bo } = await team();
      const direct = await sendRequest(manny, { title: "Direct", groups: ["direct_reports"] });
      expect(assigneeIdsOf(direct)).toEqual([sam.id, pat.id].sort());
      expect(await tasksOfRequest(direct.id)).toEqual([sam.id, pat.id].sort());

      const below = await sendRequest(manny, { title: "Below", groups: ["everyone_below"] });
      expect(assigneeIdsOf(below)).toEqual([sam.id, pat.id, rita.id].sort());
      expect(await tasksOfRequest(below.id)).toEqual([sam.id, pat.id, rita.id].sort());

      const both = await sendRequest(manny, {
        title: "Both",
        groups: ["direct_reports", "everyone_below"],
        assigneeIds: [sam.id, bo.id, rita.id],
      });
      expect(assigneeIdsOf(both)).toEqual([sam.id, pat.id, rita.id, bo.id].sort());
      expect(await tasksOfRequest(both.id)).toEqual([sam.id, pat.id, rita.id, bo.id].sort());
      expect(both.progress).toEqual({ done: 0, dropped: 0, open: 4, total: 4 });
      // Bo is outside Manny's chain: the ask waits in Bo's triage; everyone else has it placed.
      expect(await taskOf(bo, taskIdOf(both, bo.id))).toMatchObject({ state: "triage", position: null });
      for (const person of [sam, pat, rita]) {
        const task = await taskOf(person, taskIdOf(both, person.id));
        expect(task.state).toBe("open");
        expect(task.position).toBe((await plateOf(person, person.id)).items.length);
      }
    });

    it("puts a peer's ask in triage and a report's on the plate, and reaches the one who is away", async () => {
      const { sam, pat, rita } = await team();
      const away = await sam.client.patch("/api/v1/me", {
        away: { from: "2000-01-01", until: "2099-12-31" },
      });
      expect(away.status, JSON.stringify(away.body)).toBe(200);
      await addTask(rita, rita.id, { title: "Rita's own" });
      const request = await sendRequest(pat, { title: "Peer ask", assigneeIds: [sam.id, rita.id] });
      const samTask = await taskOf(sam, taskIdOf(request, sam.id));
      expect(samTask).toMatchObject({ state: "triage", position: null, requestId: request.id });
      expect(await historyOf(sam, samTask.id)).toEqual([
        { at: request.createdAt, actorId: pat.id, kind: "created", to: "triage" },
      ]);
      expect((await plateOf(sam, sam.id, "state=triage")).items.map((task) => task.id)).toEqual([samTask.id]);
      const ritaTask = await taskOf(rita, taskIdOf(request, rita.id));
      expect(ritaTask).toMatchObject({ state: "open", position: 2, requestId: request.id });
      expect(request.progress).toEqual({ done: 0, dropped: 0, open: 2, total: 2 });
    });
  });

  describe("progress", () => {
    it("counts done, dropped and open (triage included), ordering assignees open first, then done, then dropped", async () => {
      const { manny, sam, pat, rita, bo } = await team();
      const request = await sendRequest(manny, { assigneeIds: [sam.id, pat.id, rita.id, bo.id] });
      const taskOfPerson = (person: Member) => taskOf(person, taskIdOf(request, person.id));

      h.clock.advance(60_000);
      const samDone = await changeTask(sam, await taskOfPerson(sam), { state: "done" });
      h.clock.advance(60_000);
      const patDropped = await changeTask(pat, await taskOfPerson(pat), {
        state: "dropped",
        dropReason: "No time",
      });
      await changeTask(rita, await taskOfPerson(rita), { state: "in_progress" });

      const now = await requestOf(manny, request.id);
      expect(now.progress).toEqual({ done: 1, dropped: 1, open: 2, total: 4 });
      expect(now.assignees).toEqual([
        {
          personId: bo.id,
          taskId: taskIdOf(request, bo.id),
          state: "triage",
          completedAt: null,
          droppedAt: null,
          dropReason: null,
        },
        {
          personId: rita.id,
          taskId: taskIdOf(request, rita.id),
          state: "in_progress",
          completedAt: null,
          droppedAt: null,
          dropReason: null,
        },
        {
          personId: sam.id,
          taskId: samDone.id,
          state: "done",
          completedAt: samDone.completedAt,
          droppedAt: null,
          dropReason: null,
        },
        {
          personId: pat.id,
          taskId: patDropped.id,
          state: "dropped",
          completedAt: null,
          droppedAt: patDropped.droppedAt,
          dropReason: "No time",
        },
      ]);
      expect(samDone.completedAt).toMatch(instantPattern);

      // Reopening counts again as open, at the head of the list.
      await changeTask(sam, samDone, { state: "open" });
      const reopened = await requestOf(sam, request.id);
      expect(reopened.progress).toEqual({ done: 0, dropped: 1, open: 3, total: 4 });
      expect(reopened.assignees.map((one) => [one.personId, one.state])).toEqual([
        [bo.id, "triage"],
        [rita.id, "in_progress"],
        [sam.id, "open"],
        [pat.id, "dropped"],
      ]);
    });
  });

  describe("listing", () => {
    it("lists only the requests I made, newest first", async () => {
      const { manny, sam, pat } = await team();
      const made: Request[] = [];
      for (const title of ["Oldest", "Middle", "Newest"]) {
        made.push(await sendRequest(manny, { title, assigneeIds: [sam.id] }));
        h.clock.advance(5 * 60_000);
      }
      const byPat = await sendRequest(pat, { title: "Pat's", assigneeIds: [sam.id] });
      const mine = await myRequests(manny);
      expect(mine.map((request) => request.title)).toEqual(["Newest", "Middle", "Oldest"]);
      expect(mine.map((request) => request.id)).toEqual(made.map((request) => request.id).reverse());
      expect(mine[0]).toEqual(await requestOf(manny, (made[2] as Request).id));
      expect((await myRequests(pat)).map((request) => request.id)).toEqual([byPat.id]);
      // Being asked is not asking.
      expect(await myRequests(sam)).toEqual([]);
    });
  });

  describe("canceling", () => {
    it("drops every unfinished task with the reason, keeps what is done, and takes them off the plates", async () => {
      const { manny, sam, pat, rita, bo } = await team();
      await addTask(sam, sam.id, { title: "Above" });
      const request = await sendRequest(manny, {
        title: "Survey",
        assigneeIds: [sam.id, pat.id, rita.id, bo.id],
      });
      await addTask(sam, sam.id, { title: "Below" });
      expect(titlesOf(await plateOf(sam, sam.id))).toEqual(["Above", "Survey", "Below"]);
      const taskOfPerson = (person: Member) => taskOf(person, taskIdOf(request, person.id));
      await changeTask(pat, await taskOfPerson(pat), { state: "in_progress" });
      h.clock.advance(60_000);
      const ritaDone = await changeTask(rita, await taskOfPerson(rita), { state: "done" });

      h.clock.advance(60_000);
      const at = h.clock.now().toISOString();
      const canceled = await cancelRequest(manny, request.id, { reason: "Plans changed" });
      expect(canceled.status, JSON.stringify(canceled.body)).toBe(200);
      expect(canceled.body).toMatchObject({
        id: request.id,
        canceledAt: at,
        cancelReason: "Plans changed",
        progress: { done: 1, dropped: 3, open: 0, total: 4 },
      });
      expect(canceled.body).toEqual(await requestOf(manny, request.id));

      for (const [person, was] of [
        [sam, "open"],
        [pat, "in_progress"],
        [bo, "triage"],
      ] as const) {
        const task = await taskOfPerson(person);
        expect(task).toMatchObject({
          state: "dropped",
          position: null,
          droppedAt: at,
          dropReason: "Plans changed",
        });
        const history = await historyOf(person, task.id);
        expect(history.at(-1)).toMatchObject({ at, actorId: manny.id, kind: "dropped", from: was });
      }
      expect(await taskOfPerson(rita)).toMatchObject({
        state: "done",
        completedAt: ritaDone.completedAt,
        droppedAt: null,
      });
      const plate = await plateOf(sam, sam.id);
      expect(titlesOf(plate)).toEqual(["Above", "Below"]);
      expect(positionsOf(plate)).toEqual([1, 2]);
      expect((await plateOf(bo, bo.id, "state=triage")).items).toEqual([]);
      expect((await plateOf(pat, pat.id)).items.map((task: Task) => task.requestId)).not.toContain(
        request.id,
      );

      // A second cancel is refused, and changes nothing.
      h.clock.advance(60_000);
      expectProblem(await cancelRequest(manny, request.id, { reason: "Again" }), 422);
      expect(await requestOf(manny, request.id)).toEqual(canceled.body);
    });

    it("needs a reason (400), and refuses everyone but the requester and admins", async () => {
      const { manny, sam, pat, lead } = await team();
      const request = await sendRequest(manny, { assigneeIds: [sam.id, pat.id] });
      const before = await plateRows(h, sam.id);
      expectProblem(await cancelRequest(manny, request.id, {}), 400, "reason");
      expectProblem(await cancelRequest(manny, request.id, { reason: "   " }), 400, "reason");
      expectProblem(await cancelRequest(manny, request.id, { reason: "x", extra: 1 }), 400);
      expectProblem(await cancelRequest(sam, request.id, { reason: "Mine to drop" }), 403);
      expectProblem(await cancelRequest(lead, request.id, { reason: "Not mine" }), 404);
      expectProblem(await cancelRequest(outsider, request.id, { reason: "Not mine" }), 404);
      expectProblem(await cancelRequest({ client: new Client(h.app) }, request.id, { reason: "Who" }), 401);
      expectProblem(await cancelRequest(manny, "no-such-request", { reason: "Gone" }), 404);
      expect(await plateRows(h, sam.id)).toEqual(before);
      expect(await requestOf(manny, request.id)).toEqual(request);

      const byAdmin = await cancelRequest(admin, request.id, { reason: "Admin says" });
      expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200);
      expect(byAdmin.body.progress).toEqual({ done: 0, dropped: 2, open: 0, total: 2 });
      const another = await sendRequest(manny, { assigneeIds: [sam.id] });
      expect((await cancelRequest(owner, another.id, { reason: "Owner says" })).status).toBe(200);
    });
  });

  describe("adding people", () => {
    it("gives the new people their own task like the first ones, skipping those already asked", async () => {
      const { manny, sam, pat, rita, bo } = await team();
      await setTimeZone(rita, "Asia/Tokyo");
      const request = await sendRequest(manny, {
        title: "Review the plan",
        notes: "Section 2",
        due: { date: "2030-06-10" },
        assigneeIds: [sam.id],
      });
      const samTask = taskIdOf(request, sam.id);
      h.clock.advance(60_000);
      const added = await addAssignees(manny, request.id, { assigneeIds: [sam.id, pat.id, rita.id] });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      expect(assigneeIdsOf(added.body)).toEqual([sam.id, pat.id, rita.id].sort());
      expect(taskIdOf(added.body, sam.id)).toBe(samTask);
      expect(await tasksOfRequest(request.id)).toEqual([sam.id, pat.id, rita.id].sort());
      expect(added.body.progress).toEqual({ done: 0, dropped: 0, open: 3, total: 3 });
      expect(await taskOf(rita, taskIdOf(added.body, rita.id))).toMatchObject({
        requestId: request.id,
        requesterId: manny.id,
        title: "Review the plan",
        notes: "Section 2",
        due: { date: "2030-06-10" },
        dueAt: "2030-06-10T15:00:00.000Z",
        state: "open",
        position: 1,
        createdAt: h.clock.now().toISOString(),
      });

      // An admin adds someone outside Manny's chain: Manny still asks, so it lands in Bo's triage.
      const byAdmin = await addAssignees(admin, request.id, { assigneeIds: [bo.id, pat.id] });
      expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200);
      expect(await taskOf(bo, taskIdOf(byAdmin.body, bo.id))).toMatchObject({
        requesterId: manny.id,
        state: "triage",
        position: null,
      });
      expect(await tasksOfRequest(request.id)).toEqual([sam.id, pat.id, rita.id, bo.id].sort());
    });

    it("refuses assignees (403) and anyone on a canceled request (422), adding nothing", async () => {
      const { manny, sam, pat, rita } = await team();
      const request = await sendRequest(manny, { assigneeIds: [sam.id] });
      expectProblem(await addAssignees(sam, request.id, { assigneeIds: [pat.id] }), 403);
      expect(await tasksOfRequest(request.id)).toEqual([sam.id]);

      expect((await cancelRequest(manny, request.id, { reason: "Done without it" })).status).toBe(200);
      const before = await plateRows(h, rita.id);
      expectProblem(await addAssignees(manny, request.id, { assigneeIds: [rita.id] }), 422, "assigneeIds");
      expectProblem(await addAssignees(admin, request.id, { groups: ["everyone_below"] }), 422);
      expect(await tasksOfRequest(request.id)).toEqual([sam.id]);
      expect(await plateRows(h, rita.id)).toEqual(before);
    });
  });
});
