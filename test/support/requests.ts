import { expect } from "vitest";
import type { AssigneePreview, Request } from "../../src/contract/requests";
import type { Harness } from "./harness";
import type { Caller, Problem } from "./tasks";

export type { AssigneePreview, Request };

export const postRequest = (as: Caller, body: unknown) =>
  as.client.post<Request & Problem>("/api/v1/requests", body);

/** Sends a request as `as`, expecting 201. */
export async function sendRequest(as: Caller, body: Record<string, unknown>): Promise<Request> {
  const answer = await postRequest(as, { title: "Fill in the survey", ...body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** A request as `as` sees it, expecting 200. */
export async function requestOf(as: Caller, id: string): Promise<Request> {
  const answer = await as.client.get<Request>(`/api/v1/requests/${id}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

export async function myRequests(as: Caller): Promise<Request[]> {
  const answer = await as.client.get<{ items: Request[] }>("/api/v1/requests");
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items;
}

export const cancelRequest = (as: Caller, id: string, body: unknown) =>
  as.client.post<Request & Problem>(`/api/v1/requests/${id}/cancel`, body);

export const addAssignees = (as: Caller, id: string, body: unknown) =>
  as.client.post<Request & Problem>(`/api/v1/requests/${id}/assignees`, body);

export const previewFor = (as: Caller, query: string) =>
  as.client.get<{ items: AssigneePreview[] } & Problem>(`/api/v1/requests/preview?${query}`);

/** The task `personId` got from a request. */
export function taskIdOf(request: Request, personId: string): string {
  const assignee = request.assignees.find((one) => one.personId === personId);
  expect(assignee, `${personId} in ${JSON.stringify(request.assignees)}`).toBeDefined();
  return (assignee as Request["assignees"][number]).taskId;
}

export const assigneeIdsOf = (request: Request) => request.assignees.map((one) => one.personId).sort();

/** Every stored request and task of this title, straight from the database. */
export async function storedByTitle(h: Harness, title: string) {
  const requests = await h.ctx.db.selectFrom("request").select("id").where("title", "=", title).execute();
  const tasks = await h.ctx.db.selectFrom("task").select("id").where("title", "=", title).execute();
  return { requests, tasks };
}
