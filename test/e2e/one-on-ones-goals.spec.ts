import { expect, type Page, test } from "@playwright/test";
import { appOrigin, joinAsReport, signUpWithOrganization } from "./support/people";
import { addTask, changeTask } from "./support/tasks";

const GOAL = "Make onboarding a one-day job";
const SHIPPED = "Ship the onboarding guide";
const STILL_OPEN = "Record the welcome video";
const CHECK_IN = "Guide is out; the video waits on the new office";
const THANKS = "Thank you: new starters now find their way on day one.";
const PEER_NOTE = "Your review of my pull requests taught me a lot this month.";

/** Writes through the API as whoever is signed in on the page, as the browser would, and answers the JSON. */
async function send<T>(page: Page, method: "post" | "patch", path: string, data: object): Promise<T> {
  const answer = await page.request[method](path, { data, headers: { origin: appOrigin() } });
  expect(answer.status(), `${method} ${path}`).toBeLessThan(300);
  return (await answer.json()) as T;
}

async function linkToGoal(page: Page, taskId: string, goalId: string): Promise<void> {
  const { version } = (await (await page.request.get(`/api/v1/tasks/${taskId}`)).json()) as {
    version: number;
  };
  await send(page, "patch", `/api/v1/tasks/${taskId}`, { version, goalId });
}

