import { expect, test } from "@playwright/test";
import { signUpWithOrganization } from "./support/people";

const day = 24 * 60 * 60_000;

test("a new token's expiry is chosen in the form, said when it is shown, and listed", async ({ page }) => {
  await signUpWithOrganization(page, { name: "Eli Expiry", organization: "Expiry Works" });
  await page.goto("/settings/tokens");
  await expect(page.getByText("No tokens yet")).toBeVisible();

  const expires = page.getByRole("combobox", { name: "Expires" });
  await expect(expires).toHaveValue("In 90 days");
  await page.getByLabel("Token name").fill("nightly export");
  await expires.click();
  await page.getByRole("option", { name: "In 7 days" }).click();
  const before = Date.now();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status")).toContainText("It stops working on");

  const tokens = (await (await page.request.get("/api/v1/tokens")).json()) as {
    items: { name: string; expiresAt: string | null }[];
  };
  const made = tokens.items.find((token) => token.name === "nightly export");
  const expiresAt = Date.parse(made?.expiresAt ?? "");
  expect(expiresAt).toBeGreaterThanOrEqual(before + 7 * day);
  expect(expiresAt).toBeLessThanOrEqual(Date.now() + 7 * day);

  const table = page.getByRole("table", { name: "Your API tokens" });
  await expect(table.getByRole("columnheader", { name: "Expires" })).toBeVisible();
  const expiryDay = await page.evaluate(
    (instant) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(instant)),
    made?.expiresAt ?? "",
  );
  await expect(table.getByRole("row").filter({ hasText: "nightly export" })).toContainText(expiryDay);

  await page.getByLabel("Token name").fill("forever script");
  await expires.click();
  await page.getByRole("option", { name: "Never" }).click();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status")).toContainText("It works until you revoke it.");
  // The fourth column says when it expires (the third says "Never used").
  const forever = table.getByRole("row").filter({ hasText: "forever script" });
  await expect(forever.getByRole("cell").nth(3)).toHaveText("Never");
});
