import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";

export const PASSWORD = "correct-horse-battery-staple";

/** An e-mail address no other test, and no earlier run, has used. */
export function uniqueEmail(who: string): string {
  return `${who}-${randomUUID()}@example.test`;
}

/**
 * Signs a new person up and gives them an organization through the API, with the page's cookies,
 * for tests whose subject is not signing up. Writes carry the app's Origin, as the browser's would.
 */
export async function signUpWithOrganization(
  page: Page,
  person: { name: string; organization: string },
): Promise<string> {
  const origin = new URL(test.info().project.use.baseURL ?? "").origin;
  const email = uniqueEmail("person");
  const signUp = await page.request.post("/api/auth/sign-up/email", {
    data: { name: person.name, email, password: PASSWORD },
    headers: { origin },
  });
  expect(signUp.status()).toBe(200);
  const organization = await page.request.post("/api/v1/organizations", {
    data: { name: person.organization },
    headers: { origin },
  });
  expect(organization.status()).toBe(201);
  return email;
}
