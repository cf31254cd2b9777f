import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Task } from "../src/contract/tasks";
import { openDatabase } from "../src/server/db/connect";
import { insertTask } from "../src/server/tasks/write-store";
import { taskEvent } from "../src/server/webhooks/task-event";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { giveFeedback } from "./support/feedback";
import { changeGoal, checkIn, goalOf, setGoal } from "./support/goals";
import { useHarness } from "./support/harness";
import { addPoints, changeMeeting, nextMeetingOf, setUpOneOnOne } from "./support/one-on-ones";
import { marker, writeNote } from "./support/private-notes";
import { requestOf, sendRequest, taskIdOf } from "./support/requests";
import { addTask, changeTask, expectProblem, patchTask, taskOf } from "./support/tasks";
import {
  addEndpoint,
  allEvents,
  type CreatedEndpoint,
  deliver,
  expectEverySignatureValid,
  type Receiver,
  rememberEndpoint,
  startReceiver,
  type VerifiedEvent,
  verified,
} from "./support/webhooks";

/** Monday 1 March 2027, 09:00 UTC. */
const monday = "2027-03-01T09:00:00.000Z";

describe.each(dialects)("webhooks on %s", (dialect) => {
  const written: string[] = [];
  const h = useHarness(dialect, {
    // The application's real logger: no secret of a webhook may reach it.
    logger: { level: "trace", stream: { write: (line: string) => written.push(line) } },
  });
  let receiver: Receiver;
  let owner: Member & { organizationId: string };
  let admin: Member;
  let manager: Member;
  let report: Member;
  let outsider: Member & { organizationId: string };

  beforeAll(async () => {
    h.clock.set(monday);
    // The receiver listens on 127.0.0.1: these tests run as WEBHOOK_ALLOW_PRIVATE=true would.
    h.ctx.webhooks.allowPrivate = true;
    receiver = await startReceiver(() => h.clock.now());
    owner = await founder(h.app, "Olivia Owner");
    admin = await invite(h.app, owner, "Adam Admin", { role: "admin", managerId: owner.id });
    manager = await invite(h.app, owner, "Manny Manager", { managerId: owner.id });
    report = await invite(h.app, owner, "Rita Report", { managerId: manager.id });
    outsider = await founder(h.app, "Xena Outsider");
  });
  afterAll(() => receiver?.close());
  // Every request the receiver got was signed with its endpoint's secret.
  afterEach(() => expectEverySignatureValid(receiver));

  describe("endpoints", () => {
    it("are made by an owner or admin, with a secret shown once and never again, nowhere", async () => {
      const answer = await admin.client.post<CreatedEndpoint & Record<string, unknown>>("/api/v1/webhooks", {
        url: receiver.url("/crud"),
        events: ["task.created", "goal.updated", "task.created"],
        description: "Billing sync",
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      const created = rememberEndpoint(answer.body);
      expect(created).toEqual({
        id: expect.any(String),
        url: receiver.url("/crud"),
        events: ["task.created", "goal.updated"],
        description: "Billing sync",
        enabled: true,
        createdAt: monday,
        createdBy: admin.id,
        failingSince: null,
        disabledAt: null,
        disabledReason: null,
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]+=*$/),
      });
      // 256 random bits, as the Standard Webhooks specification's base64.
      expect(Buffer.from(created.secret.slice("whsec_".length), "base64")).toHaveLength(32);

      const listed = await owner.client.get<{ items: Record<string, unknown>[] }>("/api/v1/webhooks");
      expect(listed.status).toBe(200);
      const { secret, ...shown } = created;
      expect(listed.body.items).toContainEqual(shown);
      const changed = await admin.client.patch(`/api/v1/webhooks/${created.id}`, { description: "Billing" });
      const deliveries = await admin.client.get(`/api/v1/webhooks/${created.id}/deliveries`);
      const audit = await owner.client.get("/api/v1/audit?limit=200");
      for (const later of [listed, changed, deliveries, audit]) {
        expect(later.status).toBe(200);
        expect(JSON.stringify(later.body)).not.toContain(secret);
      }
      expect(changed.body).not.toHaveProperty("secret");
      expect(written.join("")).not.toContain(secret);
    });

    it("are listed, changed, turned off and on, and deleted; each change is in the audit log", async () => {
      // Each change a second after the one before: the audit log lists them newest first.
      const later = () => h.clock.advance(1000);
      h.clock.set("2027-03-01T09:04:55.000Z");
      const endpoint = await addEndpoint(owner, receiver.url("/lifecycle"), ["task.created"]);
      const path = `/api/v1/webhooks/${endpoint.id}`;
      later();
      const events = await owner.client.patch(path, { events: ["task.completed", "task.dropped"] });
      expect(events.status, JSON.stringify(events.body)).toBe(200);
      expect(events.body).toMatchObject({ events: ["task.completed", "task.dropped"], enabled: true });

      h.clock.set("2027-03-01T09:05:00.000Z");
      const off = await admin.client.patch(path, { enabled: false });
      expect(off.body).toMatchObject({
        enabled: false,
        disabledAt: "2027-03-01T09:05:00.000Z",
        disabledReason: "requested",
      });
      later();
      const on = await admin.client.patch(path, { enabled: true });
      expect(on.body).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null });
      const unchanged = await admin.client.patch(path, {
        enabled: true,
        events: ["task.dropped", "task.completed"],
      });
      expect(unchanged.body).toEqual(on.body);

      later();
      expect((await owner.client.delete(path)).status).toBe(204);
      const listed = await owner.client.get<{ items: { id: string }[] }>("/api/v1/webhooks");
      expect(listed.body.items.map((item) => item.id)).not.toContain(endpoint.id);
      expectProblem(await owner.client.delete(path), 404);
      expectProblem(await owner.client.patch(path, { description: "gone" }), 404);
      expectProblem(await owner.client.get(`${path}/deliveries`), 404);

      const audit = await owner.client.get<{ items: { action: string; to?: unknown; from?: unknown }[] }>(
        "/api/v1/audit?limit=200",
      );
      const about = audit.body.items.filter((item) => JSON.stringify(item).includes(endpoint.id));
      expect(about.map((item) => item.action)).toEqual([
        "webhook.deleted",
        "webhook.changed",
        "webhook.changed",
        "webhook.changed",
        "webhook.created",
      ]);
      // An address's path may hold a secret of the receiver's: the log keeps only where it goes.
      expect(JSON.stringify(about)).not.toContain("/lifecycle");
      expect(JSON.stringify(about)).toContain(`http://127.0.0.1:${receiver.port}`);
      h.clock.set(monday);
    });

    it("answer 403 to members of the organization and 404 to everyone else", async () => {
      const endpoint = await addEndpoint(owner, receiver.url("/access"), ["task.created"]);
      const path = `/api/v1/webhooks/${endpoint.id}`;
      expectProblem(await manager.client.get("/api/v1/webhooks"), 403);
      expectProblem(
        await manager.client.post("/api/v1/webhooks", { url: receiver.url(), events: ["task.created"] }),
        403,
      );
      expectProblem(await report.client.patch(path, { enabled: false }), 403);
      expectProblem(await report.client.delete(path), 403);
      expectProblem(await outsider.client.patch(path, { enabled: false }), 404);
      expectProblem(await outsider.client.delete(path), 404);
      expectProblem(await outsider.client.get(`${path}/deliveries`), 404);
      const theirs = await outsider.client.get<{ items: { id: string }[] }>("/api/v1/webhooks");
      expect(theirs.body.items.map((item) => item.id)).not.toContain(endpoint.id);
      expect((await endpointRow(endpoint.id)).disabled_at).toBeNull();
    });

    it("refuse an address that is not http(s), too long, or holds credentials: 422, and nothing is made", async () => {
      const before = await endpointCount();
      const refused = [
        ["ftp://files.example.com/hook", "The address must start with https:// or http://"],
        ["javascript:alert(1)", "The address must start with https:// or http://"],
        [
          "hooks.example.com/docket",
          "The address must be absolute, such as https://hooks.example.com/docket",
        ],
        [`https://hooks.example.com/${"a".repeat(2048)}`, "The address must be at most 2,048 characters"],
        ["https://user:password@hooks.example.com/", "The address must not hold a user name or password"],
        ["https://token@hooks.example.com/", "The address must not hold a user name or password"],
        [
          " https://hooks.example.com/",
          "The address must be a single address, without spaces around it or control characters",
        ],
        [
          "https://hooks.example.com/\nx",
          "The address must be a single address, without spaces around it or control characters",
        ],
      ];
      for (const [url, message] of refused) {
        const answer = await owner.client.post("/api/v1/webhooks", { url, events: ["task.created"] });
        const problem = expectProblem(answer, 422, "url");
        expect(problem.detail, url).toBe(message);
      }
      for (const body of [
        { url: receiver.url(), events: [] },
        { url: receiver.url(), events: ["task.exploded"] },
        { url: receiver.url() },
        { url: receiver.url(), events: ["task.created"], description: "two\nlines" },
        { url: receiver.url(), events: ["task.created"], description: "d".repeat(501) },
        { url: receiver.url(), events: ["task.created"], secret: "whsec_mine" },
      ]) {
        expectProblem(await owner.client.post("/api/v1/webhooks", body), 400);
      }
      expect(await endpointCount()).toBe(before);
    });

    it("are at most 20 per organization: 422 beyond", async () => {
      const team = await founder(h.app, "Carla Capped");
      for (let index = 0; index < 20; index++)
        await addEndpoint(team, receiver.url(`/cap/${index}`), ["task.created"]);
      const answer = await team.client.post("/api/v1/webhooks", {
        url: receiver.url("/cap/20"),
        events: ["task.created"],
      });
      expectProblem(answer, 422);
      const listed = await team.client.get<{ items: unknown[] }>("/api/v1/webhooks");
      expect(listed.body.items).toHaveLength(20);
    });
  });

  describe("events", () => {
    let all: CreatedEndpoint;
    let completedOnly: CreatedEndpoint;
    let elsewhere: CreatedEndpoint;
    const secrets = () => [all.secret, completedOnly.secret, elsewhere.secret];

    beforeAll(async () => {
      all = await addEndpoint(admin, receiver.url("/all"), allEvents);
      completedOnly = await addEndpoint(owner, receiver.url("/completed"), ["task.completed"]);
      elsewhere = await addEndpoint(outsider, receiver.url("/elsewhere"), allEvents);
      receiver.received.length = 0;
    });

    /** Everything sent to `path` so far, each verified with its endpoint's secret. */
    const sentTo = (path: string, endpoint: CreatedEndpoint): VerifiedEvent[] =>
      receiver.received
        .filter((received) => received.path === path)
        .map((received) => verified(endpoint.secret, received));
    const ofType = (events: VerifiedEvent[], type: string, id: string) =>
      events.filter((event) => event.type === type && event.body.data.id === id);

    it("are sent for every kind of change, with the object as the API answers it, signed, once per endpoint", async () => {
      h.clock.set(monday);
      const step = () => h.clock.advance(1000);
      const privateNote = marker("privatenote");
      const privateFeedback = marker("privatefeedback");

      // Tasks: created (at #1 and #2), reworded, completed, dropped.
      const first = await addTask(manager, report.id, { title: "Write the brief" });
      step();
      const second = await addTask(manager, report.id, { title: "Book the venue" });
      step();
      const reworded = await changeTask(report, first, { title: "Write the short brief" });
      step();
      const completed = await changeTask(report, reworded, { state: "done" });
      step();
      const dropped = await changeTask(manager, second, { state: "dropped", dropReason: "Not this year" });
      step();

      // A request to two people: created, then completed when the last of its tasks is done.
      const request = await sendRequest(owner, {
        title: "Sign the policy",
        assigneeIds: [manager.id, report.id],
      });
      step();
      const managersTask = await changeTask(manager, await taskOf(manager, taskIdOf(request, manager.id)), {
        state: "done",
      });
      step();
      const reportsTask = await changeTask(report, await taskOf(report, taskIdOf(request, report.id)), {
        state: "done",
      });
      const requestDone = await requestOf(owner, request.id);
      step();

      // A one-on-one held: its private note, shared notes and talking points stay the pair's.
      const series = await setUpOneOnOne(manager, report.id);
      const meeting = await nextMeetingOf(report, series);
      await writeNote(report, meeting.id, `Ask about the raise ${privateNote}`);
      await addPoints(report, meeting.id, ["Career path"]);
      const notes = await changeMeeting(manager, meeting, { sharedNotes: "Agreed on the plan" });
      const held = await changeMeeting(manager, notes, { state: "held" });
      step();

      // A goal changed, then checked in on; private feedback is never sent.
      const goal = await setGoal(manager, report.id, { title: "Ship onboarding" });
      const retitled = await changeGoal(manager, goal, { title: "Ship the new onboarding" });
      step();
      await checkIn(report, goal.id, { status: "at_risk", note: "Waiting on design" });
      const checkedIn = await goalOf(manager, goal.id);
      await giveFeedback(manager, {
        toId: report.id,
        body: `Great work ${privateFeedback}`,
        visibility: "private",
      });

      const report1 = await deliver(h.ctx);
      expect(report1).toEqual({ delivered: expect.any(Number), failed: 0 });

      const events = sentTo("/all", all);
      const expectOne = (type: string, id: string, data: unknown) => {
        const found = ofType(events, type, id);
        expect(found, `${type} of ${id}`).toHaveLength(1);
        expect(found[0]?.body.data, `${type} of ${id}`).toEqual(data);
      };
      expectOne("task.created", first.id, first);
      expectOne("task.created", second.id, second);
      expect(second.position).toBe(2);
      expectOne("task.updated", first.id, reworded);
      expectOne("task.completed", first.id, completed);
      expectOne("task.dropped", second.id, dropped);
      expectOne("request.created", request.id, request);
      expectOne("task.completed", managersTask.id, managersTask);
      expectOne("task.completed", reportsTask.id, reportsTask);
      expectOne("request.completed", request.id, requestDone);
      expect(requestDone.progress).toEqual({ done: 2, dropped: 0, open: 0, total: 2 });
      expectOne("meeting.held", meeting.id, {
        id: meeting.id,
        seriesId: series.id,
        participantIds: series.participantIds,
        scheduledAt: held.scheduledAt,
        endsAt: held.endsAt,
        state: "held",
        version: held.version,
      });
      const goalEvents = events.filter((event) => event.type === "goal.updated");
      expect(goalEvents.map((event) => event.body.data)).toEqual(
        expect.arrayContaining([retitled, checkedIn]),
      );
      expect(goalEvents).toHaveLength(2);
      // One event per change, each once: the request's tasks were created with it.
      expect(events.filter((event) => event.type === "task.created")).toHaveLength(4);
      expect(events).toHaveLength(4 + 1 + 3 + 1 + 1 + 1 + 1 + 2);
      for (const event of events) {
        expect(event.body.timestamp).toMatch(/^2027-03-01T09:00:\d\d\.000Z$/);
        expect(event.id).toMatch(/^msg_[0-9a-f]{32}$/);
        expect(event.timestamp).toBe(Math.floor(h.clock.now().getTime() / 1000));
      }
      expect(new Set(events.map((event) => event.id)).size).toBe(events.length);

      // The endpoint that takes only completions got exactly those, with the same ids.
      const completions = sentTo("/completed", completedOnly);
      expect(completions.map((event) => event.type)).toEqual([
        "task.completed",
        "task.completed",
        "task.completed",
      ]);
      const completionIds = events
        .filter((event) => event.type === "task.completed")
        .map((event) => event.id);
      expect(completions.map((event) => event.id).sort()).toEqual(completionIds.sort());
      // Another organization's endpoint hears nothing of this one.
      expect(sentTo("/elsewhere", elsewhere)).toEqual([]);

      // No body carries a private note, private feedback, or what the pair wrote for themselves.
      for (const received of receiver.received) {
        for (const text of [
          privateNote,
          privateFeedback,
          "Agreed on the plan",
          "Career path",
          "Ask about the raise",
        ]) {
          expect(received.body).not.toContain(text);
        }
      }
      // Each came with the headers of the specification.
      for (const received of receiver.received) {
        expect(received.headers["content-type"]).toBe("application/json");
        expect(received.headers["user-agent"]).toMatch(/^Docket-Webhooks\//);
      }
      // Exactly one queue row per event and endpoint.
      const rows = await h.ctx.db
        .selectFrom("webhook_delivery")
        .select(["endpoint_id", "status"])
        .where("endpoint_id", "in", [all.id, completedOnly.id, elsewhere.id])
        .execute();
      expect(rows.filter((row) => row.endpoint_id === all.id)).toHaveLength(events.length);
      expect(rows.filter((row) => row.endpoint_id === completedOnly.id)).toHaveLength(3);
      expect(rows.every((row) => row.status === "delivered")).toBe(true);
      for (const secret of secrets()) expect(written.join("")).not.toContain(secret);
    });

    it("tell a task's place on its plate as the task's answer does, whatever moved around it", async () => {
      receiver.received.length = 0;
      const top = await addTask(manager, report.id, { title: "Top", placement: "top" });
      const below = await addTask(manager, report.id, { title: "Below", placement: "bottom" });
      const moved = await patchTask(report, below.id, { version: below.version, title: "Below, reworded" });
      expect(moved.status).toBe(200);
      const raised = await report.client.post<Task>(`/api/v1/tasks/${below.id}/move`, {
        version: moved.body.version,
        placement: "top",
      });
      expect(raised.status, JSON.stringify(raised.body)).toBe(200);
      await deliver(h.ctx);
      const events = sentTo("/all", all);
      const dataOf = (type: string, id: string) => ofType(events, type, id).map((event) => event.body.data);
      expect(dataOf("task.created", top.id)).toEqual([top]);
      expect(top.position).toBe(1);
      expect(dataOf("task.created", below.id)).toEqual([below]);
      const updates = dataOf("task.updated", below.id);
      expect(updates).toEqual(expect.arrayContaining([moved.body, raised.body]));
      expect(raised.body.position).toBe(1);
    });

    it("never tell of a canceled request as completed, though its last open task is dropped", async () => {
      receiver.received.length = 0;
      const request = await sendRequest(owner, {
        title: "Plan the offsite",
        assigneeIds: [manager.id, report.id],
      });
      await changeTask(manager, await taskOf(manager, taskIdOf(request, manager.id)), { state: "done" });
      const canceled = await owner.client.post(`/api/v1/requests/${request.id}/cancel`, { reason: "Off" });
      expect(canceled.status, JSON.stringify(canceled.body)).toBe(200);
      await deliver(h.ctx);
      const events = sentTo("/all", all);
      expect(ofType(events, "task.dropped", taskIdOf(request, report.id))).toHaveLength(1);
      expect(events.filter((event) => event.type === "request.completed")).toEqual([]);
    });

    it("are queued with the change or not at all: a refused change queues nothing", async () => {
      const before = await deliveryCount(all.id);
      const stale = await patchTask(report, (await addTask(report, report.id, { title: "Mine" })).id, {
        version: 99,
        title: "Too late",
      });
      expectProblem(stale, 409);
      expect(await deliveryCount(all.id)).toBe(before + 1);
      const turnedOff = await admin.client.patch<{ enabled: boolean }>(`/api/v1/webhooks/${all.id}`, {
        enabled: false,
      });
      expect(turnedOff.body.enabled).toBe(false);
      await addTask(report, report.id, { title: "While it is off" });
      expect(await deliveryCount(all.id)).toBe(before + 1);
      await admin.client.patch(`/api/v1/webhooks/${all.id}`, { enabled: true });
    });
  });

  if (dialect === "postgres") {
    it("writes a task's deliveries with its row, history and inbox entries: one statement on PostgreSQL", async () => {
      const endpoint = await addEndpoint(owner, receiver.url("/folded"), ["task.created"]);
      const at = h.clock.now().toISOString();
      const row = {
        id: `folded-${Date.now()}`,
        organization_id: owner.organizationId,
        owner_id: report.id,
        requester_id: report.id,
        request_id: null,
        meeting_id: null,
        goal_id: null,
        title: "Folded",
        notes: "",
        state: "open" as const,
        rank: "zzzz",
        due_date: null,
        due_at: null,
        urgent: false,
        created_at: at,
        updated_at: at,
      };
      // A connection of its own: every statement it has prepared is one this write ran.
      const fresh = openDatabase(h.database.url, { poolSize: 1 });
      let prepared: string[];
      try {
        prepared = await fresh.db.transaction().execute(async (trx) => {
          await insertTask(trx, "postgres", row, {
            history: [
              { task_id: row.id, actor_id: report.id, at, kind: "created", from_value: null, to_value: "1" },
            ],
            entries: [],
            webhooks: [taskEvent(row, [{ kind: "created", to: 1 }], at)],
          });
          const statements = sql<{ statement: string }>`select statement from pg_prepared_statements`;
          return (await statements.execute(trx)).rows.map((entry) => entry.statement);
        });
      } finally {
        await fresh.close();
      }
      expect(prepared).toHaveLength(1);
      expect(prepared[0]).toMatch(/"along_2" as \(insert into "webhook_delivery" .*\) insert into "task" /s);
      const queued = await h.ctx.db
        .selectFrom("webhook_delivery")
        .select(["payload"])
        .where("endpoint_id", "=", endpoint.id)
        .execute();
      expect(queued).toHaveLength(1);
      expect(JSON.parse(queued[0]?.payload ?? "{}")).toMatchObject({
        type: "task.created",
        data: { id: row.id, title: "Folded", version: 1, state: "open" },
      });
    });
  }

  async function endpointCount(): Promise<number> {
    const rows = await h.ctx.db.selectFrom("webhook_endpoint").select("id").execute();
    return rows.length;
  }

  async function deliveryCount(endpointId: string): Promise<number> {
    const rows = await h.ctx.db
      .selectFrom("webhook_delivery")
      .select("id")
      .where("endpoint_id", "=", endpointId)
      .execute();
    return rows.length;
  }

  async function endpointRow(id: string) {
    return h.ctx.db.selectFrom("webhook_endpoint").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  }
});
