import { expect } from "vitest";
import type { Answer, Client } from "../support/client";
import { invite, type standardOrganization, uniqueEmail } from "../support/factories";
import type { Harness } from "../support/harness";
import { type Meeting, nextMeetingOf, type Series, setUpOneOnOne } from "../support/one-on-ones";
import { acceptTask, addTask, type Task, taskOf } from "../support/tasks";

/**
 * Who may do what, as one table: every /api/v1 route × every relation to Sam Self.
 * Each row acts on Sam Self or on something of theirs; each cell is its own test, named by route and
 * relation. Cells stay independent: rows that change their subject make a fresh one per cell, or put
 * Sam Self back as they were afterwards, whatever the outcome.
 */
export type Relation =
  | "self"
  | "manager"
  | "grand"
  | "peer"
  | "branch"
  | "outsider"
  | "anonymous"
  | "admin"
  | "owner";
export type Expected = Record<Relation, number>;
export type World = Awaited<ReturnType<typeof standardOrganization>> & {
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

export const relations: Relation[] = [
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

export interface Row<S> {
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

export const row = <S>(definition: Row<S>) => definition as unknown as Row<unknown>;

export const clientOf = (w: World, relation: Relation): Client =>
  relation === "anonymous" ? w.anonymous : w[relation].client;

export const idOf = (w: World, relation: Relation): string | null =>
  relation === "anonymous" ? null : w[relation].id;

export const ids = (answer: Answer) => (answer.body.items as { id: string }[]).map((item) => item.id);

export const ok = (answer: Answer) => answer.status >= 200 && answer.status < 300;

/** A newcomer placed exactly where Sam Self is: reporting to the manager, beside the peer. */
export const freshSelf = (w: World) => invite(w.h.app, w.owner, "Sam Fresh", { managerId: w.manager.id });

/** Sam Self, or the fresh Sam standing in for them, acts as "self". */
export const subjectActsAsSelf = (w: World, relation: Relation, subject: { client: Client }) =>
  relation === "self" ? subject.client : clientOf(w, relation);

/** A new open invitation to Sam Self's organization, for someone who would report to Sam. */
export async function freshInvitation(w: World) {
  const answer = await w.owner.client.post<{ id: string; token: string }>("/api/v1/invitations", {
    email: uniqueEmail("report"),
    managerId: w.self.id,
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

export async function freshSelfToken(w: World) {
  const answer = await w.self.client.post<{ id: string; token: string }>("/api/v1/tokens", {
    name: "laptop",
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

export const personAsOwner = async (w: World, id: string) =>
  (await w.owner.client.get(`/api/v1/people/${id}`)).body as {
    managerId: string;
    role: string;
    title: string;
  };

/** Sam Self and their chain see Sam's plate; of everyone else, only a task's requester sees that task. */
export const onPlate: Relation[] = ["self", "manager", "grand", "owner"];

/** A task Sam Self adds to their own plate: Sam is its owner and requester. */
export const freshTask = (w: World) => addTask(w.self, w.self.id, { title: "Sam's own" });

/** An ask from Pat Peer (outside Sam's chain), waiting in Sam's triage. */
export const peerAsk = (w: World) => addTask(w.peer, w.self.id, { title: "Asked by Pat" });

/** An ask from Pat Peer that Sam's manager took onto Sam's plate. */
export async function acceptedPeerAsk(w: World) {
  const asked = await peerAsk(w);
  expect((await acceptTask(w.manager, asked.id, { placement: "bottom" })).status).toBe(200);
  return taskOf(w.self, asked.id);
}

/** A task Sam Self adds to their own plate and completes at once. */
export async function finishTask(
  self: { id: string; client: Client },
  body: { title: string },
): Promise<Task> {
  const task = await addTask(self, self.id, body);
  const answer = await self.client.patch<Task>(`/api/v1/tasks/${task.id}`, {
    version: task.version,
    state: "done",
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** How a task is now, as its owner sees it. */
export const current = (w: World, task: Task) => taskOf(w.self, task.id);

export interface SentRequest {
  id: string;
  assignees: { personId: string; taskId: string; state: string }[];
}

/** A request `from` sends, expecting 201. */
export async function sendAsk(from: { client: Client }, assigneeIds: string[]): Promise<SentRequest> {
  const answer = await from.client.post<SentRequest>("/api/v1/requests", {
    title: `Request ${uniqueEmail("ask")}`,
    assigneeIds,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** Sam Self asks Pat Peer: Sam is its requester, Pat its assignee. */
export const samsAsk = (w: World) => sendAsk(w.self, [w.peer.id]);

/** Sam's manager asks Sam: Sam is its assignee. */
export const mannysAsk = (w: World) => sendAsk(w.manager, [w.self.id]);

/** A request as the organization's owner sees it now. */
export const requestNow = async (w: World, id: string) => {
  const answer = await w.owner.client.get<SentRequest & { canceledAt: string | null }>(
    `/api/v1/requests/${id}`,
  );
  expect(answer.status).toBe(200);
  return answer.body;
};

/** Pat asks Sam again: the id of the entry it put in Sam's inbox. */
export async function samsEntryOfAnAsk(w: World): Promise<string> {
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
export const inOneOnOne: Relation[] = ["self", "manager"];

/** A newcomer placed where Sam Self is, and the one-on-one their manager sets up with them. */
export async function freshOneOnOne(w: World) {
  const fresh = await freshSelf(w);
  const series = await setUpOneOnOne(w.manager, fresh.id);
  return { fresh, series, meeting: await nextMeetingOf(fresh, series) };
}

/** The newcomer of a fresh one-on-one acts as "self". */
export const newcomerActsAsSelf = (w: World, relation: Relation, subject: { fresh: { client: Client } }) =>
  subjectActsAsSelf(w, relation, subject.fresh);

/** Who acts as `relation` in a fresh one-on-one's cell: the newcomer for "self". */
export const actorIdIn = (w: World, relation: Relation, subject: { fresh: { id: string } }) =>
  relation === "self" ? subject.fresh.id : idOf(w, relation);

/** A meeting as Sam Self reads it now. */
export async function meetingNow(
  w: World,
  id: string,
  reader: { client: Client } = w.self,
): Promise<Meeting> {
  const answer = await reader.client.get<Meeting>(`/api/v1/meetings/${id}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** A talking point Sam Self adds to their shared meeting. */
export async function samsPoint(w: World) {
  const answer = await w.self.client.post<{ id: string; text: string }>(
    `/api/v1/meetings/${w.meeting.id}/talking-points`,
    { text: `Sam raises ${uniqueEmail("point")}` },
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

export const pointNow = async (w: World, id: string) =>
  (await meetingNow(w, w.meeting.id)).talkingPoints.find((point) => point.id === id);
