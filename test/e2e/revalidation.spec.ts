import { expect, type Page, type Response, test } from "@playwright/test";
import { joinAsReport, signedInId, signUpWithOrganization } from "./support/people";
import { addTask, openTasks } from "./support/tasks";

/** The next answer the page gets to a GET of `path` (path and query, as the app asks for it). */
function nextAnswer(page: Page, path: string): Promise<Response> {
  return page.waitForResponse((response) => {
    const url = new URL(response.url());
    return response.request().method() === "GET" && `${url.pathname}${url.search}` === path;
  });
}

/** Everything the page has been answered to GETs of `path`, in the order the answers came. */
function answersTo(page: Page, path: string): number[] {
  const statuses: number[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (response.request().method() === "GET" && `${url.pathname}${url.search}` === path) {
      statuses.push(response.status());
    }
  });
  return statuses;
}

/** What the browser does when the person comes back to the tab: the app reads what it shows again. */
async function returnToTab(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
}

test("live re-reads of an unchanged plate and team view are answered 304 and show the same; a change is read in full", async ({
  page,
  browser,
}) => {
  await signUpWithOrganization(page, { name: "Manny Manager", organization: "Revalidation Works" });
  const mannyId = await signedInId(page);
  const ritaContext = await browser.newContext();
  const rita = await ritaContext.newPage();
  const ritaId = await joinAsReport(page, rita, "Rita Report");
  for (const title of ["Write the quarterly plan", "Review pull requests"]) {
    await addTask(rita, ritaId, { title });
  }
  const platePath = `/api/v1/people/${ritaId}/tasks?state=open`;
  const teamPath = `/api/v1/people/${mannyId}/team?top=3`;
  const plateAnswers = answersTo(rita, platePath);
  const teamAnswers = answersTo(page, teamPath);
  const topOfRitasPlate = page
    .getByRole("article", { name: "Rita Report" })
    .getByRole("list", { name: "Top of Rita Report's plate" })
    .getByRole("listitem");

  await test.step("Rita has My plate open and Manny the Team page, each read in full once", async () => {
    const plateRead = nextAnswer(rita, platePath);
    await rita.goto("/plate");
    expect((await plateRead).status()).toBe(200);
    await expect(openTasks(rita)).toHaveText([/Write the quarterly plan/, /Review pull requests/]);

    const teamRead = nextAnswer(page, teamPath);
    await page.goto("/team");
    expect((await teamRead).status()).toBe(200);
    await expect(topOfRitasPlate).toHaveText([/Write the quarterly plan/, /Review pull requests/]);
  });

  await test.step("Rita comes back to her tab: the plate is read again, 304, and shows the same tasks", async () => {
    const reread = nextAnswer(rita, platePath);
    await returnToTab(rita);
    const answer = await reread;
    expect(answer.status()).toBe(304);
    expect(answer.request().headers()["if-none-match"]).toMatch(/^W\/"/);
    await expect(openTasks(rita)).toHaveText([/Write the quarterly plan/, /Review pull requests/]);
  });

  await test.step("a change to Manny's own plate re-reads the Team page live, 304, and it shows the same", async () => {
    const reread = nextAnswer(page, teamPath);
    await addTask(page, mannyId, { title: "Plan the team offsite" });
    expect((await reread).status()).toBe(304);
    await expect(topOfRitasPlate).toHaveText([/Write the quarterly plan/, /Review pull requests/]);
  });

  await test.step("no read of either view was answered in full while it was unchanged", () => {
    expect(plateAnswers).toEqual([200, ...plateAnswers.slice(1).map(() => 304)]);
    expect(teamAnswers).toEqual([200, ...teamAnswers.slice(1).map(() => 304)]);
  });

  await test.step("Manny adds to Rita's plate from his session: both views are read again in full and show it", async () => {
    const plateReread = nextAnswer(rita, platePath);
    const teamReread = nextAnswer(page, teamPath);
    await addTask(page, ritaId, { title: "Book the offsite venue" });
    expect((await plateReread).status()).toBe(200);
    expect((await teamReread).status()).toBe(200);
    await expect(openTasks(rita)).toHaveText([
      /Write the quarterly plan/,
      /Review pull requests/,
      /Book the offsite venue/,
    ]);
    await expect(topOfRitasPlate).toHaveText([
      /Write the quarterly plan/,
      /Review pull requests/,
      /Book the offsite venue/,
    ]);
  });

  await ritaContext.close();
});
