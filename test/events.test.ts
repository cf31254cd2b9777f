import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { EventStream } from "./support/event-stream";
import { founder, invite, type Member, signIn } from "./support/factories";
import { useHarness } from "./support/harness";
import { secondInstance } from "./support/second-instance";

describe.each(dialects)("live events on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member;
  let report: Member;
  let peer: Member;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    await h.app.listen({ port: 0, host: "127.0.0.1" });
    owner = await founder(h.app, "Olivia Owner");
    report = await invite(h.app, owner, "Rita Report", { managerId: owner.id });
    peer = await invite(h.app, owner, "Pete Peer", { managerId: owner.id });
  });
  afterAll(() => {
    for (const stream of streams) stream.close();
  });

  const open = async (member: Member, app: FastifyInstance = h.app) => {
    const stream = await EventStream.open(app, member.client.credentials.cookie ?? "");
    streams.push(stream);
    return stream;
  };

  it("refuses a stream to someone not signed in", async () => {
    const answer = await h.app.inject({ method: "GET", url: "/api/v1/events" });
    expect(answer.statusCode).toBe(401);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("tells the owner and their manager of a change, and nobody else", async () => {
    const [ownerStream, reportStream, peerStream] = await Promise.all([
      open(owner),
      open(report),
      open(peer),
    ]);
    const added = await owner.client.post<{ id: string }>(`/api/v1/people/${report.id}/tasks`, {
      title: "Plan Q1",
    });
    expect(added.status).toBe(201);
    const isAdded = (event: { data: Record<string, unknown> }) => event.data.taskId === added.body.id;
    const [seenByReport, seenByOwner] = await Promise.all([
      reportStream.next(isAdded),
      ownerStream.next(isAdded),
    ]);
    expect(seenByReport).toEqual({
      event: "task.changed",
      data: { taskId: added.body.id, ownerId: report.id, at: expect.any(String) },
    });
    expect(seenByOwner.data.ownerId).toBe(report.id);

    // A later change to the peer's own plate reaches the peer: by then, the first one would have too.
    const own = await peer.client.post<{ id: string }>(`/api/v1/people/${peer.id}/tasks`, { title: "Mine" });
    await peerStream.next((event) => event.data.taskId === own.body.id);
    expect(peerStream.events.some(isAdded)).toBe(false);
  });

  it("tells the requester of what happens to their ask", async () => {
    const peerStream = await open(peer);
    const asked = await peer.client.post<{ id: string; state: string }>(`/api/v1/people/${report.id}/tasks`, {
      title: "Review my draft",
    });
    expect(asked.body.state).toBe("triage");
    const ofAsk = (event: { data: Record<string, unknown> }) => event.data.taskId === asked.body.id;
    await peerStream.next(ofAsk);
    h.clock.advance(60_000);
    const declined = await report.client.post<{ droppedAt: string }>(
      `/api/v1/tasks/${asked.body.id}/decline`,
      {
        reason: "Not mine",
      },
    );
    expect(declined.status).toBe(200);
    const seen = await peerStream.next((event) => ofAsk(event) && event.data.at === declined.body.droppedAt);
    expect(seen.data.ownerId).toBe(report.id);
  });
  it("tells the plate's viewers when a date due falls due elsewhere because its owner moved", async () => {
    const dated = await owner.client.post<{ id: string }>(`/api/v1/people/${report.id}/tasks`, {
      title: "Due on a date",
      due: { date: "2031-05-01" },
    });
    const ownerStream = await open(owner);
    h.clock.advance(60_000);
    expect((await report.client.patch("/api/v1/me", { timeZone: "Asia/Tokyo" })).status).toBe(200);
    const seen = await ownerStream.next(
      (event) => event.data.taskId === dated.body.id && event.data.at === h.clock.now().toISOString(),
    );
    expect(seen.data.ownerId).toBe(report.id);
  });

  it("ends a stream when the token behind it is revoked, and when the session signs out", async () => {
    const created = await report.client.post<{ id: string; token: string }>("/api/v1/tokens", {
      name: "feed",
    });
    expect(created.status).toBe(201);
    const byToken = await EventStream.open(h.app, { token: created.body.token });
    streams.push(byToken);
    expect((await report.client.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    await byToken.ended();

    const session = await signIn(h.app, report.email);
    const bySession = await EventStream.open(h.app, session.credentials.cookie ?? "");
    streams.push(bySession);
    expect((await session.post("/api/auth/sign-out", {})).status).toBe(200);
    await bySession.ended();
  });
});

describe.each(dialects)("live event streams are bounded on %s", (dialect) => {
  // The API's 20 per person, and a server that holds 25 streams in all.
  const h = useHarness(dialect, { limits: { liveStreamsPerInstance: 25 } });
  const streams: EventStream[] = [];
  beforeAll(() => h.app.listen({ port: 0, host: "127.0.0.1" }));
  afterAll(() => {
    for (const stream of streams) stream.close();
  });

  const openMany = async (cookie: string, count: number) => {
    for (let i = 0; i < count; i++) streams.push(await EventStream.open(h.app, cookie));
  };
  const refused = async (cookie: string) => {
    const answer = await h.app.inject({ method: "GET", url: "/api/v1/events", headers: { cookie } });
    expect(answer.statusCode).toBe(429);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
    return answer.json<{ status: number; detail: string }>();
  };

  it("answers 429 past 20 streams of one person, on any of their sessions, and 200 again once one ends", async () => {
    const owner = await founder(h.app, "Olivia Owner");
    const cookie = owner.client.credentials.cookie ?? "";
    const second = await signIn(h.app, owner.email);
    await openMany(cookie, 19);
    const onSecond = await EventStream.open(h.app, second.credentials.cookie ?? "");
    streams.push(onSecond);
    expect((await refused(cookie)).detail).toMatch(/20 live update streams open/);
    expect((await refused(second.credentials.cookie ?? "")).status).toBe(429);

    // Someone else still gets theirs.
    const other = await invite(h.app, owner, "Rita Report", { managerId: owner.id });
    await openMany(other.client.credentials.cookie ?? "", 1);

    // Signing the second session out ends its stream, which frees its place.
    expect((await second.post("/api/auth/sign-out", {})).status).toBe(200);
    await onSecond.ended();
    await openMany(cookie, 1);
    expect((await refused(cookie)).status).toBe(429);
  });

  it("answers 429 to anyone once the server holds its limit of streams in all", async () => {
    const owner = await founder(h.app, "Nina Newcomer");
    // 21 streams are open from the test before; four more fill the server.
    await openMany(owner.client.credentials.cookie ?? "", 4);
    const late = await invite(h.app, owner, "Larry Late", { managerId: owner.id });
    expect((await refused(late.client.credentials.cookie ?? "")).detail).toMatch(
      /This server holds as many live update streams as it can/,
    );
  });
});

describe("live events across instances on postgres", () => {
  const h = useHarness("postgres");

  it("carries an event made on one instance to a stream on another", async () => {
    const owner = await founder(h.app, "Olivia Owner");
    const report = await invite(h.app, owner, "Rita Report", { managerId: owner.id });
    const second = await secondInstance(h.database.url);
    try {
      const reportStream = await EventStream.open(second.app, report.client.credentials.cookie ?? "");
      const added = await owner.client.post<{ id: string }>(`/api/v1/people/${report.id}/tasks`, {
        title: "Made on the first instance",
      });
      const seen = await reportStream.next((event) => event.data.taskId === added.body.id);
      expect(seen.data.ownerId).toBe(report.id);
      reportStream.close();
    } finally {
      await second.close();
    }
  });
});
