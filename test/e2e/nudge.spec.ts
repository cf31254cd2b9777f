import { expect, test } from "@playwright/test";
import { appOrigin, joinAsReport, signUpWithOrganization } from "./support/people";
import { readRequest } from "./support/requests";
import { changeTask } from "./support/tasks";

const TITLE = "Fill in the engagement survey";
const NOTE = "The survey closes Friday";

test("the requester reminds those who have not finished, once a day; the reminder reaches their inbox", async ({
  page,
  browser,
}) => {
  await signUpWithOrganization(page, { name: "Manny Manager", organization: "Nudge Works" });
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [rita, sam] = await Promise.all(contexts.map((context) => context.newPage()));
  if (!rita || !sam) throw new Error("two pages were opened");
  const ritaId = await joinAsReport(page, rita, "Rita Report");
  const samId = await joinAsReport(page, sam, "Sam Report");
  const sent = await page.request.post("/api/v1/requests", {
    data: { title: TITLE, assigneeIds: [ritaId, samId] },
    headers: { origin: appOrigin() },
  });
  expect(sent.status()).toBe(201);
  const requestId = ((await sent.json()) as { id: string }).id;
  const taskOf = async (personId: string) => {
    const assignee = (await readRequest(page, requestId)).assignees.find(
      (each) => each.personId === personId,
    );
    if (!assignee) throw new Error(`${personId} was asked`);
    return assignee.taskId;
  };
  await changeTask(rita, await taskOf(ritaId), { state: "done" });

  await test.step("only the requester is offered the reminder, for those who have not finished", async () => {
    await rita.goto(`/requests/${requestId}`);
    await expect(rita.getByRole("heading", { name: TITLE })).toBeVisible();
    await expect(rita.getByRole("button", { name: /^Remind/ })).toHaveCount(0);
    await page.goto(`/requests/${requestId}`);
    await expect(page.getByText("1 of 2 done")).toBeVisible();
    await expect(page.getByRole("button", { name: "Remind 1 person" })).toBeVisible();
  });

  await test.step("the requester reminds them with a note, after confirming", async () => {
    await page.getByRole("button", { name: "Remind 1 person" }).click();
    const dialog = page.getByRole("dialog", { name: "Remind 1 person?" });
    await expect(dialog).toContainText("Sam Report has not finished.");
    await dialog.getByRole("textbox", { name: "Note" }).fill(NOTE);
    await dialog.getByRole("button", { name: "Remind 1 person" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Reminded" })).toHaveText(
      "Reminded Sam Report (they will see it in their next digest)",
    );
  });

  await test.step("a second reminder the same day says when the next is possible", async () => {
    await page.getByRole("button", { name: "Remind 1 person" }).click();
    const dialog = page.getByRole("dialog", { name: "Remind 1 person?" });
    await dialog.getByRole("button", { name: "Remind 1 person" }).click();
    await expect(dialog.getByRole("alert")).toContainText(
      /^Reminded already today\s*You can remind them again tomorrow at \d{2}:\d{2}$/,
    );
    await expect(dialog.getByRole("button", { name: "Remind 1 person" })).toBeDisabled();
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step("the assignee finds the reminder, with its note, in their inbox; it opens their task", async () => {
    await sam.goto("/inbox");
    const entry = sam
      .getByRole("list", { name: "Inbox entries" })
      .getByRole("link", { name: `Manny Manager reminds you of “${TITLE}”: ${NOTE}` });
    await expect(entry).toBeVisible();
    await entry.click();
    await expect(sam).toHaveURL(/\/plate\?task=/);
    await expect(sam.getByRole("dialog", { name: TITLE })).toBeVisible();
  });

  await test.step("whoever had finished is not reminded", async () => {
    await rita.goto("/inbox");
    const entries = rita.getByRole("list", { name: "Inbox entries" });
    await expect(
      entries.getByRole("link", { name: new RegExp(`put “${TITLE}” on your plate`) }),
    ).toBeVisible();
    await expect(entries.getByRole("link", { name: /reminds you/ })).toHaveCount(0);
  });

  await test.step("once everyone has finished, no reminder is offered", async () => {
    await changeTask(sam, await taskOf(samId), { state: "done" });
    await expect(page.getByText("All 2 done")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Remind/ })).toHaveCount(0);
  });

  await Promise.all(contexts.map((context) => context.close()));
});
