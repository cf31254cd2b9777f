import { expect, type Page, test } from "@playwright/test";
import { joinAsReport, joinOrganization, signUpWithOrganization } from "./support/people";
import { addTask, doneTasks, openTasks } from "./support/tasks";

/** What dnd-kit says to screen readers while a task is moved from the keyboard. */
const announcement = (page: Page, text: RegExp) => page.getByRole("status").filter({ hasText: text });

test("a manager adds work at #2 of a report's plate, and sees it move, get done, and its story", async ({
  page,
  browser,
}) => {
  await signUpWithOrganization(page, { name: "Manny Manager", organization: "Plate Works" });
  const ritaContext = await browser.newContext();
  const rita = await ritaContext.newPage();
  const ritaId = await joinAsReport(page, rita, "Rita Report");
  for (const title of ["Write the quarterly plan", "Review pull requests", "Book the offsite venue"]) {
    await addTask(rita, ritaId, { title });
  }

  await test.step("the report has their plate open", async () => {
    await rita.goto("/");
    await expect(rita).toHaveURL(/\/plate$/);
    await expect(rita.getByRole("heading", { name: "My plate" })).toBeVisible();
    await expect(openTasks(rita)).toHaveText([
      /Write the quarterly plan/,
      /Review pull requests/,
      /Book the offsite venue/,
    ]);
  });

  await test.step("the manager opens the report's plate from the team page", async () => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
    const card = page.getByRole("article", { name: "Rita Report" });
    await expect(card.getByRole("group", { name: "Rita Report's load" })).toContainText("3 open");
    await expect(
      card.getByRole("list", { name: "Top of Rita Report's plate" }).getByRole("listitem"),
    ).toHaveText([/Write the quarterly plan/, /Review pull requests/, /Book the offsite venue/]);
    await card.getByRole("link", { name: "Open Rita Report's plate" }).click();
    await expect(page.getByRole("heading", { name: "Rita Report's plate" })).toBeVisible();
  });

  await test.step("the manager adds a task at #2, with the plate and what moves down in view", async () => {
    await page.getByRole("button", { name: "Add task" }).click();
    await page.getByLabel("Title").fill("Prepare the launch checklist");
    await page.getByRole("combobox", { name: "Position" }).click();
    await page.getByRole("option", { name: "After #1 “Write the quarterly plan”" }).click();
    await expect(page.getByText("Goes in at #2. 2 tasks move down one place")).toBeVisible();
    await expect(page.getByRole("listitem", { name: "New task goes here, at #2" })).toContainText(
      "Prepare the launch checklist",
    );
    await page.getByRole("button", { name: "Add task" }).click();
    await expect(openTasks(page)).toHaveText([
      /^1.*Write the quarterly plan/,
      /^2.*Prepare the launch checklist/,
      /^3.*Review pull requests/,
      /^4.*Book the offsite venue/,
    ]);
  });

  await test.step("the report's open plate shows it at once, and they move it to the top from the keyboard", async () => {
    await expect(openTasks(rita).nth(1)).toContainText("Prepare the launch checklist");
    await expect(openTasks(rita).nth(1)).toContainText("Asked by Manny Manager");
    const handle = rita.getByRole("button", { name: "Reorder “Prepare the launch checklist”" });
    await handle.focus();
    await rita.keyboard.press("Space");
    await expect(handle).toHaveAttribute("aria-pressed", "true");
    await rita.keyboard.press("ArrowUp");
    await expect(announcement(rita, /would go to position 1/)).toBeAttached();
    await rita.keyboard.press("Space");
    await expect(openTasks(rita)).toHaveText([
      /^1.*Prepare the launch checklist/,
      /^2.*Write the quarterly plan/,
      /^3.*Review pull requests/,
      /^4.*Book the offsite venue/,
    ]);
  });

  await test.step("the manager's plate follows without a reload", async () => {
    await expect(openTasks(page)).toHaveText([
      /^1.*Prepare the launch checklist/,
      /^2.*Write the quarterly plan/,
      /^3.*Review pull requests/,
      /^4.*Book the offsite venue/,
    ]);
  });

  await test.step("the report completes it, and it leaves the manager's open plate", async () => {
    await rita.getByRole("button", { name: "Complete “Prepare the launch checklist”" }).click();
    await expect(openTasks(rita)).toHaveCount(3);
    await expect(openTasks(page)).toHaveText([
      /^1.*Write the quarterly plan/,
      /^2.*Review pull requests/,
      /^3.*Book the offsite venue/,
    ]);
    await expect(page.getByRole("group", { name: "Rita Report's load" })).toContainText("3 open");
  });

  await test.step("the manager sees when it was completed, and its history", async () => {
    await page.getByRole("tab", { name: "Done" }).click();
    const [completed] = await doneTasks(page, ritaId);
    expect(completed?.title).toBe("Prepare the launch checklist");
    const completedAt = await page.evaluate(
      (instant) =>
        new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(
          new Date(instant),
        ),
      completed?.completedAt ?? "",
    );
    const row = page
      .getByRole("list", { name: "Completed tasks" })
      .getByRole("listitem")
      .filter({ hasText: "Prepare the launch checklist" });
    await expect(row).toContainText(`Completed ${completedAt}`);

    await row.getByRole("button", { name: "Prepare the launch checklist", exact: true }).click();
    const drawer = page.getByRole("dialog", { name: "Prepare the launch checklist" });
    await expect(drawer.getByText("Manny Manager added it at position 2")).toBeVisible();
    await expect(drawer.getByText("Rita Report moved it from 2 to 1")).toBeVisible();
    await expect(drawer.getByText("Rita Report completed it")).toBeVisible();
  });

  await ritaContext.close();
});

