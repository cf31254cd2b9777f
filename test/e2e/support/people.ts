import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";

export const PASSWORD = "correct-horse-battery-staple";

/** An e-mail address no other test, and no earlier run, has used. */
export function uniqueEmail(who: string): string {
  return `${who}-${randomUUID()}@example.test`;
}

/** The app's Origin, which API writes carry as the browser's would. */
export function appOrigin(): string {
  return new URL(test.info().project.use.baseURL ?? "").origin;
}

/**
 * Signs a new person up and gives them an organization through the API, with the page's cookies,
 * for tests whose subject is not signing up. Writes carry the app's Origin, as the browser's would.
 */
export async function signUpWithOrganization(
  page: Page,
  person: { name: string; organization: string },
): Promise<string> {
  const origin = appOrigin();
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

/** The id of whoever is signed in on the page. */
export async function signedInId(page: Page): Promise<string> {
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  return ((await me.json()) as { id: string }).id;
}

/**
 * Brings a new person into the inviter's organization through an invitation, accepted with the
 * joiner's own page's cookies, reporting to `managerId` (or to nobody). Answers the new person's id.
 */
export async function joinOrganization(
  inviter: Page,
  joiner: Page,
  name: string,
  managerId: string | null,
): Promise<string> {
  const origin = appOrigin();
  const invitation = await inviter.request.post("/api/v1/invitations", {
    data: { email: uniqueEmail("joiner"), managerId },
    headers: { origin },
  });
  expect(invitation.status()).toBe(201);
  const { token } = (await invitation.json()) as { token: string };
  const accepted = await joiner.request.post(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, {
    data: { name, password: PASSWORD },
    headers: { origin },
  });
  expect(accepted.status()).toBe(201);
  return signedInId(joiner);
}

/** Brings a new person into the manager's organization as their direct report. Answers their id. */
export async function joinAsReport(manager: Page, report: Page, name: string): Promise<string> {
  return joinOrganization(manager, report, name, await signedInId(manager));
}
