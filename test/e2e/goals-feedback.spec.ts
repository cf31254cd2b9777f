import { expect, type Locator, type Page, test } from "@playwright/test";
import { appOrigin, joinAsReport, signUpWithOrganization } from "./support/people";
import { addTask, openTasks } from "./support/tasks";

const TEAM_GOAL = "Launch v2 by the end of the quarter";
const RITAS_GOAL = "Write the launch docs";
const RENAMED_GOAL = "Write the launch docs and the FAQ";
const NEW_WORK = "Draft the release notes";
const EXISTING_WORK = "Record the demo video";
const UNRELATED_WORK = "Book the team offsite";
const CHECK_IN = "Release notes half done; the demo waits on the new build";
const THANKS = "Thank you: the release notes read beautifully, and they were early.";

/** Opens a Select by its label and picks one of its options. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string) {
  await scope.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).click();
}

/** The progress bar of the goal on the page. */
const progress = (page: Page) => page.getByRole("progressbar", { name: /^Progress: / });

test("a team goal, a report's work towards it, its progress, and a thank-you that reaches the digest", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signUpWithOrganization(page, { name: "Manny Manager", organization: "Goal Works" });
  const ritaContext = await browser.newContext();
  const rita = await ritaContext.newPage();
  const ritaId = await joinAsReport(page, rita, "Rita Report");
  await addTask(rita, ritaId, { title: UNRELATED_WORK });
  await addTask(rita, ritaId, { title: EXISTING_WORK });

  await test.step("the manager sets a team goal from the Goals page", async () => {
    await page.goto("/plate");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Goals" }).click();
    await expect(page.getByRole("heading", { name: "Goals", exact: true })).toBeVisible();
    await page.getByRole("button", { name: "New goal" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New goal" });
    await expect(dialog.getByRole("combobox", { name: "Whose goal" })).toHaveValue("Manny Manager (you)");
    await dialog.getByLabel("Title").fill(TEAM_GOAL);
    await dialog
      .getByLabel("Description")
      .fill("Ship **everything** on the list. <img src=x onerror=alert(1)>");
    await dialog.getByRole("button", { name: "Set goal" }).click();
    await expect(page.getByRole("heading", { name: TEAM_GOAL })).toBeVisible();
    await expect(page.getByText("No tasks yet")).toBeVisible();
    // The description is Markdown, shown as safely as task notes: the image tag is text, never run.
    await expect(page.getByTestId("notes").locator("strong")).toHaveText("everything");
    await expect(page.getByTestId("notes").locator("img")).toHaveCount(0);
  });

  await test.step("the report sees the team goal and sets a goal of her own that supports it", async () => {
    await rita.goto("/goals");
    const above = rita.getByRole("region", { name: "Your managers' goals" });
    await expect(above.getByRole("article", { name: TEAM_GOAL })).toContainText("No tasks yet");
    await rita.getByRole("button", { name: "New goal" }).first().click();
    const dialog = rita.getByRole("dialog", { name: "New goal" });
    await expect(dialog.getByRole("combobox", { name: "Whose goal" })).toHaveCount(0);
    await dialog.getByLabel("Title").fill(RITAS_GOAL);
    await choose(rita, dialog, "Supports", TEAM_GOAL);
    await dialog.getByRole("button", { name: "Set goal" }).click();
    await expect(rita.getByRole("heading", { name: RITAS_GOAL })).toBeVisible();
    await expect(rita.getByText(`Supports: ${TEAM_GOAL}`)).toBeVisible();
  });

  await test.step("she links new work to it when adding it, and existing work from its Edit form", async () => {
    await rita.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My plate" }).click();
    await rita.getByRole("button", { name: "Add task" }).click();
    const composer = rita.getByRole("region", { name: "Add to your plate" });
    await composer.getByLabel("Title").fill(NEW_WORK);
    await choose(rita, composer, "Goal", RITAS_GOAL);
    await composer.getByRole("button", { name: "Add task" }).click();
    const added = openTasks(rita).filter({ hasText: NEW_WORK });
    await expect(added.getByRole("link", { name: `Goal: ${RITAS_GOAL}` })).toBeVisible();

    await rita.getByRole("button", { name: `More actions for “${EXISTING_WORK}”` }).click();
    await rita.getByRole("menuitem", { name: "Edit" }).click();
    const edit = rita.getByRole("dialog", { name: "Edit task" });
    await choose(rita, edit, "Goal", RITAS_GOAL);
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toBeHidden();
    await expect(
      openTasks(rita)
        .filter({ hasText: EXISTING_WORK })
        .getByRole("link", { name: `Goal: ${RITAS_GOAL}` }),
    ).toBeVisible();
  });

  await test.step("filtered by the goal, her plate shows only the work towards it", async () => {
    await expect(openTasks(rita)).toHaveCount(3);
    await choose(rita, rita, "Show work towards", RITAS_GOAL);
    await expect(rita).toHaveURL(/goalId=/);
    await expect(openTasks(rita)).toHaveText([new RegExp(EXISTING_WORK), new RegExp(NEW_WORK)]);
    await rita.getByRole("link", { name: "Open the goal" }).click();
    await expect(rita.getByRole("heading", { name: RITAS_GOAL })).toBeVisible();
  });

  await test.step("she checks in on her goal, and sees its work across plates", async () => {
    await expect(rita.getByText("0 / 2 tasks done")).toBeVisible();
    await expect(rita.getByRole("list", { name: "Tasks" }).getByRole("listitem")).toHaveCount(2);
    const form = rita.getByRole("form", { name: "Check in" });
    await form.getByText("At risk").click();
    await form.getByLabel("Note").fill(CHECK_IN);
    await form.getByRole("button", { name: "Check in" }).click();
    const checkIns = rita.getByRole("list", { name: "Check-ins" }).getByRole("listitem");
    await expect(checkIns).toHaveCount(1);
    await expect(checkIns.first()).toContainText("At risk");
    await expect(checkIns.first()).toContainText(CHECK_IN);
    await expect(form.getByLabel("Note")).toHaveValue("");
  });

  await test.step("the manager finds it among the team's goals with its progress and latest check-in", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Goals" }).click();
    const team = page.getByRole("region", { name: "Your team's goals" });
    const card = team.getByRole("article", { name: RITAS_GOAL });
    await expect(card).toContainText("0 / 2 tasks done");
    await expect(card).toContainText("At risk");
    await card.getByRole("link", { name: RITAS_GOAL }).click();
    await expect(page.getByRole("heading", { name: RITAS_GOAL })).toBeVisible();
    await expect(page.getByText("Rita Report's goal · no due date")).toBeVisible();
    await expect(progress(page)).toHaveAccessibleName("Progress: 0 / 2 tasks done");
    await expect(progress(page)).toHaveAttribute("aria-valuenow", "0");
  });

  await test.step("an edit overtaken by the owner's own is offered back, as a task's is", async () => {
    await page.getByRole("button", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit goal" });
    await dialog.getByLabel("Description").fill("Docs for every new screen.");
    const goalId = new URL(page.url()).pathname.split("/").pop() ?? "";
    const current = (await (await rita.request.get(`/api/v1/goals/${goalId}`)).json()) as { version: number };
    const renamed = await rita.request.patch(`/api/v1/goals/${goalId}`, {
      data: { version: current.version, title: RENAMED_GOAL },
      headers: { origin: appOrigin() },
    });
    expect(renamed.status()).toBe(200);
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog.getByRole("status")).toContainText("Someone else just saved this goal");
    await expect(dialog.getByLabel("Title")).toHaveValue(RENAMED_GOAL);
    await expect(dialog.getByLabel("Description")).toHaveValue("");
    await dialog.getByRole("button", { name: "Put my edits back" }).click();
    await expect(dialog.getByLabel("Description")).toHaveValue("Docs for every new screen.");
    await dialog.getByLabel("Title").fill(RITAS_GOAL);
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("heading", { name: RITAS_GOAL })).toBeVisible();
    await expect(page.getByText("Docs for every new screen.")).toBeVisible();
  });

  await test.step("the report completes the work, and the manager's open goal page moves on its own", async () => {
    await rita.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My plate" }).click();
    await rita.getByRole("button", { name: `Complete “${NEW_WORK}”` }).click();
    await expect(progress(page)).toHaveAccessibleName("Progress: 1 / 2 tasks done");
    await expect(progress(page)).toHaveAttribute("aria-valuenow", "50");
    await expect(page.getByText("1 / 2 tasks done")).toBeVisible();
  });

  await test.step("the manager marks the goal achieved, and can reopen it", async () => {
    await page.getByRole("button", { name: "Mark achieved" }).click();
    await expect(page.getByText("Achieved", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Reopen" }).click();
    await expect(page.getByText("Active", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark achieved" })).toBeVisible();
  });

  await test.step("the manager says thanks with one click on the finished task", async () => {
    await page.goto(`/people/${ritaId}/plate?tab=done`);
    const row = page
      .getByRole("list", { name: "Completed tasks" })
      .getByRole("listitem")
      .filter({ hasText: NEW_WORK });
    await row.getByRole("button", { name: `Say thanks or give feedback for “${NEW_WORK}”` }).click();
    const dialog = page.getByRole("dialog", { name: "Say thanks or give feedback" });
    await expect(dialog).toContainText("To Rita Report");
    await expect(dialog).toContainText(`About “${NEW_WORK}”`);
    await expect(dialog.getByRole("radio", { name: "Only Rita and you" })).toBeChecked();
    await dialog.getByLabel("Feedback").fill(THANKS);
    await dialog.getByRole("button", { name: "Send feedback" }).click();
    await expect(row.getByRole("status")).toHaveText("Sent to Rita Report");
  });

  await test.step("the thanks reaches the report's inbox and digest, which never quote it", async () => {
    await rita
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: /^Inbox/ })
      .click();
    const entry = rita
      .getByRole("list", { name: "Inbox entries" })
      .getByRole("link", { name: `Manny Manager gave you feedback about “${NEW_WORK}”` });
    await expect(entry).toBeVisible();
    await rita.getByRole("tab", { name: "Preview my next digest" }).click();
    const digest = rita.locator("pre");
    await expect(digest).toContainText(`Manny Manager gave you feedback about “${NEW_WORK}”`);
    await expect(digest).not.toContainText(THANKS);
    const preview = await rita.request.get("/api/v1/me/digest/preview");
    expect(preview.status()).toBe(200);
    const { text, wouldSend } = (await preview.json()) as { text: string; wouldSend: boolean };
    expect(wouldSend).toBe(true);
    expect(text).toContain(`Manny Manager gave you feedback about “${NEW_WORK}”`);

    await rita.getByRole("tab", { name: /^Entries/ }).click();
    await entry.click();
    await expect(rita.getByRole("heading", { name: "Feedback", exact: true })).toBeVisible();
    const received = rita.getByRole("article", { name: "From Manny Manager" });
    await expect(received).toContainText(THANKS);
    await expect(received).toContainText(`About “${NEW_WORK}”`);
    await expect(received).toContainText("Private");
  });

  await test.step("the record offers the same thanks, with the task and its owner filled in", async () => {
    await page.goto(`/people/${ritaId}/record`);
    await page.getByRole("button", { name: `Say thanks or give feedback for “${NEW_WORK}”` }).click();
    const dialog = page.getByRole("dialog", { name: "Say thanks or give feedback" });
    await expect(dialog).toContainText("To Rita Report");
    await expect(dialog).toContainText(`About “${NEW_WORK}”`);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });

  await ritaContext.close();
});

test("asking for feedback, answering it once, and seeing who answered", async ({ page, browser }) => {
  await signUpWithOrganization(page, { name: "Manny Manager", organization: "Ask Works" });
  const ritaContext = await browser.newContext();
  const rita = await ritaContext.newPage();
  await joinAsReport(page, rita, "Rita Report");
  const question = "What should I keep doing in the weekly demos?";
  const answer = "Keep the live demos; send the notes a day earlier.";

  await test.step("the report asks her manager for feedback about herself", async () => {
    await rita.goto("/feedback");
    await rita.getByRole("button", { name: "Ask for feedback" }).click();
    const dialog = rita.getByRole("dialog", { name: "Ask for feedback" });
    await expect(dialog.getByRole("combobox", { name: "About" })).toHaveCount(0);
    await dialog.getByRole("combobox", { name: "Whom to ask" }).click();
    await rita.getByRole("option", { name: "Manny Manager" }).click();
    await dialog.getByLabel("Question").fill(question);
    await dialog.getByRole("button", { name: "Ask" }).click();
    await expect(rita.getByRole("tab", { name: "You asked" })).toHaveAttribute("aria-selected", "true");
    const sent = rita.getByRole("article", { name: "You asked for feedback about yourself" });
    await expect(sent).toContainText(question);
    await expect(sent).toContainText("Nobody answered yet");
    await expect(sent.getByRole("list", { name: "Who was asked" })).toContainText("Manny Manager · not yet");
  });

  await test.step("the manager hears of it in the inbox and answers it once", async () => {
    await page.goto("/inbox");
    await page
      .getByRole("list", { name: "Inbox entries" })
      .getByRole("link", { name: "Rita Report asked for your feedback on their work" })
      .click();
    await expect(page).toHaveURL(/\/feedback\?tab=asked$/);
    const asked = page.getByRole("article", { name: "Rita Report asked for feedback about their work" });
    await asked.getByRole("button", { name: /^Answer/ }).click();
    const dialog = page.getByRole("dialog", { name: "Answer a request for feedback" });
    await expect(dialog).toContainText(question);
    await expect(dialog).toContainText("To Rita Report");
    await dialog.getByLabel("Your answer").fill(answer);
    await dialog.getByRole("radio", { name: "Rita and their manager" }).check();
    await dialog.getByRole("button", { name: "Send answer" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Feedback sent to Rita Report." })).toBeVisible();
    await expect(asked.getByRole("button", { name: /^Answer/ })).toHaveCount(0);
    await expect(asked).toContainText("Answered");
    await page.getByRole("tab", { name: "Given" }).click();
    const given = page.getByRole("article", { name: "To Rita Report" });
    await expect(given).toContainText(answer);
    await expect(given).toContainText("Shared with managers");
  });

  await test.step("the report reads the answer and sees who answered", async () => {
    await rita.reload();
    await expect(rita.getByRole("article", { name: "You asked for feedback about yourself" })).toContainText(
      "Answered",
    );
    await rita.getByRole("tab", { name: "Received" }).click();
    await expect(rita.getByRole("article", { name: "From Manny Manager" })).toContainText(answer);
  });

  await ritaContext.close();
});
