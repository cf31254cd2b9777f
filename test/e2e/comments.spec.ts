import { expect, type Locator, type Page, test } from "@playwright/test";
import { joinAsReport, signUpWithOrganization } from "./support/people";
import { addTask, openTasks } from "./support/tasks";

const TITLE = "Reconcile the March invoices";
const SCRIPT = "<script>window.__pwned = 'comment'</script>";

/** Opens a task's drawer from the plate shown on the page. */
async function openDrawer(page: Page, title: string): Promise<Locator> {
  await openTasks(page).filter({ hasText: title }).getByRole("button", { name: title, exact: true }).click();
  const drawer = page.getByRole("dialog", { name: title });
  await expect(drawer.getByRole("heading", { name: "Comments" })).toBeVisible();
  return drawer;
}

const commentBy = (drawer: Locator, name: string) =>
  drawer.getByRole("list", { name: "Comments" }).getByRole("listitem", { name: `Comment by ${name}` });

test("a manager comments on a report's task with a mention; the report sees it live, edits and deletes their own", async ({
  page,
  browser,
}) => {
  await signUpWithOrganization(page, { name: "Manny Manager", organization: "Comment Works" });
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [rita, sam] = await Promise.all(contexts.map((context) => context.newPage()));
  if (!rita || !sam) throw new Error("two pages were opened");
  const ritaId = await joinAsReport(page, rita, "Rita Report");
  await joinAsReport(page, sam, "Sam Report");
  await addTask(rita, ritaId, { title: TITLE });

  const ritaDrawer =
    await test.step("the report has the task's drawer open, with no comments yet", async () => {
      await rita.goto("/plate");
      const drawer = await openDrawer(rita, TITLE);
      await expect(drawer.getByText("No comments yet.")).toBeVisible();
      return drawer;
    });

  await page.goto(`/people/${ritaId}/plate`);
  const drawer = await openDrawer(page, TITLE);
  const composer = drawer.getByRole("textbox", { name: "Comment" });

  await test.step("mentioning someone who cannot see the task is refused, and nothing written is lost", async () => {
    await composer.click();
    await composer.pressSequentially("Can you help? @Sa");
    await page.getByRole("option", { name: "Sam Report" }).click();
    await expect(drawer.getByRole("group", { name: "Mentioned" })).toContainText("Sam Report");
    await drawer.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(drawer.getByRole("alert")).toContainText("Sam Report cannot see this task.");
    await expect(composer).toHaveValue("Can you help? @Sam Report ");
    await expect(drawer.getByText("No comments yet.")).toBeVisible();
    await drawer.getByRole("button", { name: "Do not tell Sam Report" }).click();
    await expect(drawer.getByRole("group", { name: "Mentioned" })).toHaveCount(0);
    await expect(composer).toHaveValue("Can you help? Sam Report ");
    await composer.fill("");
  });

  await test.step("the manager writes Markdown with a mention, and sends it with Ctrl+Enter", async () => {
    await composer.pressSequentially("Please **double-check** the totals, @Ri");
    await page.getByRole("option", { name: "Rita Report" }).click();
    await expect(drawer.getByRole("group", { name: "Mentioned" })).toContainText("Rita Report");
    await composer.pressSequentially(`before Friday. ${SCRIPT}`);
    await composer.press("Control+Enter");
    await expect(composer).toHaveValue("");
    const comment = commentBy(drawer, "Manny Manager");
    await expect(comment.locator("strong")).toHaveText("double-check");
    await expect(comment).toContainText("@Rita Report before Friday.");
  });

  await test.step("the report's open drawer shows it without a reload, its HTML as text, nothing run", async () => {
    const comment = commentBy(ritaDrawer, "Manny Manager");
    await expect(comment.locator("strong")).toHaveText("double-check");
    await expect(comment.getByText(SCRIPT)).toBeVisible();
    await expect(comment.locator("script")).toHaveCount(0);
    expect(await rita.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    // Only the author edits or deletes a comment.
    await expect(comment.getByRole("button", { name: "Edit" })).toHaveCount(0);
    await expect(comment.getByRole("button", { name: "Delete" })).toHaveCount(0);
  });

  await test.step("the report answers, and edits their own comment in place", async () => {
    const composer = ritaDrawer.getByRole("textbox", { name: "Comment" });
    await composer.pressSequentially("Will do");
    await ritaDrawer.getByRole("button", { name: "Comment", exact: true }).click();
    const mine = commentBy(ritaDrawer, "Rita Report");
    await expect(mine).toContainText("Will do");
    await expect(mine).not.toContainText("edited");
    await mine.getByRole("button", { name: "Edit" }).click();
    const field = mine.getByRole("textbox", { name: "Your comment" });
    await expect(field).toHaveValue("Will do");
    await field.fill("Will do, *today*");
    await field.press("Control+Enter");
    await expect(mine.locator("em")).toHaveText("today");
    await expect(mine).toContainText("edited");
    // The manager's drawer follows.
    await expect(commentBy(drawer, "Rita Report").locator("em")).toHaveText("today");
  });

  await test.step("the report deletes their comment after confirming; it goes for both", async () => {
    await commentBy(ritaDrawer, "Rita Report").getByRole("button", { name: "Delete" }).click();
    const confirm = rita.getByRole("dialog", { name: "Delete your comment?" });
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(confirm).toBeHidden();
    await expect(commentBy(ritaDrawer, "Rita Report")).toHaveCount(0);
    await expect(commentBy(drawer, "Rita Report")).toHaveCount(0);
    await expect(commentBy(ritaDrawer, "Manny Manager")).toBeVisible();
  });

  await test.step("the mention reaches the report's inbox, and opens the task's drawer", async () => {
    await rita.goto("/inbox");
    await rita
      .getByRole("list", { name: "Inbox entries" })
      .getByRole("link", { name: `Manny Manager mentioned you in a comment on “${TITLE}”` })
      .click();
    await expect(rita).toHaveURL(/\/plate\?task=/);
    const reopened = rita.getByRole("dialog", { name: TITLE });
    await expect(commentBy(reopened, "Manny Manager").locator("strong")).toHaveText("double-check");
  });

  await Promise.all(contexts.map((context) => context.close()));
});
