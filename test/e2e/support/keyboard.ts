import { expect, type Locator, type Page } from "@playwright/test";

/** The header's Search button: it names the keys that open the palette once the shortcuts listen. */
export function searchButton(page: Page): Locator {
  return page.getByRole("banner").getByRole("button", { name: "Search" });
}

/** Waits until the app's keyboard shortcuts listen (they load once the page has drawn). */
export async function shortcutsListen(page: Page): Promise<void> {
  await expect(searchButton(page)).toHaveAttribute("aria-keyshortcuts", /K/);
}

/** The open plate's task selected from the keyboard. */
export function selectedTask(page: Page): Locator {
  return page.getByRole("list", { name: "Open tasks" }).locator('li[aria-current="true"]');
}

/** The open tasks of a plate as the API orders them, top first. */
export async function openTitles(page: Page, ownerId: string): Promise<string[]> {
  const answer = await page.request.get(`/api/v1/people/${encodeURIComponent(ownerId)}/tasks?state=open`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { items: { title: string }[] }).items.map((task) => task.title);
}
