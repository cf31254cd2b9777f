import { expect, test } from "@playwright/test";
import { PASSWORD, signUpWithOrganization, uniqueEmail } from "./support/people";

test("someone who signed up before being invited joins with the password they already have", async ({
  page,
  browser,
  baseURL,
}) => {
  await signUpWithOrganization(page, { name: "Oscar Owner", organization: "Early Birds" });
  const email = uniqueEmail("erin");

  const erinContext = await browser.newContext();
  const erin = await erinContext.newPage();
  const signUp = await erin.request.post("/api/auth/sign-up/email", {
    data: { name: "Erin Early", email, password: PASSWORD },
    headers: { origin: baseURL ?? "" },
  });
  expect(signUp.status()).toBe(200);

  const invitation = await page.request.post("/api/v1/invitations", {
    data: { email },
    headers: { origin: baseURL ?? "" },
  });
  expect(invitation.status()).toBe(201);
  const { url } = (await invitation.json()) as { url: string };

  await erin.goto(url);
  await expect(
    erin.getByRole("heading", { name: "Oscar Owner invited you to join Early Birds" }),
  ).toBeVisible();
  await expect(erin.getByText("You already have a Docket account with this e-mail")).toBeVisible();
  await expect(erin.getByLabel("Name")).toHaveCount(0);
  await erin.getByLabel("Password").fill("not my password at all");
  await erin.getByRole("button", { name: "Join Early Birds" }).click();
  await expect(erin.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await erin.getByLabel("Password").fill(PASSWORD);
  await erin.getByRole("button", { name: "Join Early Birds" }).click();
  await expect(erin).toHaveURL(/\/people$/);
  await expect(erin.getByTestId("organization-name")).toHaveText("Early Birds");
  await expect(erin.getByRole("table", { name: "People" }).getByText("Erin Early")).toBeVisible();
  await erinContext.close();
});
