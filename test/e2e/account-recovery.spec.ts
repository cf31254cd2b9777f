import { expect, test } from "@playwright/test";
import { mailedLink } from "./support/mail";
import { appOrigin, PASSWORD, signUpWithOrganization, uniqueEmail } from "./support/people";

const NEW_PASSWORD = "a brand new passphrase";

test("someone who forgot their password mails themselves a link and chooses a new one with it", async ({
  page,
  browser,
}) => {
  // The link arrives with the server's mail job, a few seconds after it was asked for.
  test.setTimeout(60_000);
  const email = await signUpWithOrganization(page, { name: "Fay Forgetful", organization: "Forgetful Co" });
  const context = await browser.newContext();
  const fay = await context.newPage();

  await fay.goto("/sign-in");
  await fay.getByRole("link", { name: "Forgot password?" }).click();
  await expect(fay).toHaveURL(/\/forgot-password$/);
  await expect(fay).toHaveTitle("Forgot password · Docket");
  await fay.getByLabel("Email").fill(email);
  await fay.getByRole("button", { name: "Mail me a link" }).click();
  await expect(fay.getByRole("status")).toContainText(`If ${email} has a Docket account`);

  const link = await mailedLink(email, "reset-password");
  await fay.goto(link);
  // The token leaves the address bar as soon as the page has read it.
  await expect(fay).toHaveURL(/\/reset-password$/);
  await fay.getByLabel("New password").fill(NEW_PASSWORD);
  await fay.getByRole("button", { name: "Set the new password" }).click();
  await expect(fay.getByRole("status")).toContainText("Your new password is set");

  // Every session of the account ended, the one that signed up too.
  await page.goto("/plate");
  await expect(page).toHaveURL(/\/sign-in/);

  await fay.getByRole("link", { name: "Sign in" }).click();
  await fay.getByLabel("Email").fill(email);
  await fay.getByLabel("Password").fill(PASSWORD);
  await fay.getByRole("button", { name: "Sign in" }).click();
  await expect(fay.getByRole("alert")).toBeVisible();
  await fay.getByLabel("Password").fill(NEW_PASSWORD);
  await fay.getByRole("button", { name: "Sign in" }).click();
  await expect(fay).toHaveURL(/\/plate$/);

  // The link works once.
  await fay.goto(link);
  await fay.getByLabel("New password").fill("yet another new passphrase");
  await fay.getByRole("button", { name: "Set the new password" }).click();
  await expect(fay.getByRole("alert")).toContainText("used already");
  await expect(fay.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
  await context.close();
});

test("the owner of an address joins by invitation although someone else signed up with it first", async ({
  page,
  browser,
}) => {
  await signUpWithOrganization(page, { name: "Rita Rightful", organization: "Rightful Owners" });
  const email = uniqueEmail("alice");
  const squatterContext = await browser.newContext();
  const squatter = await squatterContext.newPage();
  const squat = await squatter.request.post("/api/auth/sign-up/email", {
    data: { name: "Mallory Squatter", email, password: PASSWORD },
    headers: { origin: appOrigin() },
  });
  expect(squat.status()).toBe(200);

  const invitation = await page.request.post("/api/v1/invitations", {
    data: { email },
    headers: { origin: appOrigin() },
  });
  expect(invitation.status()).toBe(201);
  const { url } = (await invitation.json()) as { url: string };

  const aliceContext = await browser.newContext();
  const alice = await aliceContext.newPage();
  await alice.goto(url);
  await expect(alice.getByText("You already have a Docket account with this e-mail")).toBeVisible();
  await alice.getByRole("button", { name: "Create a new account instead" }).click();
  await alice.getByLabel("Name").fill("Alice Rightful");
  await alice.getByLabel("Password").fill(NEW_PASSWORD);
  await alice.getByRole("button", { name: "Join Rightful Owners" }).click();
  await expect(alice).toHaveURL(/\/people$/);
  await expect(alice.getByRole("table", { name: "People" }).getByText("Alice Rightful")).toBeVisible();

  // The squatter's session ended with their account.
  expect((await squatter.request.get("/api/v1/me")).status()).toBe(401);
  await squatterContext.close();
  await aliceContext.close();
});

test("a new account confirms its address with the link mailed at sign-up", async ({ page }) => {
  test.setTimeout(60_000);
  const email = uniqueEmail("vera");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Vera Verify");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByText(`We mailed a link to ${email}`)).toBeVisible();

  const link = await mailedLink(email, "verify-email");
  await page.goto(link);
  await expect(page).toHaveURL(/\/verify-email$/);
  await expect(page.getByText(`Confirm that ${email} is yours`)).toBeVisible();
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("status")).toHaveText(`${email} is confirmed. Thank you.`);

  await page.getByRole("link", { name: "Go to Docket" }).click();
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByRole("heading", { name: "Welcome, Vera Verify" })).toBeVisible();
  await expect(page.getByText("We mailed a link")).toHaveCount(0);
});