test("the 1:1 shows both people's goals and the feedback since last time, and the record counts it all", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signUpWithOrganization(page, { name: "Manny Manager", organization: "Agenda Works" });
  const ritaContext = await browser.newContext();
  const rita = await ritaContext.newPage();
  const ritaId = await joinAsReport(page, rita, "Rita Report");
  const samContext = await browser.newContext();
  const sam = await samContext.newPage();
  const samId = await joinAsReport(page, sam, "Sam Peer");

  // Rita's goal, with work linked to it (one task of two done) and a check-in.
  const goal = await send<{ id: string }>(rita, "post", "/api/v1/goals", { ownerId: ritaId, title: GOAL });
  const shipped = await addTask(rita, ritaId, { title: SHIPPED });
  const open = await addTask(rita, ritaId, { title: STILL_OPEN });
  await linkToGoal(rita, shipped.id, goal.id);
  await linkToGoal(rita, open.id, goal.id);
  await changeTask(rita, shipped.id, { state: "done" });
  await send(rita, "post", `/api/v1/goals/${goal.id}/check-ins`, { status: "at_risk", note: CHECK_IN });

  // A weekly 1:1, its first meeting held an hour ago; the next one is the meeting to prepare.
  const series = await send<{ id: string; nextMeeting: { id: string; version: number } }>(
    page,
    "post",
    "/api/v1/one-on-ones",
    { withId: ritaId, cadence: { everyWeeks: 1, weekday: 2, time: "10:00", minutes: 30 } },
  );
  await send(page, "patch", `/api/v1/meetings/${series.nextMeeting.id}`, {
    version: series.nextMeeting.version,
    scheduledAt: new Date(Date.now() - 3_600_000).toISOString(),
    state: "held",
  });
  const after = (await (await page.request.get(`/api/v1/one-on-ones/${series.id}`)).json()) as {
    nextMeeting: { id: string };
  };

  // Since then: the manager's thanks for the finished task, shared with managers, and a peer's private note.
  await send(page, "post", "/api/v1/feedback", {
    toId: ritaId,
    body: THANKS,
    visibility: "with_manager",
    taskId: shipped.id,
  });
  await send(sam, "post", "/api/v1/feedback", { toId: ritaId, body: PEER_NOTE, visibility: "private" });

  await test.step("the manager sees the report's goal with its progress and latest check-in", async () => {
    await page.goto(`/meetings/${after.nextMeeting.id}`);
    await expect(page.getByRole("heading", { name: "1:1 with Rita Report" })).toBeVisible();
    const goals = page.getByRole("region", { name: "Rita Report's goals" });
    const item = goals.getByRole("listitem", { name: GOAL });
    await expect(item.getByRole("progressbar")).toHaveAccessibleName("Progress: 1 / 2 tasks done");
    await expect(item).toContainText("At risk");
    await expect(item).toContainText(CHECK_IN);
    // The manager has no goal of their own: one line says so, and no empty card stands for it.
    await expect(page.getByText("You have no active goals.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Your goals" })).toHaveCount(0);
  });

  await test.step("the manager sees the thanks since last time, but not the peer's private note", async () => {
    const feedback = page.getByRole("region", { name: "Feedback since last time" });
    const thanks = feedback.getByRole("article", { name: "From you to Rita Report" });
    await expect(thanks).toContainText(THANKS);
    await expect(thanks).toContainText(`About “${SHIPPED}”`);
    await expect(thanks).toContainText("Shared with managers");
    await expect(thanks).toContainText("Rita Report's managers read it too.");
    await expect(feedback.getByRole("article")).toHaveCount(1);
    await expect(page.getByText(PEER_NOTE)).toHaveCount(0);
  });

  await test.step("the goal on the agenda opens its page", async () => {
    await page.getByRole("region", { name: "Rita Report's goals" }).getByRole("link", { name: GOAL }).click();
    await expect(page.getByRole("heading", { name: GOAL })).toBeVisible();
    await expect(page.getByText("Rita Report's goal · no due date")).toBeVisible();
    await page.goBack();
  });

  await test.step("the report sees her own goal and both pieces of feedback, each saying who reads it", async () => {
    await rita.goto(`/meetings/${after.nextMeeting.id}`);
    await expect(rita.getByRole("heading", { name: "1:1 with Manny Manager" })).toBeVisible();
    await expect(
      rita.getByRole("region", { name: "Your goals" }).getByRole("listitem", { name: GOAL }),
    ).toContainText("1 / 2 tasks done");
    await expect(rita.getByText("Manny Manager has no active goals.")).toBeVisible();
    const feedback = rita.getByRole("region", { name: "Feedback since last time" });
    await expect(feedback.getByRole("article")).toHaveCount(2);
    const peer = feedback.getByRole("article", { name: "From Sam Peer to you" });
    await expect(peer).toContainText(PEER_NOTE);
    await expect(peer).toContainText("Private");
    await expect(peer).toContainText("Only you and Sam Peer read it.");
    const thanks = feedback.getByRole("article", { name: "From Manny Manager to you" });
    await expect(thanks).toContainText(THANKS);
    await expect(thanks).toContainText("Your managers read it too.");
  });

  await test.step("the record shows the goal, the feedback the manager may read and the 1:1 held", async () => {
    await page.goto(`/people/${ritaId}/record`);
    await expect(page.getByRole("heading", { name: "Rita Report's record" })).toBeVisible();
    await expect(page.getByText("1 one-on-one held in this period.")).toBeVisible();
    const goals = page.getByRole("region", { name: "Goals" });
    await expect(goals.getByRole("article", { name: GOAL })).toContainText("1 / 2 tasks done");
    await expect(goals.getByRole("article", { name: GOAL })).toContainText("Active");
    const feedback = page.getByRole("region", { name: "Feedback received" });
    await expect(feedback.getByRole("article", { name: "From you" })).toContainText(THANKS);
    await expect(feedback.getByRole("article")).toHaveCount(1);
    await expect(page.getByText(PEER_NOTE)).toHaveCount(0);
  });

  await test.step("the report's own record holds her private feedback too", async () => {
    await rita.goto("/record");
    await expect(rita.getByText("1 one-on-one held in this period.")).toBeVisible();
    const feedback = rita.getByRole("region", { name: "Feedback received" });
    await expect(feedback.getByRole("article", { name: "From Sam Peer" })).toContainText(PEER_NOTE);
    await expect(feedback.getByRole("article", { name: "From Manny Manager" })).toContainText(THANKS);
  });

  await test.step("the manager reads each report's shared feedback on the Feedback page", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Feedback" }).click();
    await page.getByRole("tab", { name: "Your team" }).click();
    const whose = page.getByRole("combobox", { name: "Whose feedback" });
    await expect(whose).toHaveValue("Rita Report");
    await expect(page.getByRole("article", { name: "From Manny Manager" })).toContainText(THANKS);
    await expect(page.getByText(PEER_NOTE)).toHaveCount(0);
    await whose.click();
    await page.getByRole("option", { name: "Sam Peer" }).click();
    await expect(page).toHaveURL(new RegExp(`tab=team&personId=${samId}`));
    await expect(page.getByText("No feedback to Sam Peer shared with managers yet")).toBeVisible();
    await page.reload();
    await expect(whose).toHaveValue("Sam Peer");
    await expect(page.getByText("No feedback to Sam Peer shared with managers yet")).toBeVisible();
  });

  await ritaContext.close();
  await samContext.close();
});
