import { expect, test } from "@playwright/test";
import { PASSWORD, uniqueEmail } from "./support/people";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("an owner signs up, invites a teammate who joins, and sets who reports to whom", async ({
  page,
  browser,
  baseURL,
}) => {
  const ownerEmail = uniqueEmail("olga");
  const teammateEmail = uniqueEmail("bea");

  await test.step("a visitor to an app page is sent to sign in, and signs up from there", async () => {
    await page.goto("/people");
    await expect(page).toHaveURL(/\/sign-in\?redirect=%2Fpeople$/);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill("Olga Owner");
    await page.getByLabel("Email").fill(ownerEmail);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
  });

  await test.step("with no organization yet, the welcome page creates one", async () => {
    await expect(page).toHaveURL(/\/welcome$/);
    await expect(page.getByRole("heading", { name: "Welcome, Olga Owner" })).toBeVisible();
    // The reminder to confirm the address arrives with the session and moves the form down: wait for it,
    // or a click aimed at the form can land where the form was.
    await expect(page.getByRole("alert", { name: "Confirm your address" })).toBeVisible();
    await page.getByLabel("Organization name").fill("Orbital Tea");
    await page.getByRole("button", { name: "Create organization" }).click();
    await expect(page).toHaveURL(/\/people$/);
    await expect(page.getByTestId("organization-name")).toHaveText("Orbital Tea");
    await expect(page.getByRole("table", { name: "People" }).getByText("Olga Owner")).toBeVisible();
  });

  let invitationUrl = "";
  await test.step("the owner invites a teammate and copies the link shown once", async () => {
    await page.getByRole("button", { name: "Invite people" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite people" });
    await dialog.getByLabel("Email").fill(teammateEmail);
    await dialog.getByRole("button", { name: "Create invitation link" }).click();
    const link = dialog.getByRole("textbox", { name: "Invitation link" });
    await expect(link).toHaveValue(new RegExp(`^${baseURL}/invite/.+`));
    invitationUrl = await link.inputValue();
    await dialog.getByRole("button", { name: "Copy" }).click();
    await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(invitationUrl);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    const pending = page.getByRole("table", { name: "Pending invitations" });
    await expect(pending.getByRole("row").filter({ hasText: teammateEmail })).toBeVisible();
  });

  await test.step("the teammate opens the link in their own browser and joins", async () => {
    const teammateContext = await browser.newContext();
    const teammate = await teammateContext.newPage();
    await teammate.goto(invitationUrl);
    await expect(
      teammate.getByRole("heading", { name: "Olga Owner invited you to join Orbital Tea" }),
    ).toBeVisible();
    await expect(teammate.getByLabel("Email")).toHaveValue(teammateEmail);
    await teammate.getByLabel("Name").fill("Bea Report");
    await teammate.getByLabel("Password").fill(PASSWORD);
    await teammate.getByRole("button", { name: "Join Orbital Tea" }).click();
    await expect(teammate).toHaveURL(/\/people$/);
    await expect(teammate.getByRole("button", { name: "Account menu for Bea Report" })).toBeVisible();
    await expect(teammate.getByRole("combobox", { name: "Manager of Olga Owner" })).toHaveCount(0);
    await teammateContext.close();
  });

  await test.step("the owner picks the teammate's manager, and the org chart shows it", async () => {
    await page.reload();
    await expect(page.getByRole("table", { name: "Pending invitations" })).toHaveCount(0);
    const manager = page.getByRole("combobox", { name: "Manager of Bea Report" });
    await expect(manager).toHaveValue("No manager");
    await manager.click();
    await manager.fill("Olg");
    const saved = page.waitForResponse(
      (response) => response.request().method() === "PATCH" && response.url().includes("/api/v1/people/"),
    );
    await page.getByRole("option", { name: "Olga Owner" }).click();
    expect((await saved).status()).toBe(200);
    await expect(manager).toHaveValue("Olga Owner");

    const title = page.getByRole("textbox", { name: "Title of Bea Report" });
    await title.fill("Tea taster");
    const titleSaved = page.waitForResponse(
      (response) => response.request().method() === "PATCH" && response.url().includes("/api/v1/people/"),
    );
    await title.press("Enter");
    expect((await titleSaved).status()).toBe(200);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Org chart" }).click();
    const reports = page.getByRole("list", { name: "Reports to Olga Owner" });
    await expect(reports.getByText("Bea Report")).toBeVisible();
    await expect(reports.getByText("Tea taster")).toBeVisible();
  });
});

test("a reporting cycle is refused and the error shows on that row", async ({ page, browser }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Cyd Owner");
  await page.getByLabel("Email").fill(uniqueEmail("cyd"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert", { name: "Confirm your address" })).toBeVisible();
  await page.getByLabel("Organization name").fill("Loop Ltd");
  await page.getByRole("button", { name: "Create organization" }).click();

  await page.getByRole("button", { name: "Invite people" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite people" });
  await dialog.getByLabel("Email").fill(uniqueEmail("dan"));
  await dialog.getByRole("combobox", { name: "Manager" }).click();
  await page.getByRole("option", { name: "Cyd Owner" }).click();
  await dialog.getByRole("button", { name: "Create invitation link" }).click();
  const invitationUrl = await dialog.getByRole("textbox", { name: "Invitation link" }).inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();

  const danContext = await browser.newContext();
  const dan = await danContext.newPage();
  await dan.goto(invitationUrl);
  await dan.getByLabel("Name").fill("Dan Direct");
  await dan.getByLabel("Password").fill(PASSWORD);
  await dan.getByRole("button", { name: "Join Loop Ltd" }).click();
  await expect(dan).toHaveURL(/\/people$/);
  await danContext.close();

  await page.reload();
  await expect(page.getByRole("combobox", { name: "Manager of Dan Direct" })).toHaveValue("Cyd Owner");
  const ownManager = page.getByRole("combobox", { name: "Manager of Cyd Owner" });
  await ownManager.click();
  await page.getByRole("option", { name: "Dan Direct" }).click();
  await expect(ownManager).toHaveAccessibleDescription(/cycle/i);
  await expect(ownManager).toHaveValue("No manager");
});
