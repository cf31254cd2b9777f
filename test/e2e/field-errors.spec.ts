import { expect, test } from "@playwright/test";
import { signUpWithOrganization, uniqueEmail } from "./support/people";

test("sign-up shows the password rule next to the password field", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Sam Short");
  await page.getByLabel("Email").fill(uniqueEmail("sam"));
  const password = page.getByLabel("Password");
  await password.fill("too-short");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/at least 10 characters/i);
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("settings show an impossible working-hours range next to the end time", async ({ page }) => {
  await signUpWithOrganization(page, { name: "Rey Range", organization: "Range Inc" });
  await page.goto("/settings");
  await page.getByLabel("Starts at").fill("17:00");
  await page.getByLabel("Ends at").fill("08:00");
  await page.getByRole("button", { name: "Save settings" }).click();

  const end = page.getByLabel("Ends at");
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(end).toHaveAccessibleDescription(/end after they start/i);
  await expect(page.getByRole("alert").filter({ hasText: "Your settings were not saved" })).toBeVisible();
  await expect(page.getByLabel("Starts at")).not.toHaveAttribute("aria-invalid", "true");
});
