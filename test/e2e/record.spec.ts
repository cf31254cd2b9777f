import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { joinAsReport, signUpWithOrganization } from "./support/people";
import { addTask, changeTask, dateInDays } from "./support/tasks";

/** One tile of the record's summary, by its label. */
const tile = (page: Page, label: string) => page.getByRole("group", { name: label, exact: true });

/** The finished and dropped work on the record, one list item per task. */
const recordItems = (page: Page) => page.getByRole("list", { name: /^Finished in / }).getByRole("listitem");

test("a manager reads a report's record from the team page and downloads the review packet", async ({
  page,
  browser,
}) => {
  await signUpWithOrganization(page, { name: "Manny Manager", organization: "Record Works" });
  const ritaContext = await browser.newContext();
  const rita = await ritaContext.newPage();
  const ritaId = await joinAsReport(page, rita, "Rita Report");

  const guide = await addTask(rita, ritaId, {
    title: "Ship the onboarding guide",
    due: { date: dateInDays(20) },
  });
  const invoices = await addTask(page, ritaId, {
    title: "Send the partner invoices",
    due: { date: dateInDays(-10) },
  });
  const launch = await addTask(rita, ritaId, {
    title: "Prepare the launch notes",
    due: { date: dateInDays(5) },
  });
  const drive = await addTask(rita, ritaId, { title: "Tidy the shared drive" });
  const offsite = await addTask(rita, ritaId, { title: "Plan the team offsite" });
  await changeTask(rita, launch.id, { due: { date: dateInDays(12) } });
  for (const task of [guide, invoices, launch, drive]) await changeTask(rita, task.id, { state: "done" });
  await changeTask(rita, offsite.id, { state: "dropped", dropReason: "The offsite moved to next year" });

  await test.step("the team page shows the report's quarter beside their load", async () => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
    const card = page.getByRole("article", { name: "Rita Report" });
    const quarter = card.getByRole("group", { name: "Rita Report's quarter" });
    await expect(quarter).toContainText("4 completed this quarter");
    await expect(quarter).toContainText("67% on time");
    await card.getByRole("link", { name: "Open Rita Report's record" }).click();
    await expect(page.getByRole("heading", { name: "Rita Report's record" })).toBeVisible();
  });

  await test.step("the summary tiles tell the period at a glance", async () => {
    await expect(tile(page, "Completed")).toContainText("4");
    await expect(tile(page, "Completed")).toContainText("2 on time · 1 late · 1 without a due date");
    await expect(tile(page, "On time")).toContainText("67%");
    await expect(tile(page, "On time")).toContainText("2 of 3 tasks with a due date finished on time.");
    await expect(tile(page, "No longer needed")).toContainText("1");
    await expect(tile(page, "Slipped")).toContainText("1");
  });

  await test.step("the weekly chart says its figures, and its table has this week's", async () => {
    await expect(page.getByRole("img", { name: /^Completions per week/ })).toHaveAccessibleName(
      /4 completed, 2 on time, 1 late, 1 without a due date$/,
    );
    const thisWeek = page.getByRole("table", { name: "Completions per week" }).getByRole("row").last();
    await expect(thisWeek.getByRole("cell")).toHaveText(["4", "2", "1", "1", "1", "67%"]);
  });

  await test.step("every finished and dropped task is listed with how it went", async () => {
    await expect(recordItems(page)).toHaveCount(5);
    const item = (title: string) => recordItems(page).filter({ hasText: title });
    await expect(item("Ship the onboarding guide")).toContainText("On time");
    await expect(item("Send the partner invoices")).toContainText("Late by 10 days");
    await expect(item("Send the partner invoices")).toContainText("asked by Manny Manager");
    await expect(item("Prepare the launch notes")).toContainText("Due moved later once");
    await expect(item("Prepare the launch notes")).toContainText("On time");
    await expect(item("Tidy the shared drive")).toContainText("No due date");
    await expect(item("Plan the team offsite")).toContainText(
      "No longer needed: The offsite moved to next year",
    );
  });

  await test.step("the review packet downloads as a PDF and as a CSV with a header row", async () => {
    const pdfDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the review packet as PDF" }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfBytes = await readFile(await pdf.path());
    expect(pdfBytes.subarray(0, 4).toString("latin1")).toBe("%PDF");

    const csvDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: /Download the review packet as CSV/ }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const lines = (await readFile(await csv.path(), "utf8"))
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain("Title");
    expect(lines[0]).toContain("Drop reason");
    expect(lines).toHaveLength(6);
    expect(lines.some((line) => line.includes("Send the partner invoices"))).toBe(true);
  });

  await test.step("the period follows the picker and stays in the address", async () => {
    const period = page.getByRole("radiogroup", { name: "Period" });
    await period.getByText("This quarter", { exact: true }).click();
    await expect(page).toHaveURL(/period=this-quarter/);
    await expect(tile(page, "Completed")).toContainText("4");

    await period.getByText("Custom", { exact: true }).click();
    await page.getByLabel("First day").fill("2020-01-01");
    await expect(page.getByText("A record covers at most 5 years")).toBeVisible();
    await page.getByLabel("Last day").fill("2020-12-31");
    await expect(page).toHaveURL(/from=2020-01-01/);
    await expect(page.getByText("Nothing finished in this period")).toBeVisible();
    await expect(page.getByText("As Rita completes or drops tasks")).toBeVisible();
  });

  await test.step("the record and the plate lead to each other", async () => {
    await page.getByRole("link", { name: "Open plate" }).click();
    await expect(page.getByRole("heading", { name: "Rita Report's plate" })).toBeVisible();
    await page.getByRole("link", { name: "Open Rita Report's record" }).click();
    await expect(page.getByRole("heading", { name: "Rita Report's record" })).toBeVisible();
    await expect(tile(page, "Completed")).toContainText("4");
  });

  await test.step("the report finds the same record under My record", async () => {
    await rita.goto("/");
    await rita.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My record" }).click();
    await expect(rita.getByRole("heading", { name: "My record" })).toBeVisible();
    await expect(tile(rita, "Completed")).toContainText("4");
    await expect(tile(rita, "On time")).toContainText("67%");
  });

  await ritaContext.close();
});

test("a new person's record explains what will appear there", async ({ page }) => {
  await signUpWithOrganization(page, { name: "Nora Newcomer", organization: "Fresh Start" });
  await page.goto("/record");
  await expect(page.getByRole("heading", { name: "My record" })).toBeVisible();
  await expect(page.getByText("Nothing finished in this period")).toBeVisible();
  await expect(page.getByText("As you complete or drop tasks, they show up here")).toBeVisible();
  await expect(page.getByRole("img", { name: /^Completions per week/ })).toHaveCount(0);
});
