import { beforeAll, describe, expect, it } from "vitest";
import { type Answer, Client } from "./support/client";
import { dialects } from "./support/databases";
import { goodPassword, invite, standardOrganization, uniqueEmail } from "./support/factories";
import { type Harness, useHarness } from "./support/harness";
import {
  type Meeting,
  nextMeetingOf,
  type Series,
  setUpOneOnOne,
  weeklyTuesday,
} from "./support/one-on-ones";
import { acceptTask, addTask, openEvents, type Task, taskOf } from "./support/tasks";

/**
 * Who may do what, as one table: every /api/v1 route × every relation to Sam Self.
 * Each row acts on Sam Self or on something of theirs; each cell is its own test, named by route and
 * relation. Cells stay independent: rows that change their subject make a fresh one per cell, or put
 * Sam Self back as they were afterwards, whatever the outcome.
 */
type Relation =
  | "self"
  | "manager"
  | "grand"
  | "peer"
  | "branch"
  | "outsider"
  | "anonymous"
  | "admin"
  | "owner";
type Expected = Record<Relation, number>;
type World = Awaited<ReturnType<typeof standardOrganization>> & {
  h: Harness;
  /** A token of Sam Self's, never revoked. */
  selfToken: { id: string; token: string };
  /** An open invitation to Sam Self's organization, never used nor revoked. */
  openInvitation: { id: string; token: string };
  /** A task Sam Self put on their own plate, never changed. */
  selfTask: Task;
  /** A task Sam Self finished: it is on Sam's record. */
  selfDone: Task;
  /** Sam Self's one-on-one with their manager, never changed. */
  oneOnOne: Series;
  /** Its first meeting: points and action items are added to it, nothing else changes it. */
  meeting: Meeting;
  /** The text of Sam Self's private note on that meeting; their manager wrote none. */
  selfNote: string;
};

const relations: Relation[] = [
  "self",
  "manager",
  "grand",
  "peer",
  "branch",
  "outsider",
  "anonymous",
  "admin",
  "owner",
];

interface Row<S> {
  route: string;
  expected: Expected;
  /** The cell's subject: a shared one for rows that change nothing, else a fresh one per cell. */
  subject(w: World): Promise<S> | S;
  /** Who acts as `relation`, when not the standard organization's person (a fresh Sam Self). */
  actor?(w: World, relation: Relation, subject: NoInfer<S>): Client;
  call(client: Client, subject: NoInfer<S>, relation: Relation, w: World): Promise<Answer>;
  /** What must hold afterwards: the change happened when allowed, and nothing changed when refused. */
  verify?(answer: Answer, subject: NoInfer<S>, relation: Relation, w: World): Promise<void> | void;
  /** Puts a shared subject back as it was, whatever the cell's outcome. */
  restore?(subject: NoInfer<S>, w: World): Promise<void>;
}

const row = <S>(definition: Row<S>) => definition as unknown as Row<unknown>;

const clientOf = (w: World, relation: Relation): Client =>
  relation === "anonymous" ? w.anonymous : w[relation].client;

const idOf = (w: World, relation: Relation): string | null =>
  relation === "anonymous" ? null : w[relation].id;

const ids = (answer: Answer) => (answer.body.items as { id: string }[]).map((item) => item.id);

const ok = (answer: Answer) => answer.status >= 200 && answer.status < 300;

/** A newcomer placed exactly where Sam Self is: reporting to the manager, beside the peer. */
const freshSelf = (w: World) => invite(w.h.app, w.owner, "Sam Fresh", { managerId: w.manager.id });

/** Sam Self, or the fresh Sam standing in for them, acts as "self". */
const subjectActsAsSelf = (w: World, relation: Relation, subject: { client: Client }) =>
  relation === "self" ? subject.client : clientOf(w, relation);

