import { expect } from "vitest";
import type { Client } from "../support/client";
import { comment } from "../support/comments";
import type { Task } from "../support/tasks";
import {
  freshTask,
  mannysAsk,
  ok,
  peerAsk,
  type Row,
  row,
  type SentRequest,
  samsAsk,
  type World,
} from "./table";

/** A task of Sam's own with one comment on it by `author` (Sam unless said). */
async function commentedTask(w: World, author: (w: World) => { id: string; client: Client } = (w) => w.self) {
  const task = await freshTask(w);
  return { task, comment: await comment(author(w), task.id, "Looks good to me") };
}

const storedComments = (w: World, task: Task) =>
  w.h.ctx.db
    .selectFrom("task_comment")
    .select(["body", "author_id"])
    .where("task_id", "=", task.id)
    .execute();

const storedComment = (w: World, id: string) =>
  w.h.ctx.db.selectFrom("task_comment").select(["body", "edited_at"]).where("id", "=", id).executeTakeFirst();

/** What a nudge leaves: when the request was last nudged, and the reminders written. */
async function nudgeTrace(w: World, requestId: string) {
  const request = await w.h.ctx.db
    .selectFrom("request")
    .select("last_nudged_at")
    .where("id", "=", requestId)
    .executeTakeFirstOrThrow();
  const reminders = await w.h.ctx.db
    .selectFrom("inbox_entry")
    .select("person_id")
    .where("request_id", "=", requestId)
    .where("kind", "=", "request.nudged")
    .execute();
  return { nudgedAt: request.last_nudged_at, reminded: reminders.map((one) => one.person_id) };
}

export const rows: Row<unknown>[] = [
  row({
    route: "GET /tasks/{id}/comments (Sam's task)",
    // Whoever may read the task reads its comments; everyone else finds no such task.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: (w) => commentedTask(w),
    call: (client, { task }) => client.get(`/api/v1/tasks/${task.id}/comments`),
    verify: (answer, subject) => {
      if (ok(answer)) expect(answer.body).toEqual({ items: [subject.comment] });
    },
  }),
  row({
    route: "POST /tasks/{id}/comments (Sam's task)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 201, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 201 },
    subject: freshTask,
    call: (client, task) => client.post(`/api/v1/tasks/${task.id}/comments`, { body: "On it" }),
    verify: async (answer, task, relation, w) => {
      const stored = await storedComments(w, task);
      const author = relation === "anonymous" ? null : w[relation].id;
      expect(stored).toEqual(ok(answer) ? [{ body: "On it", author_id: author }] : []);
    },
  }),
  row({
    route: "POST /tasks/{id}/comments (Pat's ask in Sam's triage)",
    // The requester reads the task, and so comments on it.
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 201, peer: 201, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 201 },
    subject: peerAsk,
    call: (client, task) => client.post(`/api/v1/tasks/${task.id}/comments`, { body: "Why now?" }),
    verify: async (answer, task, _, w) => {
      expect(await storedComments(w, task)).toHaveLength(ok(answer) ? 1 : 0);
    },
  }),
  row({
    route: "PATCH /comments/{id} (Sam's comment on Sam's task)",
    // Only the author rewords; those who see the task are told so, the others find no such comment.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 403, grand: 403, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 403 },
    subject: (w) => commentedTask(w),
    call: (client, { comment }) => client.patch(`/api/v1/comments/${comment.id}`, { body: "Reworded" }),
    verify: async (answer, { comment }, _, w) => {
      const stored = await storedComment(w, comment.id);
      expect(stored?.body).toBe(ok(answer) ? "Reworded" : "Looks good to me");
      expect(stored?.edited_at === null).toBe(!ok(answer));
    },
  }),
  row({
    route: "PATCH /comments/{id} (Manny's comment on Sam's task)",
    // Sam owns the task, but not the comment.
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 200, grand: 403, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 403 },
    subject: (w) => commentedTask(w, (w) => w.manager),
    call: (client, { comment }) => client.patch(`/api/v1/comments/${comment.id}`, { body: "Reworded" }),
    verify: async (answer, { comment }, _, w) => {
      expect((await storedComment(w, comment.id))?.body).toBe(ok(answer) ? "Reworded" : "Looks good to me");
    },
  }),
  row({
    route: "DELETE /comments/{id} (Sam's comment on Sam's task)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 204, manager: 403, grand: 403, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 403 },
    subject: (w) => commentedTask(w),
    call: (client, { comment }) => client.delete(`/api/v1/comments/${comment.id}`),
    verify: async (answer, { comment }, _, w) => {
      expect(await storedComment(w, comment.id)).toEqual(ok(answer) ? undefined : expect.any(Object));
    },
  }),
  row({
    route: "POST /requests/{id}/nudge (Sam's ask of Pat)",
    // Only the requester reminds; the assignee, admins and owners see the request and are told so.
    // biome-ignore format: the table reads best on one line
    expected: { self: 202, manager: 404, grand: 404, peer: 403, branch: 404, outsider: 404, anonymous: 401, admin: 403, owner: 403 },
    subject: samsAsk,
    call: (client, request) =>
      client.post(`/api/v1/requests/${request.id}/nudge`, { note: "Friday, please" }),
    verify: async (answer, request: SentRequest, _, w) => {
      const trace = await nudgeTrace(w, request.id);
      if (!ok(answer)) return expect(trace).toEqual({ nudgedAt: null, reminded: [] });
      expect(answer.body).toEqual({ nudged: [w.peer.id] });
      expect(trace).toEqual({ nudgedAt: expect.any(String), reminded: [w.peer.id] });
    },
  }),
  row({
    route: "POST /requests/{id}/nudge (Manny's ask of Sam)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 202, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 403, owner: 403 },
    subject: mannysAsk,
    call: (client, request) => client.post(`/api/v1/requests/${request.id}/nudge`, {}),
    verify: async (answer, request: SentRequest, _, w) => {
      const trace = await nudgeTrace(w, request.id);
      expect(trace.reminded).toEqual(ok(answer) ? [w.self.id] : []);
      expect(trace.nudgedAt === null).toBe(!ok(answer));
    },
  }),
];
