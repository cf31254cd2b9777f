import { expect, test } from "@playwright/test";
import { appOrigin, PASSWORD, signUpWithOrganization } from "./support/people";

test.use({ timezoneId: "America/New_York" });

test("personal settings offer the browser's time zone and keep working hours and digest times", async ({
  page,
}) => {
  await signUpWithOrganization(page, { name: "Nia Zone", organization: "Zone Works" });
  await page.goto("/settings");

  const timeZone = page.getByRole("combobox", { name: "Time zone" });
  await expect(timeZone).toHaveValue("UTC");
  await page.getByRole("button", { name: "Use my browser's zone (America/New_York)" }).click();
  await expect(timeZone).toHaveValue("America/New_York");

  const workingDays = page.getByRole("group", { name: "Working days" });
  await workingDays.getByRole("checkbox", { name: "Fri" }).uncheck();
  await workingDays.getByRole("checkbox", { name: "Sat" }).check();
  await page.getByLabel("Starts at").fill("08:30");
  await page.getByLabel("Ends at").fill("16:45");

  await page.getByLabel("Digest time 1").fill("07:45");
  await page.getByRole("button", { name: "Add a time" }).click();
  await page.getByLabel("Digest time 2").fill("13:30");
  await page.getByRole("group", { name: "Digest days" }).getByRole("checkbox", { name: "Sun" }).check();

  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();

  await page.reload();
  await expect(timeZone).toHaveValue("America/New_York");
  await expect(page.getByRole("button", { name: /Use my browser's zone/ })).toHaveCount(0);
  await expect(workingDays.getByRole("checkbox", { name: "Fri" })).not.toBeChecked();
  await expect(workingDays.getByRole("checkbox", { name: "Sat" })).toBeChecked();
  await expect(page.getByLabel("Starts at")).toHaveValue("08:30");
  await expect(page.getByLabel("Ends at")).toHaveValue("16:45");
  await expect(page.getByLabel("Digest time 1")).toHaveValue("07:45");
  await expect(page.getByLabel("Digest time 2")).toHaveValue("13:30");
  await expect(
    page.getByRole("group", { name: "Digest days" }).getByRole("checkbox", { name: "Sun" }),
  ).toBeChecked();

  const me = await (await page.request.get("/api/v1/me")).json();
  expect(me).toMatchObject({
    timeZone: "America/New_York",
    workingHours: { days: [1, 2, 3, 4, 6], start: "08:30", end: "16:45" },
    digest: { times: ["07:45", "13:30"], days: [1, 2, 3, 4, 5, 7] },
  });
});

test("an away period is saved and can be cleared", async ({ page }) => {
  await signUpWithOrganization(page, { name: "Ari Away", organization: "Away Co" });
  await page.goto("/settings");
  await page.getByLabel("Away from").fill("2031-07-01");
  await page.getByLabel("Away until").fill("2031-07-14");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
  expect((await (await page.request.get("/api/v1/me")).json()).away).toEqual({
    from: "2031-07-01",
    until: "2031-07-14",
  });

  await page.reload();
  await expect(page.getByLabel("Away until")).toHaveValue("2031-07-14");
  await page.getByRole("button", { name: "Clear away period" }).click();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
  expect((await (await page.request.get("/api/v1/me")).json()).away).toBeNull();
});

test("a personal access token is shown once, listed, and revoked", async ({ page }) => {
  await signUpWithOrganization(page, { name: "Tao Token", organization: "Token Shop" });
  await page.goto("/settings/tokens");
  await expect(page.getByText("No tokens yet")).toBeVisible();

  await page.getByLabel("Token name").fill("CLI on my laptop");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByRole("textbox", { name: "New token" }).inputValue();
  expect(secret.length).toBeGreaterThan(20);
  const usingToken = await page.request.get("/api/v1/me", {
    headers: { authorization: `Bearer ${secret}`, cookie: "" },
  });
  expect(usingToken.status()).toBe(200);

  const row = page
    .getByRole("table", { name: "Your API tokens" })
    .getByRole("row")
    .filter({ hasText: "CLI on my laptop" });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Revoke token CLI on my laptop" }).click();
  await page
    .getByRole("dialog", { name: "Revoke this token?" })
    .getByRole("button", { name: "Revoke token" })
    .click();
  await expect(page.getByText("No tokens yet")).toBeVisible();
});

test("a password is changed from settings: a wrong current one is named, and other sessions end", async ({
  page,
  browser,
}) => {
  const email = await signUpWithOrganization(page, { name: "Pat Word", organization: "Word Works" });
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  const signedIn = await other.request.post("/api/auth/sign-in/email", {
    data: { email, password: PASSWORD },
    headers: { origin: appOrigin() },
  });
  expect(signedIn.status()).toBe(200);
  expect((await other.request.get("/api/v1/me")).status()).toBe(200);

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Password" });
  await section.getByLabel("Current password").fill("not my password at all");
  await section.getByLabel("New password").fill("a brand new passphrase 7");
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(section.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await section.getByLabel("Current password").fill(PASSWORD);
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(section.getByRole("status")).toHaveText(/every other session was signed out/);
  await expect(section.getByLabel("Current password")).toHaveValue("");

  expect((await other.request.get("/api/v1/me")).status()).toBe(401);
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
  await elsewhere.close();
});
