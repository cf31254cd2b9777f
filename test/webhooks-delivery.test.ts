import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { housekeeping } from "../src/server/jobs/housekeeping";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import { addTask, expectProblem } from "./support/tasks";
import {
  addEndpoint,
  type CreatedEndpoint,
  deliver,
  deliveriesOf,
  expectEverySignatureValid,
  type Receiver,
  startReceiver,
  verified,
} from "./support/webhooks";

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

describe.each(dialects)("webhook delivery on %s", (dialect) => {
  const h = useHarness(dialect);
  let receiver: Receiver;
  /** Each test's own organization: an owner, and an admin who makes its endpoint. */
  let owner: Member & { organizationId: string };
  let admin: Member;
  const made: CreatedEndpoint[] = [];

  beforeAll(async () => {
    h.clock.set("2027-05-03T08:00:00.000Z");
    // The receiver listens on 127.0.0.1: these tests run as WEBHOOK_ALLOW_PRIVATE=true would.
    h.ctx.webhooks.allowPrivate = true;
    receiver = await startReceiver(() => h.clock.now());
  });
  afterAll(() => receiver?.close());
  beforeEach(async () => {
    receiver.received.length = 0;
    receiver.answer = () => 204;
    h.ctx.webhooks.timeoutMs = 10_000;
    owner = await founder(h.app, "Olivia Owner");
    admin = await invite(h.app, owner, "Adam Admin", { role: "admin", managerId: owner.id });
  });
  afterEach(async () => {
    // Every request the receiver got was signed with its endpoint's secret.
    expectEverySignatureValid(receiver);
    // What a test left waiting is not sent in the next one's runs.
    for (const endpoint of made.splice(0)) {
      await h.ctx.db.deleteFrom("webhook_endpoint").where("id", "=", endpoint.id).execute();
    }
  });

  /** A new endpoint, at a path of its own, that takes task.created; answers what reached it, verified. */
  async function endpointAt(path: string, by: Member = admin) {
    const endpoint = await addEndpoint(by, receiver.url(path), ["task.created"]);
    made.push(endpoint);
    const sent = () =>
      receiver.received
        .filter((received) => received.path === path)
        .map((received) => verified(endpoint.secret, received));
    return { endpoint, sent };
  }

  /** Runs the delivery job `after` the clock moved by that much. */
  async function deliverAfter(after: number) {
    h.clock.advance(after);
    return deliver(h.ctx);
  }

  it("tries again after 500s with growing waits, with the same webhook-id, until a 2xx", async () => {
    const { endpoint, sent } = await endpointAt("/flaky");
    let calls = 0;
    receiver.answer = (request) => (request.path === "/flaky" && ++calls <= 2 ? 500 : 204);
    const task = await addTask(owner, owner.id, { title: "Retried" });

    expect(await deliver(h.ctx)).toEqual({ delivered: 0, failed: 1 });
    // Not due again before its wait: 5 seconds after the first failure, then 5 minutes.
    expect(await deliverAfter(4 * second)).toEqual({ delivered: 0, failed: 0 });
    expect(await deliverAfter(1 * second)).toEqual({ delivered: 0, failed: 1 });
    expect(await deliverAfter(5 * minute - second)).toEqual({ delivered: 0, failed: 0 });
    expect(await deliverAfter(second)).toEqual({ delivered: 1, failed: 0 });
    const deliveredAt = h.clock.now().toISOString();
    expect(await deliverAfter(hour)).toEqual({ delivered: 0, failed: 0 });

    const attempts = sent();
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((attempt) => attempt.id)).size).toBe(1);
    expect(attempts.map((attempt) => attempt.body.data.id)).toEqual([task.id, task.id, task.id]);
    // Each attempt is signed afresh, at its own time.
    const [firstAt, secondAt, thirdAt] = attempts.map((attempt) => attempt.timestamp);
    expect([(secondAt ?? 0) - (firstAt ?? 0), (thirdAt ?? 0) - (secondAt ?? 0)]).toEqual([5, 5 * 60]);

    const log = await deliveriesOf(owner, endpoint.id);
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      id: attempts[0]?.id,
      type: "task.created",
      status: "delivered",
      nextAttemptAt: null,
      deliveredAt,
      attemptCount: 3,
    });
    expect(log.items[0]?.attempts.map((attempt) => [attempt.status, attempt.error])).toEqual([
      [204, null],
      [500, null],
      [500, null],
    ]);
    const endpointNow = await admin.client.get<{ items: { id: string; failingSince: string | null }[] }>(
      "/api/v1/webhooks",
    );
    expect(endpointNow.body.items.find((item) => item.id === endpoint.id)?.failingSince).toBeNull();
  });

  it("counts no answer within the timeout as a failure, and tries again with the same webhook-id", async () => {
    const { endpoint, sent } = await endpointAt("/slow");
    h.ctx.webhooks.timeoutMs = 200;
    let calls = 0;
    receiver.answer = (request) => (request.path === "/slow" && ++calls === 1 ? "never" : 200);
    await addTask(owner, owner.id, { title: "Slow" });

    expect(await deliver(h.ctx)).toEqual({ delivered: 0, failed: 1 });
    expect(await deliverAfter(5 * second)).toEqual({ delivered: 1, failed: 0 });
    const attempts = sent();
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.id).toBe(attempts[1]?.id);
    const [log] = (await deliveriesOf(owner, endpoint.id)).items;
    expect(log?.attempts.map((attempt) => [attempt.status, attempt.error])).toEqual([
      [200, null],
      [null, "no answer within 0.2 s"],
    ]);
    expect(log?.attempts[1]?.durationMs).toBeGreaterThanOrEqual(190);
  });

  it("follows no redirect: a 3xx is a failed attempt", async () => {
    const { endpoint } = await endpointAt("/moved");
    receiver.answer = (request) =>
      request.path === "/moved" ? { status: 302, location: receiver.url("/elsewhere") } : 204;
    await addTask(owner, owner.id, { title: "Redirected" });
    expect(await deliver(h.ctx)).toEqual({ delivered: 0, failed: 1 });
    expect(receiver.received.map((received) => received.path)).toEqual(["/moved"]);
    const [log] = (await deliveriesOf(owner, endpoint.id)).items;
    expect(log).toMatchObject({ status: "pending", attemptCount: 1 });
    expect(log?.attempts).toEqual([
      {
        at: expect.any(String),
        status: 302,
        error: "redirects are not followed",
        durationMs: expect.any(Number),
      },
    ]);
  });

  it("waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then gives up; an endpoint failing for 24 hours is turned off and its maker told", async () => {
    const { endpoint, sent } = await endpointAt("/down");
    receiver.answer = (request) => (request.path === "/down" ? 503 : 204);
    const start = h.clock.now().getTime();
    await addTask(owner, owner.id, { title: "Never arrives" });

    const waits = [5 * second, 5 * minute, 30 * minute, 2 * hour, 5 * hour, 10 * hour, 10 * hour];
    expect(await deliver(h.ctx)).toMatchObject({ failed: 1 });
    for (const wait of waits) {
      const [pending] = (await deliveriesOf(admin, endpoint.id)).items;
      expect(pending?.status).toBe("pending");
      expect(Date.parse(pending?.nextAttemptAt ?? "") - h.clock.now().getTime()).toBe(wait);
      // A moment early, nothing is sent.
      expect(await deliverAfter(wait - second)).toEqual({ delivered: 0, failed: 0 });
      expect(await deliverAfter(second)).toMatchObject({ failed: 1 });
    }
    // The eighth attempt came 27 h 35 min 5 s after the first failure: the endpoint is off, the delivery failed.
    expect(h.clock.now().getTime() - start).toBe(waits.reduce((sum, wait) => sum + wait, 0));
    expect(sent()).toHaveLength(8);
    expect(new Set(sent().map((attempt) => attempt.id)).size).toBe(1);
    const [failed] = (await deliveriesOf(admin, endpoint.id)).items;
    expect(failed).toMatchObject({ status: "failed", nextAttemptAt: null, attemptCount: 8 });
    const listed = await admin.client.get<{ items: Record<string, unknown>[] }>("/api/v1/webhooks");
    expect(listed.body.items.find((item) => item.id === endpoint.id)).toMatchObject({
      enabled: false,
      disabledReason: "failing",
      disabledAt: h.clock.now().toISOString(),
      failingSince: new Date(start).toISOString(),
    });
    expect(await deliverAfter(24 * hour)).toEqual({ delivered: 0, failed: 0 });

    // Its maker hears of it in their inbox, and their digest says so; nobody else does.
    const inbox = await admin.client.get<{ items: Record<string, unknown>[] }>("/api/v1/inbox");
    expect(inbox.body.items.filter((item) => item.kind === "webhook.disabled")).toEqual([
      expect.objectContaining({
        kind: "webhook.disabled",
        webhookId: endpoint.id,
        title: `http://127.0.0.1:${receiver.port}`,
        readAt: null,
      }),
    ]);
    const digest = await admin.client.get<{ text: string }>("/api/v1/me/digest/preview");
    expect(digest.body.text).toContain(
      `The webhook to “http://127.0.0.1:${receiver.port}” was turned off after failing for 24 hours`,
    );
    const ownersInbox = await owner.client.get<{ items: { kind: string }[] }>("/api/v1/inbox");
    expect(ownersInbox.body.items.map((item) => item.kind)).not.toContain("webhook.disabled");
  });

  it("turns an endpoint off once it has failed for 24 hours without a success, not before; a success starts the count again", async () => {
    // Made by the organization's owner: they are told.
    const team = owner;
    const { endpoint } = await endpointAt("/failing", team);
    const status = async () =>
      (await team.client.get<{ items: Record<string, unknown>[] }>("/api/v1/webhooks")).body.items.find(
        (item) => item.id === endpoint.id,
      );
    receiver.answer = (request) => (request.path === "/failing" ? 500 : 204);
    const start = h.clock.now();
    await addTask(team, team.id, { title: "First" });
    await deliver(h.ctx);
    expect(await status()).toMatchObject({ enabled: true, failingSince: start.toISOString() });

    // A success clears the run of failures; the next failure starts a new one.
    receiver.answer = () => 204;
    await deliverAfter(5 * second);
    expect(await status()).toMatchObject({ enabled: true, failingSince: null });
    receiver.answer = (request) => (request.path === "/failing" ? 500 : 204);
    await addTask(team, team.id, { title: "Second" });
    const newRun = h.clock.now().toISOString();
    await deliver(h.ctx);
    expect(await status()).toMatchObject({ enabled: true, failingSince: newRun });

    // A day less a second of failures: still on.
    h.clock.set(new Date(Date.parse(newRun) + 24 * hour - second));
    await addTask(team, team.id, { title: "Third" });
    await deliver(h.ctx);
    expect(await status()).toMatchObject({ enabled: true });
    // A day: off, and what was waiting fails unsent; nothing new is queued for it.
    h.clock.advance(second);
    await addTask(team, team.id, { title: "Fourth" });
    const before = receiver.received.length;
    await deliver(h.ctx);
    expect(await status()).toMatchObject({ enabled: false, disabledReason: "failing" });
    await addTask(team, team.id, { title: "Fifth" });
    expect(await deliverAfter(30 * hour)).toEqual({ delivered: 0, failed: 0 });
    expect(receiver.received.length - before).toBe(1);
    const log = await deliveriesOf(team, endpoint.id);
    expect(log.items.map((item) => [item.status])).toEqual([
      ["failed"],
      ["failed"],
      ["failed"],
      ["delivered"],
    ]);
    // Its maker is told once.
    const inbox = await team.client.get<{ items: { kind: string }[] }>("/api/v1/inbox");
    expect(inbox.body.items.filter((item) => item.kind === "webhook.disabled")).toHaveLength(1);
  });

  it("sends a delivery again on request: due at once, the same webhook-id, its attempts kept", async () => {
    const { endpoint, sent } = await endpointAt("/again");
    await addTask(owner, owner.id, { title: "Twice" });
    expect(await deliver(h.ctx)).toMatchObject({ delivered: 1 });
    const [delivered] = (await deliveriesOf(owner, endpoint.id)).items;
    h.clock.advance(hour);

    const again = await owner.client.post(
      `/api/v1/webhooks/${endpoint.id}/deliveries/${delivered?.id}/retry`,
    );
    expect(again.status, JSON.stringify(again.body)).toBe(202);
    expect(again.body).toMatchObject({
      id: delivered?.id,
      status: "pending",
      nextAttemptAt: h.clock.now().toISOString(),
      attemptCount: 1,
    });
    expect(await deliver(h.ctx)).toMatchObject({ delivered: 1 });
    const attempts = sent();
    expect(attempts.map((attempt) => attempt.id)).toEqual([delivered?.id, delivered?.id]);
    expect(attempts[1]?.timestamp).toBe((attempts[0]?.timestamp ?? 0) + 3600);
    const [after] = (await deliveriesOf(owner, endpoint.id)).items;
    expect(after).toMatchObject({ status: "delivered", attemptCount: 2 });

    expectProblem(
      await owner.client.post(`/api/v1/webhooks/${endpoint.id}/deliveries/msg_unknown/retry`),
      404,
    );
    expectProblem(
      await owner.client.post(`/api/v1/webhooks/${endpoint.id}/deliveries/not-a-message/retry`),
      400,
    );
    await owner.client.patch(`/api/v1/webhooks/${endpoint.id}`, { enabled: false });
    expectProblem(
      await owner.client.post(`/api/v1/webhooks/${endpoint.id}/deliveries/${delivered?.id}/retry`),
      422,
    );
    const audit = await owner.client.get<{ items: { action: string }[] }>("/api/v1/audit?limit=200");
    expect(audit.body.items.map((item) => item.action)).toContain("webhook.resent");
  });

  it("sends nothing more to an endpoint once it is deleted", async () => {
    const { endpoint } = await endpointAt("/deleted");
    await addTask(owner, owner.id, { title: "Queued" });
    await addTask(owner, owner.id, { title: "Queued too" });
    expect((await owner.client.delete(`/api/v1/webhooks/${endpoint.id}`)).status).toBe(204);
    await deliver(h.ctx);
    await deliverAfter(hour);
    expect(receiver.received.filter((received) => received.path === "/deleted")).toEqual([]);
    const left = await h.ctx.db
      .selectFrom("webhook_delivery")
      .select("id")
      .where("endpoint_id", "=", endpoint.id)
      .execute();
    expect(left).toEqual([]);
  });

  it("lists deliveries newest first, a page at a time, each with its attempts", async () => {
    const { endpoint } = await endpointAt("/log");
    const tasks = [];
    for (const title of ["One", "Two", "Three"]) {
      tasks.push(await addTask(owner, owner.id, { title }));
      h.clock.advance(second);
    }
    await deliver(h.ctx);
    const first = await deliveriesOf(owner, endpoint.id, "?limit=2");
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = await deliveriesOf(owner, endpoint.id, `?limit=2&cursor=${first.nextCursor}`);
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeUndefined();
    const all = [...first.items, ...rest.items];
    expect(all.map((item) => item.createdAt)).toEqual(
      [...all.map((item) => item.createdAt)].sort().reverse(),
    );
    for (const item of all) {
      expect(item).toMatchObject({ type: "task.created", status: "delivered", attemptCount: 1 });
      expect(item.attempts).toEqual([
        { at: expect.any(String), status: 204, error: null, durationMs: expect.any(Number) },
      ]);
    }
    expectProblem(await owner.client.get(`/api/v1/webhooks/${endpoint.id}/deliveries?cursor=nonsense`), 400);
    expectProblem(await owner.client.get(`/api/v1/webhooks/${endpoint.id}/deliveries?limit=101`), 400);
  });

  it("forgets finished deliveries after 30 days; what is pending stays", async () => {
    const { endpoint } = await endpointAt("/kept");
    await addTask(owner, owner.id, { title: "Delivered long ago" });
    await deliver(h.ctx);
    receiver.answer = (request) => (request.path === "/kept" ? 500 : 204);
    h.clock.advance(second);
    await addTask(owner, owner.id, { title: "Still trying" });
    await deliver(h.ctx);
    const statuses = async () =>
      (
        await h.ctx.db
          .selectFrom("webhook_delivery")
          .select("status")
          .where("endpoint_id", "=", endpoint.id)
          .orderBy("created_at")
          .execute()
      ).map((row) => row.status);
    expect(await statuses()).toEqual(["delivered", "pending"]);
    h.clock.advance(29 * 24 * hour);
    await housekeeping(h.ctx);
    expect(await statuses()).toEqual(["delivered", "pending"]);
    h.clock.advance(2 * 24 * hour);
    await housekeeping(h.ctx);
    expect(await statuses()).toEqual(["pending"]);
    const attempts = await h.ctx.db
      .selectFrom("webhook_attempt")
      .select("delivery_id")
      .where("endpoint_id", "=", endpoint.id)
      .execute();
    expect(attempts).toHaveLength(1);
  });
});
