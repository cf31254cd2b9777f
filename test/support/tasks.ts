import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { HistoryEntry, Load, Plate, Task, TeamMember } from "../../src/contract/tasks";
import type { Answer, Client } from "./client";
import type { Harness } from "./harness";
import { baseUrl } from "./harness";

export type { HistoryEntry, Load, Plate, Task, TeamMember };

/** Anyone who can call the API: a Member from the factories, or a wrapped client. */
export interface Caller {
  client: Client;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
  current?: Task;
}

/** An instant as the API spells it: ISO 8601 in UTC, with milliseconds and `Z`. */
export const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Asserts a problem+json answer of `status`, naming `paths` among its field errors when given. */
export function expectProblem(answer: Answer<unknown>, status: number, ...paths: string[]): Problem {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = answer.body as Problem;
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  const named = (body.errors ?? []).map((error) => error.path);
  for (const path of paths) expect(named, JSON.stringify(body)).toContain(path);
  return body;
}

/** Adds a task to `ownerId`'s plate as `as`, expecting 201. */
export async function addTask(
  as: Caller,
  ownerId: string,
  body: Record<string, unknown> = {},
): Promise<Task> {
  const answer = await as.client.post<Task>(`/api/v1/people/${ownerId}/tasks`, { title: "A task", ...body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** Adds one task per title, one after the other (each at the bottom unless `body` says otherwise). */
export async function addTasks<const T extends readonly string[]>(
  as: Caller,
  ownerId: string,
  titles: T,
  body: Record<string, unknown> = {},
): Promise<{ [K in keyof T]: Task }> {
  const tasks: Task[] = [];
  for (const title of titles) tasks.push(await addTask(as, ownerId, { ...body, title }));
  return tasks as { [K in keyof T]: Task };
}

/** A plate as `as` sees it (`query` like `state=done&limit=2`), expecting 200. */
export async function plateOf(as: Caller, ownerId: string, query = ""): Promise<Plate> {
  const answer = await as.client.get<Plate>(`/api/v1/people/${ownerId}/tasks${query ? `?${query}` : ""}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

export const titlesOf = (list: { items: readonly Task[] } | readonly Task[]) =>
  ("items" in list ? list.items : list).map((task) => task.title);

export const positionsOf = (list: { items: readonly Task[] } | readonly Task[]) =>
  ("items" in list ? list.items : list).map((task) => task.position);

/** 1..n, what the positions of a plate of n open tasks must be. */
export const oneTo = (n: number) => Array.from({ length: n }, (_, index) => index + 1);

export async function taskOf(as: Caller, id: string): Promise<Task> {
  const answer = await as.client.get<Task>(`/api/v1/tasks/${id}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

export const patchTask = (as: Caller, id: string, body: unknown) =>
  as.client.patch<Task & Problem>(`/api/v1/tasks/${id}`, body);

export const moveTask = (as: Caller, id: string, body: unknown) =>
  as.client.post<Task & Problem>(`/api/v1/tasks/${id}/move`, body);

export const acceptTask = (as: Caller, id: string, body: unknown) =>
  as.client.post<Task & Problem>(`/api/v1/tasks/${id}/accept`, body);

export const declineTask = (as: Caller, id: string, body: unknown) =>
  as.client.post<Task & Problem>(`/api/v1/tasks/${id}/decline`, body);

/** PATCH that must succeed: sends the task's current version along. */
export async function changeTask(as: Caller, task: Task, body: Record<string, unknown>): Promise<Task> {
  const answer = await patchTask(as, task.id, { version: task.version, ...body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

export async function historyOf(as: Caller, id: string): Promise<HistoryEntry[]> {
  const answer = await as.client.get<{ items: HistoryEntry[] }>(`/api/v1/tasks/${id}/history`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items;
}

/** Sets the caller's own time zone (and with it, the zone their floating due dates follow). */
export async function setTimeZone(as: Caller, timeZone: string): Promise<void> {
  const answer = await as.client.patch("/api/v1/me", { timeZone });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.body.timeZone).toBe(timeZone);
}

/**
 * Every stored row of a plate and of its tasks' histories, straight from the database: equal before
 * and after a refused request means nothing was written.
 */
export async function plateRows(h: Harness, ownerId: string) {
  const tasks = await h.ctx.db
    .selectFrom("task")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .orderBy("id")
    .execute();
  const ids = tasks.map((task) => task.id);
  const events =
    ids.length === 0
      ? []
      : await h.ctx.db
          .selectFrom("task_event")
          .selectAll()
          .where("task_id", "in", ids)
          .orderBy("id")
          .execute();
  return { tasks, events };
}

/**
 * Opens `GET /api/v1/events` as `client` and answers as soon as the response head is written (the
 * stream itself stays open until the app closes), with the first chunk of the stream when there is one.
 */
export async function openEvents(app: FastifyInstance, client: Client): Promise<Answer> {
  const headers: Record<string, string> = { origin: baseUrl };
  if (client.credentials.cookie) headers.cookie = client.credentials.cookie;
  if (client.credentials.token) headers.authorization = `Bearer ${client.credentials.token}`;
  const response = await app.inject({ method: "GET", url: "/api/v1/events", headers, payloadAsStream: true });
  const type = String(response.headers["content-type"] ?? "");
  const stream = response.stream();
  if (!type.startsWith("text/event-stream")) {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    const text = Buffer.concat(chunks).toString();
    return {
      status: response.statusCode,
      headers: response.headers,
      body: type.includes("json") ? JSON.parse(text) : text,
    };
  }
  const first = await new Promise<string>((resolve) =>
    stream.once("data", (chunk) => resolve(String(chunk))),
  );
  return { status: response.statusCode, headers: response.headers, body: { firstChunk: first } };
}
