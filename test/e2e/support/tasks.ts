import { expect, type Locator, type Page } from "@playwright/test";
import { appOrigin } from "./people";

interface TaskAnswer {
  id: string;
  title: string;
  completedAt: string | null;
}

/** Puts a task on a plate through the API, as whoever is signed in on the page. */
export async function addTask(page: Page, ownerId: string, body: { title: string }): Promise<TaskAnswer> {
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
