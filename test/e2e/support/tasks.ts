import { expect, type Locator, type Page } from "@playwright/test";
import { appOrigin } from "./people";

type Due = { date: string } | { at: string };

interface TaskAnswer {
  id: string;
  title: string;
  completedAt: string | null;
  version: number;
}

/** Puts a task on a plate through the API, as whoever is signed in on the page. */
export async function addTask(
  page: Page,
  ownerId: string,
  body: { title: string; due?: Due },
): Promise<TaskAnswer> {
  const answer = await page.request.post(`/api/v1/people/${encodeURIComponent(ownerId)}/tasks`, {
    data: body,
    headers: { origin: appOrigin() },
  });
  expect(answer.status()).toBe(201);
  return (await answer.json()) as TaskAnswer;
}

/** The finished tasks of a plate, newest first, as the API tells them. */
export async function doneTasks(page: Page, ownerId: string): Promise<TaskAnswer[]> {
  const answer = await page.request.get(`/api/v1/people/${encodeURIComponent(ownerId)}/tasks?state=done`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { items: TaskAnswer[] }).items;
}

/** The open plate on the page, one list item per task, top first. */
export function openTasks(page: Page): Locator {
  return page.getByRole("list", { name: "Open tasks" }).getByRole("listitem");
}

/**
 * Changes a task through the API at its current version, as whoever is signed in on the page:
 * `{state: "done"}` completes it, `{state: "dropped", dropReason}` drops it, `{due}` moves its due.
 */
export async function changeTask(
  page: Page,
  taskId: string,
  patch: { state?: "done" | "dropped"; dropReason?: string; due?: Due | null },
): Promise<TaskAnswer> {
  const path = `/api/v1/tasks/${encodeURIComponent(taskId)}`;
  const current = await page.request.get(path);
  expect(current.status()).toBe(200);
  const { version } = (await current.json()) as TaskAnswer;
  const answer = await page.request.patch(path, {
    data: { version, ...patch },
    headers: { origin: appOrigin() },
  });
  expect(answer.status()).toBe(200);
  return (await answer.json()) as TaskAnswer;
}

/** The calendar date some days from now, `YYYY-MM-DD`, on the UTC calendar. */
export function dateInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
