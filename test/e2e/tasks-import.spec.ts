import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signedInId, signUpWithOrganization } from "./support/people";
import { addTask, openTasks } from "./support/tasks";

const asanaExport = new URL("../fixtures/import/asana.csv", import.meta.url).pathname;

test("a plate imports an Asana export: the preview comes first, confirming adds the tasks at the bottom", async ({
  page,
}) => {
  await signUpWithOrganization(page, { name: "Ada Importer", organization: "Import Works" });
  const adaId = await signedInId(page);
  await addTask(page, adaId, { title: "Already on the plate" });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "My plate" })).toBeVisible();
  await expect(openTasks(page)).toHaveCount(1);

  const dialog = page.getByRole("dialog", { name: "Import tasks onto your plate" });

  await test.step("a file with a bad row is refused, its rows named, and nothing can be added", async () => {
    await page.getByRole("button", { name: "CSV" }).click();
    await page.getByRole("menuitem", { name: "Import…" }).click();
    await dialog.locator('input[type="file"]').setInputFiles({
      name: "broken.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Name,Due Date\r\nFine,2030-01-31\r\nLate,2025-02-30\r\n"),
    });
    const refused = dialog.getByRole("alert");
    await expect(refused).toContainText("This file cannot be imported");
    await expect(refused.getByRole("list", { name: "Rows that cannot be imported" })).toHaveText(
      "Row 2: Due Date “2025-02-30” is not a day of the calendar",
    );
    await expect(dialog.getByRole("button", { name: /^Add / })).toBeDisabled();
  });

  await test.step("the export's preview shows what will be added and what is skipped, before anything is", async () => {
    await dialog.locator('input[type="file"]').setInputFiles(asanaExport);
    await expect(dialog.getByText("Read as an export of Asana.")).toBeVisible();
    await expect(
      dialog.getByText("3 tasks will be added at the bottom of your plate, in the file's order."),
    ).toBeVisible();
    const toAdd = dialog.getByRole("list", { name: "Tasks to add" }).getByRole("listitem");
    await expect(toAdd).toHaveCount(3);
    await expect(toAdd.nth(0)).toContainText("Draft the Q2 hiring plan");
    await expect(toAdd.nth(0)).toContainText("due");
    await expect(toAdd.nth(2)).toContainText("Book the offsite venue");
    await expect(dialog.getByRole("list", { name: "Rows to skip" })).toHaveText(
      "Row 2: finished in Asana: Completed At “2024-02-10”",
    );
    // Nothing is on the plate yet, on the page or on the server.
    await expect(openTasks(page)).toHaveCount(1);
    const plate = await page.request.get(`/api/v1/people/${adaId}/tasks`);
    expect(((await plate.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  await test.step("confirming adds them at the bottom, in the file's order", async () => {
    await dialog.getByRole("button", { name: "Add 3 tasks" }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole("status").filter({ hasText: "3 tasks added at the bottom of your plate." }),
    ).toBeVisible();
    await expect(openTasks(page)).toHaveCount(4);
    for (const [index, title] of [
      "Already on the plate",
      "Draft the Q2 hiring plan",
      "Review the onboarding checklist",
      "Book the offsite venue",
    ].entries()) {
      await expect(openTasks(page).nth(index)).toContainText(title);
    }
  });

  await test.step("the plate downloads as CSV with what was imported", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "CSV" }).click();
    await page.getByRole("menuitem", { name: "Download CSV" }).click();
    const csv = await download;
    expect(csv.suggestedFilename()).toMatch(/^ada-importer-plate-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile(await csv.path(), "utf8");
    expect(text.startsWith("\uFEFFPosition,Title,State,Due,Notes")).toBe(true);
    expect(text).toContain("4,Book the offsite venue,open,2024-04-02,Three quotes please");
  });
});
