import { expect } from "vitest";
import type { Client } from "../support/client";
import { uniqueEmail } from "../support/factories";
import type { Feedback, FeedbackRequest } from "../support/feedback";
import {
  freshSelf,
  idOf,
  ids,
  ok,
  type Relation,
  type Row,
  row,
  subjectActsAsSelf,
  type World,
} from "./table";

/**
 * Feedback to and from Sam Self. Sam's management chain is Manny Manager, Grace Grand and the owner;
 * Pat Peer shares Sam's manager (so Pat's chain is the same); Bo Branch, the admin and the outsider
 * stand outside both.
 */

/** Feedback `from` gives `to`, expecting 201. */
async function given(
  from: { client: Client },
  to: { id: string },
  visibility: "private" | "with_manager",
  extra: Record<string, unknown> = {},
): Promise<Feedback> {
  const answer = await from.client.post<Feedback>("/api/v1/feedback", {
    toId: to.id,
    body: `Feedback ${uniqueEmail(visibility)}`,
    visibility,
    ...extra,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** A feedback request `asker` sends about `aboutId`, expecting 201. */
async function asked(
  asker: { client: Client },
  aboutId: string,
  fromIds: string[],
): Promise<FeedbackRequest> {
  const answer = await asker.client.post<FeedbackRequest>("/api/v1/feedback/requests", {
    aboutId,
    fromIds,
    question: `How am I doing? ${uniqueEmail("question")}`,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** The feedback stored with this text: none when the call was refused. */
const storedWithBody = (w: World, body: string) =>
  w.h.ctx.db.selectFrom("feedback").select(["from_id", "to_id"]).where("body", "=", body).execute();

/** Reads of one feedback: when allowed, the feedback as it was given. */
const readRow = (
  route: string,
  expected: Row<unknown>["expected"],
  subject: (w: World) => Promise<Feedback>,
) =>
  row({
    route,
    expected,
    subject,
    call: (client, feedback) => client.get(`/api/v1/feedback/${feedback.id}`),
    verify: (answer, feedback) => {
      if (ok(answer)) expect(answer.body).toEqual(feedback);
    },
  });

export const rows: Row<unknown>[] = [
  row({
    route: "POST /feedback (to Sam)",
    // Anyone of the organization may give Sam feedback; Sam to themselves is a 422.
    // biome-ignore format: the table reads best on one line
    expected: { self: 422, manager: 201, grand: 201, peer: 201, branch: 201, outsider: 404, anonymous: 401, admin: 201, owner: 201 },
    subject: () => `Thanks ${uniqueEmail("thanks")}`,
    call: (client, body, _, w) =>
      client.post("/api/v1/feedback", { toId: w.self.id, body, visibility: "private" }),
    verify: async (answer, body, relation, w) => {
      const stored = await storedWithBody(w, body);
      expect(stored).toEqual(ok(answer) ? [{ from_id: idOf(w, relation), to_id: w.self.id }] : []);
    },
  }),
  row({
    route: "POST /feedback (to Sam, about Sam's finished task)",
    // Only those who see the task may give feedback about it: Sam's chain (Sam to themselves is a 422).
    // biome-ignore format: the table reads best on one line
    expected: { self: 422, manager: 201, grand: 201, peer: 422, branch: 422, outsider: 404, anonymous: 401, admin: 422, owner: 201 },
    subject: () => `Well done ${uniqueEmail("done")}`,
    call: (client, body, _, w) =>
      client.post("/api/v1/feedback", {
        toId: w.self.id,
        body,
        visibility: "with_manager",
        taskId: w.selfDone.id,
      }),
    verify: async (answer, body, relation, w) => {
      const stored = await storedWithBody(w, body);
      expect(stored).toEqual(ok(answer) ? [{ from_id: idOf(w, relation), to_id: w.self.id }] : []);
      if (ok(answer)) expect(answer.body).toMatchObject({ taskId: w.selfDone.id });
    },
  }),
  readRow(
    "GET /feedback/{id} (private, Pat to Sam)",
    // Its giver and its receiver only: not Sam's managers, not owners or admins.
    // biome-ignore format: the table reads best on one line
    { self: 200, manager: 404, grand: 404, peer: 200, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    (w) => given(w.peer, w.self, "private"),
  ),
  readRow(
    "GET /feedback/{id} (with_manager, Bo to Sam)",
    // Also Sam's whole chain, the owner at its top included; not the admin outside it.
    // biome-ignore format: the table reads best on one line
    { self: 200, manager: 200, grand: 200, peer: 404, branch: 200, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    (w) => given(w.branch, w.self, "with_manager"),
  ),
  readRow(
    "GET /feedback/{id} (private, Sam to Pat)",
    // biome-ignore format: the table reads best on one line
    { self: 200, manager: 404, grand: 404, peer: 200, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    (w) => given(w.self, w.peer, "private"),
  ),
  readRow(
    "GET /feedback/{id} (with_manager, Sam to Pat)",
    // Pat's chain is Sam's: Manny, Grace and the owner.
    // biome-ignore format: the table reads best on one line
    { self: 200, manager: 200, grand: 200, peer: 200, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    (w) => given(w.self, w.peer, "with_manager"),
  ),
  row({
    route: "GET /feedback?personId={Sam}",
    // Sam's own, and Sam's chain for Sam's with_manager feedback; nobody else may look.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 200 },
    subject: async (w) => ({
      hidden: await given(w.peer, w.self, "private"),
      shared: await given(w.peer, w.self, "with_manager"),
    }),
    call: (client, _, __, w) => client.get(`/api/v1/feedback?personId=${w.self.id}&limit=200`),
    verify: (answer, { hidden, shared }, relation) => {
      if (!ok(answer)) return;
      expect(ids(answer)).toContain(shared.id);
      expect(ids(answer).includes(hidden.id)).toBe(relation === "self");
    },
  }),
  row({
    route: "GET /feedback (received and given, own)",
    // Everyone reads their own: Sam's received private feedback is Sam's and Pat's (who gave it) alone.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => given(w.peer, w.self, "private"),
    call: async (client) => {
      const [received, sent] = await Promise.all([
        client.get("/api/v1/feedback?direction=received&limit=200"),
        client.get("/api/v1/feedback?direction=given&limit=200"),
      ]);
      return received.status === 200
        ? { ...sent, body: { items: [...ids(received), ...ids(sent)] } }
        : received;
    },
    verify: (answer, feedback, relation) => {
      if (!ok(answer)) return;
      const seen = (answer.body.items as string[]).filter((id) => id === feedback.id);
      expect(seen).toHaveLength(relation === "self" || relation === "peer" ? 1 : 0);
    },
  }),
  row({
    route: "POST /feedback/requests (about Sam, asking Bo)",
    // Sam about themselves, and Sam's chain about Sam; a colleague or an admin outside it: 403.
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 201, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 403, owner: 201 },
    subject: () => `What went well? ${uniqueEmail("question")}`,
    call: (client, question, _, w) =>
      client.post("/api/v1/feedback/requests", { aboutId: w.self.id, fromIds: [w.branch.id], question }),
    verify: async (answer, question, relation, w) => {
      const stored = await w.h.ctx.db
        .selectFrom("feedback_request")
        .select(["asked_by", "about_id"])
        .where("question", "=", question)
        .execute();
      expect(stored).toEqual(ok(answer) ? [{ asked_by: idOf(w, relation), about_id: w.self.id }] : []);
    },
  }),
  row({
    route: "GET /feedback/requests/{id} (Sam's, asking Pat)",
    // The one who asked and the people asked; not their managers, owners or admins.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 404, grand: 404, peer: 200, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: (w) => asked(w.self, w.self.id, [w.peer.id]),
    call: (client, request) => client.get(`/api/v1/feedback/requests/${request.id}`),
    verify: (answer, request) => {
      if (ok(answer)) expect(answer.body).toEqual(request);
    },
  }),
  row({
    route: "GET /feedback/requests/{id} (Manny's about Sam, asking Bo)",
    // Sam, whom it is about, is neither the one who asked nor one of those asked.
    // biome-ignore format: the table reads best on one line
    expected: { self: 404, manager: 200, grand: 404, peer: 404, branch: 200, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: (w) => asked(w.manager, w.self.id, [w.branch.id]),
    call: (client, request) => client.get(`/api/v1/feedback/requests/${request.id}`),
    verify: (answer, request) => {
      if (ok(answer)) expect(answer.body).toEqual(request);
    },
  }),
  row({
    route: "GET /feedback/requests (received and sent, own)",
    // Everyone reads their own lists: Sam's request shows in Sam's sent and Pat's received alone.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => asked(w.self, w.self.id, [w.peer.id]),
    call: async (client) => {
      const [received, sent] = await Promise.all([
        client.get("/api/v1/feedback/requests?direction=received&limit=200"),
        client.get("/api/v1/feedback/requests?direction=sent&limit=200"),
      ]);
      return received.status === 200
        ? { ...sent, body: { items: [...ids(received), ...ids(sent)] } }
        : received;
    },
    verify: (answer, request, relation) => {
      if (!ok(answer)) return;
      const seen = (answer.body.items as string[]).filter((id) => id === request.id);
      expect(seen).toHaveLength(relation === "self" || relation === "peer" ? 1 : 0);
    },
  }),
  row({
    route: "POST /feedback (answering a newcomer's request, asking Pat and Bo)",
    // Only those asked answer; the newcomer to themselves is a 422 before anything else.
    // biome-ignore format: the table reads best on one line
    expected: { self: 422, manager: 404, grand: 404, peer: 201, branch: 201, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: async (w) => {
      const fresh = await freshSelf(w);
      return { ...fresh, request: await asked(fresh, fresh.id, [w.peer.id, w.branch.id]) };
    },
    actor: subjectActsAsSelf,
    call: (client, fresh) =>
      client.post("/api/v1/feedback", {
        toId: fresh.id,
        body: "Here is my answer",
        visibility: "private",
        requestId: fresh.request.id,
      }),
    verify: async (answer, fresh, relation, w) => {
      const now = await fresh.client.get<FeedbackRequest>(`/api/v1/feedback/requests/${fresh.request.id}`);
      const answered = now.body.asked.filter((ask) => ask.answeredAt !== null).map((ask) => ask.personId);
      expect(answered).toEqual(ok(answer) ? [idOf(w, relation)] : []);
      if (ok(answer)) expect(answer.body).toMatchObject({ requestId: fresh.request.id, toId: fresh.id });
    },
  }),
  row({
    route: "POST /feedback (a private answer to Grace's request about a newcomer, asking Pat and Bo)",
    // Someone above them asked and reads the answers: private is a 422 even for those asked.
    // biome-ignore format: the table reads best on one line
    expected: { self: 422, manager: 404, grand: 404, peer: 422, branch: 422, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: async (w) => {
      const fresh = await freshSelf(w);
      return { ...fresh, request: await asked(w.grand, fresh.id, [w.peer.id, w.branch.id]) };
    },
    actor: subjectActsAsSelf,
    call: (client, fresh) =>
      client.post("/api/v1/feedback", {
        toId: fresh.id,
        body: "Just for you",
        visibility: "private",
        requestId: fresh.request.id,
      }),
    verify: async (_, fresh, __, w) => {
      const now = await w.grand.client.get<FeedbackRequest>(`/api/v1/feedback/requests/${fresh.request.id}`);
      expect(now.body.asked.every((ask) => ask.answeredAt === null)).toBe(true);
    },
  }),
  row({
    route:
      "POST /feedback (a with_manager answer to the owner's request about a newcomer, asking Pat and Bo)",
    // Each asker sends at most 20 a day: this row's requests are the owner's.
    // biome-ignore format: the table reads best on one line
    expected: { self: 422, manager: 404, grand: 404, peer: 201, branch: 201, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: async (w) => {
      const fresh = await freshSelf(w);
      return { ...fresh, request: await asked(w.owner, fresh.id, [w.peer.id, w.branch.id]) };
    },
    actor: subjectActsAsSelf,
    call: (client, fresh) =>
      client.post("/api/v1/feedback", {
        toId: fresh.id,
        body: "For you and Manny",
        visibility: "with_manager",
        requestId: fresh.request.id,
      }),
    verify: async (answer, fresh, relation: Relation, w) => {
      const now = await w.owner.client.get<FeedbackRequest>(`/api/v1/feedback/requests/${fresh.request.id}`);
      const answered = now.body.asked.filter((ask) => ask.answeredAt !== null).map((ask) => ask.personId);
      expect(answered).toEqual(ok(answer) ? [idOf(w, relation)] : []);
      // The owner, who asked, reads the answer.
      if (ok(answer)) {
        const read = await w.owner.client.get(`/api/v1/feedback/${(answer.body as Feedback).id}`);
        expect(read.status).toBe(200);
      }
    },
  }),
];