test("someone outside the chain asks for something, and the owner takes it from triage to the top", async ({
  page,
  browser,
}) => {
  await signUpWithOrganization(page, { name: "Olga Owner", organization: "Triage Co" });
  const ritaContext = await browser.newContext();
  const rita = await ritaContext.newPage();
  const ritaId = await joinAsReport(page, rita, "Rita Report");
  const peteContext = await browser.newContext();
  const pete = await peteContext.newPage();
  await joinOrganization(page, pete, "Pete Peer", null);
  for (const title of ["Write the quarterly plan", "Review pull requests"]) {
    await addTask(rita, ritaId, { title });
  }
  await rita.goto("/plate");
  await expect(openTasks(rita)).toHaveCount(2);

  await test.step("a peer asks from the People page and is told it lands in triage", async () => {
    await pete.goto("/people");
    await pete.getByRole("link", { name: "Ask Rita Report for something" }).click();
    await expect(pete.getByRole("heading", { name: "Ask Rita Report for something" })).toBeVisible();
    await expect(pete.getByText("What you ask lands in Rita's triage")).toBeVisible();
    await expect(pete.getByRole("list", { name: "Open tasks" })).toHaveCount(0);
    await pete.getByLabel("Title").fill("Mock-ups for the Acme pitch");
    await pete.getByRole("button", { name: "Send to Rita's triage" }).click();
    await expect(pete.getByRole("status").filter({ hasText: "Sent to Rita's triage" })).toBeVisible();
  });

  await test.step("the owner sees it waiting, and accepts it at the top of the plate", async () => {
    const nav = rita.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: /My plate.*1 in triage/ })).toBeVisible();
    await rita.getByRole("tab", { name: /Triage/ }).click();
    const request = rita.getByRole("list", { name: "Triage" }).getByRole("listitem");
    await expect(request).toHaveCount(1);
    await expect(request).toContainText("Asked by Pete Peer");
    await request.getByRole("button", { name: "Accept “Mock-ups for the Acme pitch”" }).click();
    const dialog = rita.getByRole("dialog", { name: "Accept “Mock-ups for the Acme pitch”" });
    await dialog.getByRole("combobox", { name: "Position" }).click();
    await rita.getByRole("option", { name: "Top of the plate" }).click();
    await expect(
      dialog.getByRole("list", { name: "The plate with it in place" }).getByRole("listitem"),
    ).toHaveText([
      /1.*Mock-ups for the Acme pitch/,
      /2.*Write the quarterly plan/,
      /3.*Review pull requests/,
    ]);
    await dialog.getByRole("button", { name: "Accept onto the plate" }).click();
    await expect(dialog).toBeHidden();
    await expect(rita.getByText("Triage is clear")).toBeVisible();
    await rita.getByRole("tab", { name: /Open/ }).click();
    await expect(openTasks(rita)).toHaveText([
      /^1.*Mock-ups for the Acme pitch/,
      /^2.*Write the quarterly plan/,
      /^3.*Review pull requests/,
    ]);
  });

  await ritaContext.close();
  await peteContext.close();
});
