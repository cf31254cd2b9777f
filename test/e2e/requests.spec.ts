import { expect, type Page, test } from "@playwright/test";
import { joinAsReport, signUpWithOrganization } from "./support/people";
import { formatOnPage, readRequest } from "./support/requests";
import { addTask, openTasks } from "./support/tasks";

const TITLE = "Confirm your travel dates for the offsite";
const REASON = "The offsite moved to next quarter";

/** One person asked, as a row of the request page. */
const askedRow = (page: Page, name: string) =>
  page.getByRole("list", { name: "People asked" }).getByRole("listitem", { name });

test("a manager asks three reports for the same thing, follows who did it, and calls it off", async ({
  page,
  browser,
}) => {
  await signUpWithOrganization(page, { name: "Manny Manager", organization: "Request Works" });
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [rita, sam, tess] = await Promise.all(contexts.map((context) => context.newPage()));
  if (!rita || !sam || !tess) throw new Error("three pages were opened");
  const ritaId = await joinAsReport(page, rita, "Rita Report");
  await joinAsReport(page, sam, "Sam Report");
  await joinAsReport(page, tess, "Tess Report");
  for (const title of ["Write the quarterly plan", "Review pull requests"]) {
    await addTask(rita, ritaId, { title });
  }
  let requestId = "";

  await test.step("the manager asks their direct reports, seeing their loads before sending", async () => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
    await expect(page.getByRole("heading", { name: "Requests" })).toBeVisible();
    await expect(page.getByText("No requests yet")).toBeVisible();
    await page.getByRole("link", { name: "New request" }).click();
    await expect(page.getByRole("heading", { name: "New request" })).toBeVisible();

    await page.getByLabel("Title").fill(TITLE);
    await page.getByLabel("Notes").fill("Flights or train, and the nights you need a room.");
    await page.getByRole("checkbox", { name: "My direct reports" }).check();

    await expect(page.getByText("This asks 3 people for their time.")).toBeVisible();
    await expect(page.getByText("Each goes to the bottom of their plate.")).toBeVisible();
    const who = page.getByRole("list", { name: "Who this asks" });
    await expect(who.getByRole("listitem")).toHaveCount(3);
    await expect(who.getByRole("group", { name: "Rita Report's load" })).toContainText("2 open");
    await expect(who.getByRole("group", { name: "Sam Report's load" })).toContainText("0 open");
    await expect(who.getByRole("group", { name: "Tess Report's load" })).toContainText("0 overdue");
    await expect(who.getByRole("listitem", { name: "Tess Report" })).toContainText("Bottom of their plate");

    await page.getByRole("button", { name: "Send to 3 people" }).click();
    await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
    await expect(page).toHaveURL(/\/requests\/[^/]+$/);
    requestId = new URL(page.url()).pathname.split("/").pop() ?? "";
    await expect(page.getByText("0 of 3 done")).toBeVisible();
    await expect(page.getByText("3 still open")).toBeVisible();
  });

  await test.step("two reports find it at the bottom of their plates and complete it", async () => {
    for (const report of [rita, sam]) {
      await report.goto("/plate");
      const row = openTasks(report).filter({ hasText: TITLE });
      await expect(row).toContainText("Asked by Manny Manager");
      await expect(row.getByRole("link", { name: "Open the request this came from" })).toBeVisible();
      await expect(openTasks(report).last()).toContainText(TITLE);
      await report.getByRole("button", { name: `Complete “${TITLE}”` }).click();
      await expect(openTasks(report).filter({ hasText: TITLE })).toHaveCount(0);
    }
  });

  await test.step("the manager's request page follows: 2 of 3 done, with both completion times", async () => {
    await expect(page.getByText("2 of 3 done")).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "2 of 3 done, 1 still open" })).toBeVisible();
    const request = await readRequest(page, requestId);
    for (const [report, name] of [
      [rita, "Rita Report"],
      [sam, "Sam Report"],
    ] as const) {
      const id = (await report.request.get("/api/v1/me").then((answer) => answer.json())) as { id: string };
      const completedAt = request.assignees.find((assignee) => assignee.personId === id.id)?.completedAt;
      expect(completedAt).toBeTruthy();
      await expect(askedRow(page, name)).toContainText(
        `Completed ${await formatOnPage(page, completedAt ?? "")}`,
      );
    }
    await expect(askedRow(page, "Tess Report")).toContainText("Not done yet");
    // Still open first.
    await expect(
      page.getByRole("list", { name: "People asked" }).getByRole("listitem").first(),
    ).toHaveAccessibleName("Tess Report");
  });

  await test.step("the manager cancels it with a reason; finished work stays done", async () => {
    await page.getByRole("button", { name: "Cancel request" }).click();
    const dialog = page.getByRole("dialog", { name: `Cancel “${TITLE}”?` });
    await expect(dialog).toContainText("The 1 task still open is dropped with your reason");
    await expect(dialog).toContainText("The 2 finished tasks stay done.");
    await dialog.getByRole("button", { name: "Cancel request" }).click();
    await expect(dialog.getByText("Say why, so that everyone asked knows")).toBeVisible();
    await dialog.getByLabel("Reason").fill(REASON);
    await dialog.getByRole("button", { name: "Cancel request" }).click();
    await expect(dialog).toBeHidden();

    const canceled = page.getByRole("status").filter({ hasText: "Canceled" });
    await expect(canceled).toContainText(REASON);
    await expect(page.getByRole("button", { name: "Cancel request" })).toHaveCount(0);
    await expect(page.getByText("2 of 3 done")).toBeVisible();
    await expect(askedRow(page, "Tess Report")).toContainText("Dropped");
    await expect(askedRow(page, "Tess Report")).toContainText(REASON);
    await expect(askedRow(page, "Rita Report")).toContainText("Done");
  });

  await test.step("the third report finds it under Dropped with the reason, and can open the request", async () => {
    await tess.goto("/plate");
    await expect(openTasks(tess).filter({ hasText: TITLE })).toHaveCount(0);
    await tess.getByRole("tab", { name: /Dropped/ }).click();
    const row = tess
      .getByRole("list", { name: "Dropped tasks" })
      .getByRole("listitem")
      .filter({ hasText: TITLE });
    await expect(row).toContainText(REASON);
    await row.getByRole("button", { name: TITLE, exact: true }).click();
    const drawer = tess.getByRole("dialog", { name: TITLE });
    await drawer.getByRole("link", { name: TITLE }).click();
    await expect(tess.getByRole("heading", { name: TITLE })).toBeVisible();
    await expect(tess.getByRole("status").filter({ hasText: "Canceled" })).toContainText(REASON);
  });

  await test.step("the manager's requests list shows it with its progress", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
    const item = page.getByRole("list", { name: "My requests" }).getByRole("listitem", { name: TITLE });
    await expect(item).toContainText("2 of 3 done");
    await expect(item).toContainText("Canceled");
  });

  await Promise.all(contexts.map((context) => context.close()));
});