/** A new open invitation to Sam Self's organization, for someone who would report to Sam. */
async function freshInvitation(w: World) {
  const answer = await w.owner.client.post<{ id: string; token: string }>("/api/v1/invitations", {
    email: uniqueEmail("report"),
    managerId: w.self.id,
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

async function freshSelfToken(w: World) {
  const answer = await w.self.client.post<{ id: string; token: string }>("/api/v1/tokens", {
    name: "laptop",
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

const personAsOwner = async (w: World, id: string) =>
  (await w.owner.client.get(`/api/v1/people/${id}`)).body as {
    managerId: string;
    role: string;
    title: string;
  };

/** Sam Self and their chain see Sam's plate; of everyone else, only a task's requester sees that task. */
const onPlate: Relation[] = ["self", "manager", "grand", "owner"];

/** A task Sam Self adds to their own plate: Sam is its owner and requester. */
const freshTask = (w: World) => addTask(w.self, w.self.id, { title: "Sam's own" });

/** An ask from Pat Peer (outside Sam's chain), waiting in Sam's triage. */
const peerAsk = (w: World) => addTask(w.peer, w.self.id, { title: "Asked by Pat" });

/** An ask from Pat Peer that Sam's manager took onto Sam's plate. */
async function acceptedPeerAsk(w: World) {
  const asked = await peerAsk(w);
  expect((await acceptTask(w.manager, asked.id, { placement: "bottom" })).status).toBe(200);
  return taskOf(w.self, asked.id);
}

/** A task Sam Self adds to their own plate and completes at once. */
async function finishTask(self: { id: string; client: Client }, body: { title: string }): Promise<Task> {
  const task = await addTask(self, self.id, body);
  const answer = await self.client.patch<Task>(`/api/v1/tasks/${task.id}`, {
    version: task.version,
    state: "done",
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** How a task is now, as its owner sees it. */
const current = (w: World, task: Task) => taskOf(w.self, task.id);

interface SentRequest {
  id: string;
  assignees: { personId: string; taskId: string; state: string }[];
}

/** A request `from` sends, expecting 201. */
async function sendAsk(from: { client: Client }, assigneeIds: string[]): Promise<SentRequest> {
  const answer = await from.client.post<SentRequest>("/api/v1/requests", {
    title: `Request ${uniqueEmail("ask")}`,
    assigneeIds,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** Sam Self asks Pat Peer: Sam is its requester, Pat its assignee. */
const samsAsk = (w: World) => sendAsk(w.self, [w.peer.id]);

/** Sam's manager asks Sam: Sam is its assignee. */
const mannysAsk = (w: World) => sendAsk(w.manager, [w.self.id]);

/** A request as the organization's owner sees it now. */
const requestNow = async (w: World, id: string) => {
  const answer = await w.owner.client.get<SentRequest & { canceledAt: string | null }>(
    `/api/v1/requests/${id}`,
  );
  expect(answer.status).toBe(200);
  return answer.body;
};

/** Pat asks Sam again: the id of the entry it put in Sam's inbox. */
async function samsEntryOfAnAsk(w: World): Promise<string> {
  const asked = await peerAsk(w);
  const inbox = await w.self.client.get<{ items: { id: string; taskId?: string }[] }>(
    "/api/v1/inbox?limit=200",
  );
  const entry = inbox.body.items.find((item) => item.taskId === asked.id);
  expect(entry).toBeDefined();
  return entry?.id as string;
}

/**
 * Sam Self's one-on-one is with their manager: only those two see it. Grace Grand manages a
 * participant, Pat Peer and Bo Branch are colleagues, owners and admins are no exception.
 */
const inOneOnOne: Relation[] = ["self", "manager"];

/** A newcomer placed where Sam Self is, and the one-on-one their manager sets up with them. */
async function freshOneOnOne(w: World) {
  const fresh = await freshSelf(w);
  const series = await setUpOneOnOne(w.manager, fresh.id);
  return { fresh, series, meeting: await nextMeetingOf(fresh, series) };
}

/** The newcomer of a fresh one-on-one acts as "self". */
const newcomerActsAsSelf = (w: World, relation: Relation, subject: { fresh: { client: Client } }) =>
  subjectActsAsSelf(w, relation, subject.fresh);

/** Who acts as `relation` in a fresh one-on-one's cell: the newcomer for "self". */
const actorIdIn = (w: World, relation: Relation, subject: { fresh: { id: string } }) =>
  relation === "self" ? subject.fresh.id : idOf(w, relation);

/** A meeting as Sam Self reads it now. */
async function meetingNow(w: World, id: string, reader: { client: Client } = w.self): Promise<Meeting> {
  const answer = await reader.client.get<Meeting>(`/api/v1/meetings/${id}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** A talking point Sam Self adds to their shared meeting. */
async function samsPoint(w: World) {
  const answer = await w.self.client.post<{ id: string; text: string }>(
    `/api/v1/meetings/${w.meeting.id}/talking-points`,
    { text: `Sam raises ${uniqueEmail("point")}` },
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

const pointNow = async (w: World, id: string) =>
  (await meetingNow(w, w.meeting.id)).talkingPoints.find((point) => point.id === id);

const rows: Row<unknown>[] = [
  row({
    route: "GET /me",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: () => null,
    call: (client) => client.get("/api/v1/me"),
    verify: (answer, _, relation, w) => {
      if (ok(answer)) expect(answer.body.id).toBe(idOf(w, relation));
    },
  }),
  row({
    route: "PATCH /me",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: () => null,
    call: (client) => client.patch("/api/v1/me", { digest: { times: ["08:30"], days: [1, 3, 5] } }),
    verify: (answer, _, relation, w) => {
      if (ok(answer))
        expect(answer.body).toMatchObject({ id: idOf(w, relation), digest: { times: ["08:30"] } });
    },
  }),
  row({
    route: "POST /organizations",
    // Everyone here already belongs to an organization.
    // biome-ignore format: the table reads best on one line
    expected: { self: 422, manager: 422, grand: 422, peer: 422, branch: 422, outsider: 422, anonymous: 401, admin: 422, owner: 422 },
    subject: () => `Second company ${uniqueEmail("org")}`,
    call: (client, name) => client.post("/api/v1/organizations", { name }),
    verify: async (_, name, relation, w) => {
      const created = await w.h.ctx.db
        .selectFrom("organization")
        .select("id")
        .where("name", "=", name)
        .execute();
      expect(created).toEqual([]);
      if (relation === "anonymous") return;
      const me = await clientOf(w, relation).get("/api/v1/me");
      const home = relation === "outsider" ? w.outsider.organizationId : w.owner.organizationId;
      expect(me.body).toMatchObject({ organizationId: home });
    },
  }),
  row({
    route: "GET /organizations/{id}",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.owner.organizationId,
    call: (client, id) => client.get(`/api/v1/organizations/${id}`),
    verify: (answer, id) => {
      if (ok(answer)) expect(answer.body.id).toBe(id);
    },
  }),
  row({
    route: "GET /people",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.self.id,
    call: (client) => client.get("/api/v1/people"),
    verify: (answer, selfId, relation) => {
      if (!ok(answer)) return;
      // The directory is one's own organization: the outsider gets theirs, without Sam Self in it.
      if (relation === "outsider") expect(ids(answer)).not.toContain(selfId);
      else expect(ids(answer)).toContain(selfId);
    },
  }),
  row({
    route: "GET /people/{id}",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.self.id,
    call: (client, id) => client.get(`/api/v1/people/${id}`),
    verify: (answer, id) => {
      if (ok(answer)) expect(answer.body).toMatchObject({ id, name: "Sam Self" });
    },
  }),
  row({
    route: "PATCH /people/{id} (title)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.self.id,
    call: (client, id, relation) => client.patch(`/api/v1/people/${id}`, { title: `Set by ${relation}` }),
    verify: async (answer, id, relation, w) => {
      const title = (await personAsOwner(w, id)).title;
      expect(title).toBe(ok(answer) ? `Set by ${relation}` : null);
    },
    restore: async (id, w) => {
      expect((await w.owner.client.patch(`/api/v1/people/${id}`, { title: null })).status).toBe(200);
    },
  }),
  row({
    route: "PATCH /people/{id} (manager)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.self.id,
    call: (client, id, _, w) => client.patch(`/api/v1/people/${id}`, { managerId: w.grand.id }),
    verify: async (answer, id, _, w) => {
      const managerId = (await personAsOwner(w, id)).managerId;
      expect(managerId).toBe(ok(answer) ? w.grand.id : w.manager.id);
    },
    restore: async (id, w) => {
      const back = await w.owner.client.patch(`/api/v1/people/${id}`, { managerId: w.manager.id });
      expect(back.status).toBe(200);
    },
  }),
  row({
    route: "PATCH /people/{id} (role)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: freshSelf,
    actor: subjectActsAsSelf,
    call: (client, fresh) => client.patch(`/api/v1/people/${fresh.id}`, { role: "admin" }),
    verify: async (answer, fresh, _, w) => {
      expect((await personAsOwner(w, fresh.id)).role).toBe(ok(answer) ? "admin" : "member");
    },
  }),
  row({
    route: "POST /invitations",
    // The outsider names Sam Self as manager: a person of another organization is no manager of theirs.
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 422, anonymous: 401, admin: 201, owner: 201 },
    subject: (w) => w.self.id,
    call: (client, selfId) =>
      client.post("/api/v1/invitations", { email: uniqueEmail("report"), managerId: selfId }),
    verify: (answer) => {
      if (ok(answer)) expect(answer.body.token).toEqual(expect.any(String));
    },
  }),
  row({
    route: "GET /invitations",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.openInvitation.id,
    call: (client) => client.get("/api/v1/invitations"),
    verify: (answer, invitationId, relation) => {
      if (!ok(answer)) return;
      if (relation === "outsider") expect(ids(answer)).not.toContain(invitationId);
      else expect(ids(answer)).toContain(invitationId);
    },
  }),
  row({
    route: "DELETE /invitations/{id}",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 204, owner: 204 },
    subject: freshInvitation,
    call: (client, invitation) => client.delete(`/api/v1/invitations/${invitation.id}`),
    verify: async (answer, invitation, _, w) => {
      const preview = await w.anonymous.get(`/api/v1/invitations/${invitation.token}`);
      expect(preview.status).toBe(ok(answer) ? 410 : 200);
    },
  }),
  row({
    route: "GET /invitations/{token}",
    // Public: holding the link is what lets one see it.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 200, admin: 200, owner: 200 },
    subject: (w) => w.openInvitation.token,
    call: (client, token: string) => client.get(`/api/v1/invitations/${token}`),
    verify: (answer) => {
      expect(answer.body).toMatchObject({
        organizationName: "Olivia Owner's company",
        invitedByName: "Olivia Owner",
      });
    },
  }),
  row({
    route: "POST /invitations/{token}/accept",
    // Public: whoever holds the link may accept it, signed in or not.
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 201, peer: 201, branch: 201, outsider: 201, anonymous: 201, admin: 201, owner: 201 },
    subject: freshInvitation,
    call: (client, invitation) =>
      client.post(`/api/v1/invitations/${invitation.token}/accept`, {
        name: "Rita Report",
        password: goodPassword,
      }),
    verify: (answer, _, __, w) => {
      expect(answer.body).toMatchObject({
        name: "Rita Report",
        organizationId: w.owner.organizationId,
        role: "member",
        managerId: w.self.id,
      });
    },
  }),
  row({
    route: "POST /tokens",
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 201, peer: 201, branch: 201, outsider: 201, anonymous: 401, admin: 201, owner: 201 },
    subject: () => null,
    call: (client) => client.post("/api/v1/tokens", { name: "script" }),
    verify: (answer) => {
      if (ok(answer)) expect(answer.body.token).toEqual(expect.any(String));
    },
  }),
  row({
    route: "GET /tokens",
    // Everyone gets their own list; only Sam Self's holds Sam's token.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.selfToken.id,
    call: (client) => client.get("/api/v1/tokens"),
    verify: (answer, tokenId, relation) => {
      if (!ok(answer)) return;
      if (relation === "self") expect(ids(answer)).toContain(tokenId);
      else expect(ids(answer)).not.toContain(tokenId);
    },
  }),
  row({
    route: "DELETE /tokens/{id}",
    // Tokens are personal: anyone else's token id does not exist for you, admins and owners included.
    // biome-ignore format: the table reads best on one line
    expected: { self: 204, manager: 404, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: freshSelfToken,
    call: (client, token) => client.delete(`/api/v1/tokens/${token.id}`),
    verify: async (answer, token, _, w) => {
      const withToken = await new Client(w.h.app, { token: token.token }).get("/api/v1/me");
      expect(withToken.status).toBe(ok(answer) ? 401 : 200);
    },
  }),
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
  row({
    route: "POST /one-on-ones (with a newcomer beside Sam)",
    // Anyone of the organization may set one up with a colleague; the newcomer with themselves is a 422.
    // biome-ignore format: the table reads best on one line
    expected: { self: 422, manager: 201, grand: 201, peer: 201, branch: 201, outsider: 404, anonymous: 401, admin: 201, owner: 201 },
    subject: freshSelf,
    actor: subjectActsAsSelf,
    call: (client, fresh) => client.post("/api/v1/one-on-ones", { withId: fresh.id, cadence: weeklyTuesday }),
    verify: async (answer, fresh, relation, w) => {
      const theirs = await fresh.client.get<{ items: Series[] }>("/api/v1/one-on-ones");
      const pairs = theirs.body.items.map((series) => [...series.participantIds].sort());
      expect(pairs).toEqual(ok(answer) ? [[fresh.id, idOf(w, relation)].sort()] : []);
    },
  }),
  row({
    route: "GET /one-on-ones (Sam's with Manny)",
    // Everyone signed in gets their own list; only Sam's and Manny's hold theirs.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.oneOnOne,
    call: (client) => client.get("/api/v1/one-on-ones"),
    verify: (answer, series, relation) => {
      if (ok(answer)) expect(ids(answer).includes(series.id)).toBe(inOneOnOne.includes(relation));
    },
  }),
  row({
    route: "GET /one-on-ones/{id}",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: (w) => w.oneOnOne,
    call: (client, series) => client.get(`/api/v1/one-on-ones/${series.id}`),
    verify: (answer, series) => {
      if (ok(answer))
        expect(answer.body).toMatchObject({ id: series.id, nextMeeting: { id: series.nextMeeting?.id } });
    },
  }),
  row({
    route: "PATCH /one-on-ones/{id} (cadence)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: freshOneOnOne,
    actor: newcomerActsAsSelf,
    call: (client, { series }) =>
      client.patch(`/api/v1/one-on-ones/${series.id}`, { cadence: { ...weeklyTuesday, time: "11:00" } }),
    verify: async (answer, { fresh, series }) => {
      const now = await fresh.client.get<Series>(`/api/v1/one-on-ones/${series.id}`);
      expect(now.body.cadence.time).toBe(ok(answer) ? "11:00" : "10:00");
    },
  }),
  row({
    route: "GET /one-on-ones/{id}/meetings",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: (w) => w.oneOnOne,
    call: (client, series) => client.get(`/api/v1/one-on-ones/${series.id}/meetings?when=upcoming`),
    verify: (answer, series) => {
      if (ok(answer)) expect(ids(answer)).toContain(series.nextMeeting?.id);
    },
  }),
  row({
    route: "GET /meetings/{id}",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: (w) => w.meeting,
    call: (client, meeting) => client.get(`/api/v1/meetings/${meeting.id}`),
    verify: (answer, meeting) => {
      if (ok(answer)) expect(answer.body).toMatchObject({ id: meeting.id, seriesId: meeting.seriesId });
    },
  }),
  row({
    route: "PATCH /meetings/{id} (shared notes)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: freshOneOnOne,
    actor: newcomerActsAsSelf,
    call: (client, { meeting }, relation) =>
      client.patch(`/api/v1/meetings/${meeting.id}`, {
        version: meeting.version,
        sharedNotes: `By ${relation}`,
      }),
    verify: async (answer, { fresh, meeting }, relation, w) => {
      const now = await meetingNow(w, meeting.id, fresh);
      expect(now).toMatchObject({
        sharedNotes: ok(answer) ? `By ${relation}` : "",
        version: ok(answer) ? meeting.version + 1 : meeting.version,
      });
    },
  }),
  row({
    route: "POST /meetings/{id}/talking-points",
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: () => `Raised ${uniqueEmail("point")}`,
    call: (client, text, _, w) => client.post(`/api/v1/meetings/${w.meeting.id}/talking-points`, { text }),
    verify: async (answer, text, relation, w) => {
      const points = (await meetingNow(w, w.meeting.id)).talkingPoints.filter((point) => point.text === text);
      expect(points.map((point) => point.authorId)).toEqual(ok(answer) ? [idOf(w, relation)] : []);
    },
  }),
  row({
    route: "PATCH /talking-points/{id} (tick Sam's)",
    // Either of the pair may tick a point.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: samsPoint,
    call: (client, point) => client.patch(`/api/v1/talking-points/${point.id}`, { discussed: true }),
    verify: async (answer, point, _, w) => {
      expect((await pointNow(w, point.id))?.discussed).toBe(ok(answer));
    },
  }),
  row({
    route: "PATCH /talking-points/{id} (reword Sam's)",
    // Only its author may reword a point; the other of the pair sees it, so 403.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 403, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: samsPoint,
    call: (client, point, relation) =>
      client.patch(`/api/v1/talking-points/${point.id}`, { text: `Reworded by ${relation}` }),
    verify: async (answer, point, relation, w) => {
      expect((await pointNow(w, point.id))?.text).toBe(ok(answer) ? `Reworded by ${relation}` : point.text);
    },
  }),
  row({
    route: "DELETE /talking-points/{id} (Sam's)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 204, manager: 403, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: samsPoint,
    call: (client, point) => client.delete(`/api/v1/talking-points/${point.id}`),
    verify: async (answer, point, _, w) => {
      expect(await pointNow(w, point.id)).toEqual(
        ok(answer) ? undefined : expect.objectContaining({ id: point.id }),
      );
    },
  }),
  row({
    route: "GET /meetings/{id}/private-note (Sam's)",
    // Read by its author alone: Manny, who wrote none there, gets 404 like everyone else.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 404, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: (w) => w.meeting,
    call: (client, meeting) => client.get(`/api/v1/meetings/${meeting.id}/private-note`),
    verify: (answer, _, relation, w) => {
      if (ok(answer)) {
        expect(answer.body).toMatchObject({ text: w.selfNote });
        expect(answer.headers["cache-control"]).toBe("private, no-store");
      }
      if (relation !== "self") expect(JSON.stringify(answer.body)).not.toContain(w.selfNote);
    },
  }),
  row({
    route: "PUT /meetings/{id}/private-note",
    // Each of the pair writes their own; nobody else writes one at all.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: freshOneOnOne,
    actor: newcomerActsAsSelf,
    call: (client, { meeting }, relation) =>
      client.put(`/api/v1/meetings/${meeting.id}/private-note`, { text: `Noted by ${relation}` }),
    verify: async (answer, subject, relation, w) => {
      const notes = await w.h.ctx.db
        .selectFrom("private_note")
        .select(["author_id", "text"])
        .where("meeting_id", "=", subject.meeting.id)
        .execute();
      expect(notes).toEqual(
        ok(answer) ? [{ author_id: actorIdIn(w, relation, subject), text: `Noted by ${relation}` }] : [],
      );
    },
  }),
  row({
    route: "POST /meetings/{id}/action-items (for Sam)",
    // Either of the pair may add one; both may place on Sam's plate.
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: () => `Action ${uniqueEmail("item")}`,
    call: (client, title, _, w) =>
      client.post(`/api/v1/meetings/${w.meeting.id}/action-items`, { title, ownerId: w.self.id }),
    verify: async (answer, title, _, w) => {
      const stored = await w.h.ctx.db
        .selectFrom("task")
        .select(["state", "meeting_id"])
        .where("title", "=", title)
        .execute();
      expect(stored).toEqual(ok(answer) ? [{ state: "open", meeting_id: w.meeting.id }] : []);
    },
  }),
];

const cells = rows.flatMap((definition) =>
  relations.map((relation) => ({
    route: definition.route,
    relation,
    status: definition.expected[relation],
    definition,
  })),
);

describe.each(dialects)("authorization on %s", (dialect) => {
  const h = useHarness(dialect);
  let w: World;

  beforeAll(async () => {
    const organization = await standardOrganization(h.app);
    const partial = { ...organization, h } as World;
    partial.selfToken = await freshSelfToken(partial);
    partial.openInvitation = await freshInvitation(partial);
    partial.selfTask = await addTask(partial.self, partial.self.id, { title: "Sam's shared task" });
    partial.selfDone = await finishTask(partial.self, { title: "Sam's finished task" });
    partial.oneOnOne = await setUpOneOnOne(partial.manager, partial.self.id);
    partial.meeting = await nextMeetingOf(partial.self, partial.oneOnOne);
    partial.selfNote = `Only Sam reads this ${uniqueEmail("note")}`;
    const note = await partial.self.client.put(`/api/v1/meetings/${partial.meeting.id}/private-note`, {
      text: partial.selfNote,
    });
    expect(note.status, JSON.stringify(note.body)).toBe(200);
    w = partial;
  });

  it.each(cells)("$route as $relation → $status", async ({ relation, status, definition }) => {
    const subject = await definition.subject(w);
    const client = definition.actor ? definition.actor(w, relation, subject) : clientOf(w, relation);
    try {
      const answer = await definition.call(client, subject, relation, w);
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      if (!ok(answer)) {
        expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
        expect(answer.body).toMatchObject({ status });
      }
      await definition.verify?.(answer, subject, relation, w);
    } finally {
      await definition.restore?.(subject, w);
    }
  });
});
