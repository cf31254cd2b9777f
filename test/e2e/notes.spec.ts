import { expect, test } from "@playwright/test";
import { appOrigin, signedInId, signUpWithOrganization } from "./support/people";
import { openTasks } from "./support/tasks";

const hostileNotes = [
  "Plan for **the launch**:",
  "",
  "- check the *budget*",
  "- call [the venue](https://example.com/venue)",
  "",
  "<script>window.__pwned = 'script'</script>",
  '<img src="x" onerror="window.__pwned = \'img\'">',
  "[click me](javascript:window.__pwned='link')",
  '<a href="#" onclick="window.__pwned = \'onclick\'">inline html link</a>',
].join("\n");

test("notes are Markdown, and script in a note never runs", async ({ page }) => {
  const alerts: string[] = [];
  page.on("dialog", async (dialog) => {
    alerts.push(dialog.message());
    await dialog.dismiss();
  });
  await signUpWithOrganization(page, { name: "Nora Notes", organization: "Safe Notes" });
  const me = await signedInId(page);
  const created = await page.request.post(`/api/v1/people/${me}/tasks`, {
    data: { title: "Prepare the launch", notes: hostileNotes },
    headers: { origin: appOrigin() },
  });
  expect(created.status()).toBe(201);

  await page.goto("/plate");
  await openTasks(page)
    .filter({ hasText: "Prepare the launch" })
    .getByRole("button", { name: "Prepare the launch", exact: true })
    .click();
  const drawer = page.getByRole("dialog", { name: "Prepare the launch" });
  const notes = drawer.getByTestId("notes");

  await test.step("Markdown is rendered", async () => {
    await expect(notes.locator("strong")).toHaveText("the launch");
    await expect(notes.locator("em")).toHaveText("budget");
    await expect(notes.getByRole("listitem")).toHaveText(["check the budget", "call the venue"]);
    await expect(notes.getByRole("link", { name: "the venue" })).toHaveAttribute(
      "href",
      "https://example.com/venue",
    );
  });

  await test.step("nothing in it runs, and no dangerous link or element is made", async () => {
    await expect(notes.locator("script, img, [onerror], [onclick]")).toHaveCount(0);
    const clickMe = notes.getByText("click me");
    await expect(clickMe).toBeVisible();
    const href = await clickMe.evaluate((element) => element.closest("a")?.getAttribute("href") ?? "");
    expect(href).not.toMatch(/^\s*javascript:/i);
    await clickMe.click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(alerts).toEqual([]);
  });
});
