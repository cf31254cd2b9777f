import { expect } from "vitest";
import { uniqueEmail } from "../support/factories";
import { acceptedPeerAsk, current, freshTask, ids, ok, onPlate, peerAsk, type Row, row } from "./table";

export const rows: Row<unknown>[] = [
  row({
    route: "GET /people/{id}/tasks",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: (w) => w.selfTask,
    call: (client, task) => client.get(`/api/v1/people/${task.ownerId}/tasks`),
    verify: (answer, task) => {
      if (ok(answer)) expect(ids(answer)).toContain(task.id);
    },
  }),
  row({
    route: "POST /people/{id}/tasks",
    // Anyone in the organization may ask; only Sam and their chain place it, the others land in triage.
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 201, peer: 201, branch: 201, outsider: 404, anonymous: 401, admin: 201, owner: 201 },
    subject: () => `Asked ${uniqueEmail("task")}`,
    call: (client, title, _, w) =>
      client.post(`/api/v1/people/${w.self.id}/tasks`, { title, placement: "top" }),
    verify: async (answer, title, relation, w) => {
      const stored = await w.h.ctx.db
        .selectFrom("task")
        .select(["state"])
        .where("title", "=", title)
        .execute();
      if (!ok(answer)) return expect(stored).toEqual([]);
      const placed = onPlate.includes(relation);
      expect(answer.body).toMatchObject({ ownerId: w.self.id, state: placed ? "open" : "triage" });
      expect(answer.body.position).toBe(placed ? 1 : null);
    },
  }),
  row({
    route: "GET /people/{id}/team (Sam's manager's)",
    // A manager's team is their plate's business: Sam sees their own plate, not their peers'.
    // biome-ignore format: the table reads best on one line
    expected: { self: 404, manager: 200, grand: 200, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: (w) => w.manager.id,
    call: (client, managerId) => client.get(`/api/v1/people/${managerId}/team`),
    verify: (answer, _, __, w) => {
      if (!ok(answer)) return;
      const members = answer.body.items as { personId: string }[];
      expect(members.map((member) => member.personId)).toEqual(
        expect.arrayContaining([w.self.id, w.peer.id]),
      );
    },
  }),
  row({
    route: "GET /people/{id}/record",
    // A record is seen exactly like the plate it comes from.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: (w) => w.selfDone,
    call: (client, task) => client.get(`/api/v1/people/${task.ownerId}/record`),
    verify: (answer, task) => {
      if (ok(answer))
        expect((answer.body.items as { taskId: string }[]).map((item) => item.taskId)).toContain(task.id);
    },
  }),
  row({
    route: "GET /people/{id}/record/packet",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: (w) => w.selfDone,
    call: (client, task) => client.get(`/api/v1/people/${task.ownerId}/record/packet?format=csv`),
    verify: (answer, task) => {
      if (!ok(answer)) return;
      expect(answer.headers["content-type"]).toMatch(/^text\/csv/);
      expect(String(answer.body)).toContain(task.title);
    },
  }),
  row({
    route: "GET /people/{id}/team/record (Sam's manager's)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 404, manager: 200, grand: 200, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: (w) => w.manager.id,
    call: (client, managerId) => client.get(`/api/v1/people/${managerId}/team/record`),
    verify: (answer, _, __, w) => {
      if (!ok(answer)) return;
      const entries = answer.body.items as { personId: string; summary: { completed: number } }[];
      expect(entries.find((entry) => entry.personId === w.self.id)?.summary.completed).toBeGreaterThan(0);
    },
  }),
  row({
    route: "GET /tasks/{id}",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: (w) => w.selfTask,
    call: (client, task) => client.get(`/api/v1/tasks/${task.id}`),
    verify: (answer, task) => {
      if (ok(answer)) expect(answer.body).toMatchObject({ id: task.id, title: task.title });
    },
  }),
  row({
    route: "GET /tasks/{id}/history",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: (w) => w.selfTask,
    call: (client, task) => client.get(`/api/v1/tasks/${task.id}/history`),
    verify: (answer, task) => {
      if (ok(answer))
        expect(answer.body.items).toEqual([
          expect.objectContaining({ kind: "created", actorId: task.ownerId }),
        ]);
    },
  }),
  row({
    route: "PATCH /tasks/{id} (title)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: freshTask,
    call: (client, task, relation) =>
      client.patch(`/api/v1/tasks/${task.id}`, { version: task.version, title: `By ${relation}` }),
    verify: async (answer, task, relation, w) => {
      expect((await current(w, task)).title).toBe(ok(answer) ? `By ${relation}` : task.title);
    },
  }),
  row({
    route: "PATCH /tasks/{id} (start)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: freshTask,
    call: (client, task) =>
      client.patch(`/api/v1/tasks/${task.id}`, { version: task.version, state: "in_progress" }),
    verify: async (answer, task, _, w) => {
      expect((await current(w, task)).state).toBe(ok(answer) ? "in_progress" : "open");
    },
  }),
  row({
    route: "POST /tasks/{id}/move",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: freshTask,
    call: (client, task) => client.post(`/api/v1/tasks/${task.id}/move`, { placement: "top" }),
    verify: async (answer, task, _, w) => {
      expect((await current(w, task)).position).toBe(ok(answer) ? 1 : task.position);
    },
  }),
  row({
    route: "POST /tasks/{id}/accept (Pat's ask)",
    // The requester sees their ask but may not take it onto someone's plate.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 403, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: peerAsk,
    call: (client, task) => client.post(`/api/v1/tasks/${task.id}/accept`, { placement: "top" }),
    verify: async (answer, task, _, w) => {
      expect(await current(w, task)).toMatchObject(
        ok(answer) ? { state: "open", position: 1 } : { state: "triage" },
      );
    },
  }),
  row({
    route: "POST /tasks/{id}/decline (Pat's ask)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 403, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: peerAsk,
    call: (client, task) => client.post(`/api/v1/tasks/${task.id}/decline`, { reason: "Not now" }),
    verify: async (answer, task, _, w) => {
      expect((await current(w, task)).state).toBe(ok(answer) ? "dropped" : "triage");
    },
  }),
  row({
    route: "GET /tasks/{id} (Pat's ask)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: peerAsk,
    call: (client, task) => client.get(`/api/v1/tasks/${task.id}`),
    verify: (answer, task) => {
      if (ok(answer)) expect(answer.body).toMatchObject({ id: task.id, state: "triage" });
    },
  }),
  row({
    route: "GET /tasks/{id}/history (Pat's ask)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: peerAsk,
    call: (client, task) => client.get(`/api/v1/tasks/${task.id}/history`),
    verify: (answer, _, __, w) => {
      if (ok(answer))
        expect(answer.body.items).toEqual([expect.objectContaining({ kind: "created", actorId: w.peer.id })]);
    },
  }),
  row({
    route: "PATCH /tasks/{id} (title of Pat's ask)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: peerAsk,
    call: (client, task, relation) =>
      client.patch(`/api/v1/tasks/${task.id}`, { version: task.version, title: `By ${relation}` }),
    verify: async (answer, task, relation, w) => {
      expect((await current(w, task)).title).toBe(ok(answer) ? `By ${relation}` : task.title);
    },
  }),
  row({
    route: "PATCH /tasks/{id} (withdraw Pat's ask)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: acceptedPeerAsk,
    call: (client, task) =>
      client.patch(`/api/v1/tasks/${task.id}`, {
        version: task.version,
        state: "dropped",
        dropReason: "Withdrawn",
      }),
    verify: async (answer, task, _, w) => {
      expect((await current(w, task)).state).toBe(ok(answer) ? "dropped" : "open");
    },
  }),
  row({
    route: "PATCH /tasks/{id} (start Pat's ask)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 403, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: acceptedPeerAsk,
    call: (client, task) =>
      client.patch(`/api/v1/tasks/${task.id}`, { version: task.version, state: "in_progress" }),
    verify: async (answer, task, _, w) => {
      expect((await current(w, task)).state).toBe(ok(answer) ? "in_progress" : "open");
    },
  }),
  row({
    route: "POST /tasks/{id}/move (Pat's ask)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 403, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: acceptedPeerAsk,
    call: (client, task) => client.post(`/api/v1/tasks/${task.id}/move`, { placement: "top" }),
    verify: async (answer, task, _, w) => {
      expect((await current(w, task)).position).toBe(ok(answer) ? 1 : task.position);
    },
  }),
];
