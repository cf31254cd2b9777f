import { expect } from "vitest";
import { uniqueEmail } from "../support/factories";
import { ids, mannysAsk, ok, onPlate, type Row, requestNow, row, type SentRequest, samsAsk } from "./table";

export const rows: Row<unknown>[] = [
  row({
    route: "POST /requests (asking Sam)",
    // Anyone in the organization may ask Sam; the outsider names someone not in theirs.
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 201, peer: 201, branch: 201, outsider: 422, anonymous: 401, admin: 201, owner: 201 },
    subject: () => `Ask ${uniqueEmail("request")}`,
    call: (client, title, _, w) => client.post("/api/v1/requests", { title, assigneeIds: [w.self.id] }),
    verify: async (answer, title, relation, w) => {
      const stored = await w.h.ctx.db
        .selectFrom("task")
        .select(["state"])
        .where("title", "=", title)
        .execute();
      const requests = await w.h.ctx.db
        .selectFrom("request")
        .select("id")
        .where("title", "=", title)
        .execute();
      if (!ok(answer)) return expect({ stored, requests }).toEqual({ stored: [], requests: [] });
      expect(requests).toHaveLength(1);
      expect(stored).toEqual([{ state: onPlate.includes(relation) ? "open" : "triage" }]);
    },
  }),
  row({
    route: "GET /requests",
    // Everyone gets the requests they made; only Sam's holds Sam's.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: samsAsk,
    call: (client) => client.get("/api/v1/requests"),
    verify: (answer, request: SentRequest, relation) => {
      if (!ok(answer)) return;
      if (relation === "self") expect(ids(answer)).toContain(request.id);
      else expect(ids(answer)).not.toContain(request.id);
    },
  }),
  row({
    route: "GET /requests/preview (Sam)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 422, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.self.id,
    call: (client, selfId) => client.get(`/api/v1/requests/preview?ids=${selfId}`),
    verify: (answer, selfId, relation) => {
      if (!ok(answer)) return;
      // Sam's load only for those who see Sam's plate.
      expect(answer.body.items).toEqual([
        expect.objectContaining({
          personId: selfId,
          lands: onPlate.includes(relation) ? "plate" : "triage",
          load: onPlate.includes(relation) ? expect.objectContaining({ open: expect.any(Number) }) : null,
        }),
      ]);
    },
  }),
  row({
    route: "GET /requests/{id} (Sam's ask of Pat)",
    // Its requester, its assignees, admins and owners; not the requester's chain.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 404, grand: 404, peer: 200, branch: 404, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: samsAsk,
    call: (client, request) => client.get(`/api/v1/requests/${request.id}`),
    verify: (answer, request, _, w) => {
      if (ok(answer)) expect(answer.body).toMatchObject({ id: request.id, requesterId: w.self.id });
    },
  }),
  row({
    route: "GET /requests/{id} (Manny's ask of Sam)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: mannysAsk,
    call: (client, request) => client.get(`/api/v1/requests/${request.id}`),
    verify: (answer, request, _, w) => {
      if (ok(answer)) expect(answer.body).toMatchObject({ id: request.id, requesterId: w.manager.id });
    },
  }),
  row({
    route: "POST /requests/{id}/cancel (Sam's ask of Pat)",
    // The assignee sees it but may not cancel it; the requester's chain does not see it.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 404, grand: 404, peer: 403, branch: 404, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: samsAsk,
    call: (client, request) =>
      client.post(`/api/v1/requests/${request.id}/cancel`, { reason: "No longer needed" }),
    verify: async (answer, request, _, w) => {
      const now = await requestNow(w, request.id);
      expect(now.canceledAt === null).toBe(!ok(answer));
      expect(now.assignees.map((one) => one.state)).toEqual([ok(answer) ? "dropped" : "triage"]);
    },
  }),
  row({
    route: "POST /requests/{id}/cancel (Manny's ask of Sam)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: mannysAsk,
    call: (client, request) =>
      client.post(`/api/v1/requests/${request.id}/cancel`, { reason: "No longer needed" }),
    verify: async (answer, request, _, w) => {
      const now = await requestNow(w, request.id);
      expect(now.canceledAt === null).toBe(!ok(answer));
      expect(now.assignees.map((one) => one.state)).toEqual([ok(answer) ? "dropped" : "open"]);
    },
  }),
  row({
    route: "POST /requests/{id}/assignees (Sam's ask, adding Bo)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 404, grand: 404, peer: 403, branch: 404, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: samsAsk,
    call: (client, request, _, w) =>
      client.post(`/api/v1/requests/${request.id}/assignees`, { assigneeIds: [w.branch.id] }),
    verify: async (answer, request, _, w) => {
      const asked = (await requestNow(w, request.id)).assignees.map((one) => one.personId).sort();
      expect(asked).toEqual((ok(answer) ? [w.peer.id, w.branch.id] : [w.peer.id]).sort());
    },
  }),
  row({
    route: "POST /requests/{id}/assignees (Manny's ask, adding Pat)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: mannysAsk,
    call: (client, request, _, w) =>
      client.post(`/api/v1/requests/${request.id}/assignees`, { assigneeIds: [w.peer.id] }),
    verify: async (answer, request, _, w) => {
      const asked = (await requestNow(w, request.id)).assignees.map((one) => one.personId).sort();
      expect(asked).toEqual((ok(answer) ? [w.self.id, w.peer.id] : [w.self.id]).sort());
    },
  }),
];
