import { expect } from "vitest";
import { openEvents } from "../support/tasks";
import { ids, ok, type Row, row, samsEntryOfAnAsk } from "./table";

export const rows: Row<unknown>[] = [
  row({
    route: "PATCH /organizations/{id} (settings)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.owner.organizationId,
    call: (client, id) => client.patch(`/api/v1/organizations/${id}`, { settings: { urgentPerWeek: 5 } }),
    verify: async (answer, id, _, w) => {
      const now = await w.owner.client.get(`/api/v1/organizations/${id}`);
      expect(now.body).toMatchObject({ settings: { urgentPerWeek: ok(answer) ? 5 : 2 } });
    },
    restore: async (id, w) => {
      const back = await w.owner.client.patch(`/api/v1/organizations/${id}`, {
        settings: { urgentPerWeek: 2 },
      });
      expect(back.status).toBe(200);
    },
  }),
  row({
    route: "GET /inbox (Sam's entry of Pat's ask)",
    // Everyone signed in reads their own inbox; Sam's entry is in Sam's alone.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => samsEntryOfAnAsk(w),
    call: (client) => client.get("/api/v1/inbox?limit=200"),
    verify: (answer, entryId, relation) => {
      if (ok(answer)) expect(ids(answer).includes(entryId as string)).toBe(relation === "self");
    },
  }),
  row({
    route: "POST /inbox/read (Sam's entry)",
    // Anyone may mark entries read, but only their own: Sam's stays unread for everyone else.
    // biome-ignore format: the table reads best on one line
    expected: { self: 204, manager: 204, grand: 204, peer: 204, branch: 204, outsider: 204, anonymous: 401, admin: 204, owner: 204 },
    subject: (w) => samsEntryOfAnAsk(w),
    call: (client, entryId) => client.post("/api/v1/inbox/read", { ids: [entryId] }),
    verify: async (_, entryId, relation, w) => {
      const mine = await w.self.client.get<{ items: { id: string; readAt: string | null }[] }>(
        "/api/v1/inbox?limit=200",
      );
      const entry = mine.body.items.find((item) => item.id === entryId);
      expect(entry?.readAt === null).toBe(relation !== "self");
    },
  }),
  row({
    route: "GET /me/digest/preview",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: () => null,
    call: (client) => client.get("/api/v1/me/digest/preview"),
    verify: (answer) => {
      if (ok(answer))
        expect(answer.body).toMatchObject({ subject: expect.any(String), wouldSend: expect.any(Boolean) });
    },
  }),
  row({
    route: "GET /outbox",
    // Owners and admins read their own organization's outbox (the outsider owns another one).
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: () => null,
    call: (client) => client.get("/api/v1/outbox"),
    verify: (answer) => {
      if (ok(answer)) expect(answer.body).toMatchObject({ items: expect.any(Array), delivery: "files" });
    },
  }),
  row({
    route: "GET /audit",
    // Owners and admins read their own organization's log (the outsider owns another one).
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: () => null,
    call: (client) => client.get("/api/v1/audit"),
    verify: (answer, _, relation, w) => {
      if (!ok(answer)) return;
      // Each organization's log tells only of its own people: the outsider acts alone in theirs.
      const actors = (answer.body.items as { actorId: string }[]).map((item) => item.actorId);
      expect(actors.length).toBeGreaterThan(0);
      if (relation === "outsider") expect(new Set(actors)).toEqual(new Set([w.outsider.id]));
      else expect(actors).not.toContain(w.outsider.id);
    },
  }),
  row({
    route: "GET /events",
    // Everyone signed in gets their own stream (of what they may see); only the response head is checked.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: () => null,
    call: (client, _, __, w) => openEvents(w.h.app, client),
    verify: (answer) => {
      if (ok(answer)) expect(answer.headers["content-type"]).toMatch(/^text\/event-stream/);
    },
  }),
];
