import { expect, type Page, test } from "@playwright/test";
import { openTitles, selectedTask, shortcutsListen } from "./support/keyboard";
import { signedInId, signUpWithOrganization } from "./support/people";
import { addTask, doneTasks, openTasks } from "./support/tasks";

const TITLES = ["Alpha plan", "Bravo review", "Charlie budget"];

/** Signs a new person up with three tasks on their plate, open in the page, shortcuts listening. */
async function plateWithThreeTasks(page: Page): Promise<string> {
  await signUpWithOrganization(page, { name: "Kay Keyboard", organization: "Shortcut Works" });
  const meId = await signedInId(page);
  for (const title of TITLES) await addTask(page, meId, { title });
  await page.goto("/plate");
  await expect(openTasks(page)).toHaveCount(TITLES.length);
  await shortcutsListen(page);
  return meId;
}

const undoNotice = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

test("j and k move the selection down the plate, with focus on the task selected", async ({ page }) => {
  await plateWithThreeTasks(page);
  await page.keyboard.press("j");
  await expect(selectedTask(page)).toHaveAccessibleName("#1 Alpha plan");
  await expect(selectedTask(page)).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(selectedTask(page)).toHaveAccessibleName("#3 Charlie budget");
  await expect(selectedTask(page)).toBeFocused();
  await page.keyboard.press("k");
  await expect(selectedTask(page)).toHaveAccessibleName("#2 Bravo review");
  await expect(selectedTask(page)).toHaveAttribute("tabindex", "0");
  await expect(openTasks(page).filter({ hasText: "Alpha plan" })).toHaveAttribute("tabindex", "-1");

  await test.step("Enter opens the selected task's details; Escape gives focus back to it", async () => {
    await page.keyboard.press("Enter");
    const drawer = page.getByRole("dialog", { name: "Bravo review" });
    await expect(drawer).toBeVisible();
    await page.keyboard.press("j");
    await expect(selectedTask(page)).toHaveAccessibleName("#2 Bravo review");
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(selectedTask(page)).toBeFocused();
  });
});

test("j, j, x completes the second task, with the row menu's undo", async ({ page }) => {
  const meId = await plateWithThreeTasks(page);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(undoNotice(page, "Completed “Bravo review”.")).toBeVisible();
  await expect(openTasks(page)).toHaveText([/Alpha plan/, /Charlie budget/]);
  await expect(selectedTask(page)).toHaveCount(0);
  expect((await doneTasks(page, meId)).map((task) => task.title)).toEqual(["Bravo review"]);
  expect(await openTitles(page, meId)).toEqual(["Alpha plan", "Charlie budget"]);

  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(openTasks(page)).toHaveText([/^1.*Alpha plan/, /^2.*Bravo review/, /^3.*Charlie budget/]);
  await expect.poll(() => openTitles(page, meId)).toEqual(TITLES);
});

test("Shift+↑ and Shift+↓ move the selected task one place, as dragging does", async ({ page }) => {
  const meId = await plateWithThreeTasks(page);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("Shift+ArrowUp");
  await expect(undoNotice(page, "Moved “Bravo review” to #1.")).toBeVisible();
  await expect(openTasks(page)).toHaveText([/^1.*Bravo review/, /^2.*Alpha plan/, /^3.*Charlie budget/]);
  await expect.poll(() => openTitles(page, meId)).toEqual(["Bravo review", "Alpha plan", "Charlie budget"]);
  await expect(selectedTask(page)).toHaveAccessibleName("#1 Bravo review");
  await expect(selectedTask(page)).toBeFocused();

  // At the top it stays; then down twice, to the bottom.
  await page.keyboard.press("Shift+ArrowUp");
  await page.keyboard.press("Shift+ArrowDown");
  await expect(openTasks(page)).toHaveText([/^1.*Alpha plan/, /^2.*Bravo review/, /^3.*Charlie budget/]);
  await page.keyboard.press("Shift+ArrowDown");
  await expect(openTasks(page)).toHaveText([/^1.*Alpha plan/, /^2.*Charlie budget/, /^3.*Bravo review/]);
  await expect.poll(() => openTitles(page, meId)).toEqual(["Alpha plan", "Charlie budget", "Bravo review"]);
  await expect(selectedTask(page)).toBeFocused();
});

test("keys typed in a field are typing: x in the add form types an x and completes nothing", async ({
  page,
}) => {
  const meId = await plateWithThreeTasks(page);
  await page.keyboard.press("j");
  await expect(selectedTask(page)).toHaveAccessibleName("#1 Alpha plan");
  await page.keyboard.press("c");
  const title = page.getByRole("textbox", { name: "Title" });
  await expect(title).toBeFocused();
  await page.keyboard.type("xjk?/gi");
  await page.keyboard.press("Shift+ArrowUp");
  await expect(title).toHaveValue("xjk?/gi");
  await expect(page).toHaveURL(/\/plate\?add=true$/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.getByRole("textbox", { name: "Notes" }).fill("");
  await page.getByRole("textbox", { name: "Notes" }).press("x");
  await expect(page.getByRole("textbox", { name: "Notes" })).toHaveValue("x");
  await expect(selectedTask(page)).toHaveAccessibleName("#1 Alpha plan");
  expect(await doneTasks(page, meId)).toEqual([]);
  expect(await openTitles(page, meId)).toEqual(TITLES);
});

test("? lists every shortcut, and g then i goes to the inbox", async ({ page }) => {
  await plateWithThreeTasks(page);
  await page.keyboard.press("?");
  const overlay = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(overlay).toBeVisible();
  for (const does of [
    "Open the command palette",
    "Complete the selected task",
    "Move the selected task up or down one place",
    "Go to Inbox",
  ]) {
    await expect(overlay.getByRole("row").filter({ hasText: does })).toBeVisible();
  }
  await page.keyboard.press("Escape");
  await expect(overlay).toBeHidden();

  await page.keyboard.press("g");
  await page.keyboard.press("i");
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  // A second key alone does nothing; the sequence takes it only after g.
  await page.keyboard.press("p");
  await expect(page).toHaveURL(/\/inbox$/);
  await page.keyboard.press("g");
  await page.keyboard.press("p");
  await expect(page).toHaveURL(/\/plate$/);
});
