import { expect, type Page, test } from "@playwright/test";
import { appOrigin, joinAsReport, signUpWithOrganization } from "./support/people";
import { openTasks } from "./support/tasks";

const TITLE = "Prepare the board deck";

/** Puts an urgent task on someone's plate through the API, as whoever is signed in on the page. */
async function addUrgentTask(page: Page, ownerId: string, title: string): Promise<void> {
  const answer = await page.request.post(`/api/v1/people/${encodeURIComponent(ownerId)}/tasks`, {
    data: { title, urgent: true },
    headers: { origin: appOrigin() },
  });
  expect(answer.status()).toBe(201);
}

test("work a manager adds reaches the report's inbox and digest, not their e-mail", async ({
  page,
  browser,
}) => {
  await signUpWithOrganization(page, { name: "Manny Manager", organization: "Calm Works" });
  const ritaContext = await browser.newContext();
  const rita = await ritaContext.newPage();
  const ritaId = await joinAsReport(page, rita, "Rita Report");
  const nav = rita.getByRole("navigation", { name: "Main" });
  const inboxLink = nav.getByRole("link", { name: /^Inbox/ });

  await test.step("the report has the app open, with nothing unread", async () => {
    await rita.goto("/plate");
    await expect(rita.getByRole("heading", { name: "My plate" })).toBeVisible();
    await expect(inboxLink).toHaveAccessibleName("Inbox");
  });

  await test.step("the manager adds a task, and the report's unread count follows without a reload", async () => {
    await page.goto("/people");
    const answer = await page.request.post(`/api/v1/people/${encodeURIComponent(ritaId)}/tasks`, {
      data: { title: TITLE },
      headers: { origin: appOrigin() },
    });
    expect(answer.status()).toBe(201);
    await expect(openTasks(rita)).toHaveText([new RegExp(TITLE)]);
    await expect(inboxLink).toHaveAccessibleName(/Inbox.*1 unread/);
  });

  const entry = rita
    .getByRole("list", { name: "Inbox entries" })
    .getByRole("link", { name: `Manny Manager put “${TITLE}” on your plate at #1` });

  const digestTab = rita.getByRole("tab", { name: "Preview my next digest" });

  await test.step("the report reads it as a sentence, and the digest preview carries it", async () => {
    await inboxLink.click();
    await expect(rita.getByRole("heading", { name: "Inbox" })).toBeVisible();
    await expect(entry).toBeVisible();
    await expect(entry).toContainText("Unread");
    await digestTab.click();
    await expect(rita.getByText(/^Subject:/)).toBeVisible();
    await expect(rita.locator("pre")).toContainText(TITLE);
    await rita.getByText("As e-mailed (HTML)").click();
    await expect(
      rita.frameLocator('iframe[title="Your next digest, as e-mailed"]').getByText(new RegExp(TITLE)),
    ).toBeVisible();
  });

  await test.step("opening the entry marks it read and leads to the plate", async () => {
    await rita.getByRole("tab", { name: /^Entries/ }).click();
    await entry.click();
    await expect(rita).toHaveURL(/\/plate$/);
    await expect(inboxLink).toHaveAccessibleName("Inbox");
    await inboxLink.click();
    await expect(entry).toBeVisible();
    await expect(entry).not.toContainText("Unread");
    await expect(rita.getByRole("button", { name: "Mark all read" })).toBeDisabled();
  });

  await test.step("what was read is left out of the digest: no e-mail would go now", async () => {
    await digestTab.click();
    await expect(rita.getByText("No e-mail would be sent now")).toBeVisible();
  });

  await ritaContext.close();
});

test("urgent items count on the team card, stop at the weekly limit with its reason, and show in the outbox", async ({
  page,
  browser,
}) => {
  await signUpWithOrganization(page, { name: "Olga Owner", organization: "Urgent Co" });
  const ritaContext = await browser.newContext();
  const rita = await ritaContext.newPage();
  const ritaId = await joinAsReport(page, rita, "Rita Report");
  await addUrgentTask(page, ritaId, "Fix the payroll export");
  await addUrgentTask(page, ritaId, "Call the auditor back");

  await test.step("the team card counts the interruptions", async () => {
    await page.goto("/team");
    await expect(page.getByRole("article", { name: "Rita Report" })).toContainText(
      "2 urgent interruptions this week",
    );
  });

  await test.step("a third urgent item is refused, with the reason beside the Urgent box", async () => {
    await page.goto(`/people/${ritaId}/plate?add=true`);
    await page.getByLabel("Title").fill("Renew the office lease");
    const urgent = page.getByRole("checkbox", { name: "Urgent" });
    await expect(page.getByText("You can do this at most 2 times a week for Rita.")).toBeVisible();
    await urgent.check();
    await page.getByRole("button", { name: "Add task" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved." })).toBeVisible();
    await expect(page.getByText(/already sent Rita Report 2 urgent items this week/)).toBeVisible();
  });

  await test.step("the owner sees both urgent e-mails in the outbox, and reads one", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
    await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
    const message = page.getByRole("button", { name: /^Urgent to .*: .*Call the auditor back/ });
    await expect(page.getByRole("button", { name: /^Urgent to / })).toHaveCount(2);
    await message.click();
    await expect(page.locator("pre")).toContainText("Call the auditor back");
  });

  await test.step("the owner's audit log tells who joined and who made the organization", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    const log = page.getByRole("list", { name: "Audit log" }).getByRole("listitem");
    await expect(log.filter({ hasText: "Rita Report joined" })).toHaveCount(1);
    await expect(log.last()).toContainText("created the organization");
  });

  await ritaContext.close();
});
