import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { appOrigin, joinAsReport, signedInId, signUpWithOrganization } from "./support/people";
import { addTask, changeTask, dateInDays } from "./support/tasks";

type Scheme = "light" | "dark";

/** The rules of WCAG 2.0 and 2.1, levels A and AA, color contrast among them. */
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const REQUEST_TITLE = "Confirm your travel dates for the offsite";

/**
 * A manager with a report, and enough on every page to check: the manager's plate with a task
 * overdue, one due soon and one the report asked for; the report's plate, loaded for the team view;
 * a request to the report; an inbox with an entry read and one unread. Answers the request's path.
 */
async function organizationToCheck(manager: Page, browser: Browser): Promise<string> {
  await signUpWithOrganization(manager, { name: "Manny Manager", organization: "Contrast Works" });
  const managerId = await signedInId(manager);
  const reportContext = await browser.newContext();
  const report = await reportContext.newPage();
  const reportId = await joinAsReport(manager, report, "Rita Report");
  const origin = appOrigin();

  await addTask(manager, managerId, { title: "Draft the hiring plan", due: { date: dateInDays(-2) } });
  await addTask(manager, managerId, { title: "Review the budget", due: { date: dateInDays(2) } });
  await addTask(report, managerId, { title: "Sign off my expenses" });
  const finished = await addTask(manager, reportId, { title: "Write the quarterly plan" });
  await addTask(manager, reportId, { title: "Review pull requests", due: { date: dateInDays(-1) } });
  await changeTask(report, finished.id, { state: "done" });

  const request = await manager.request.post("/api/v1/requests", {
    data: {
      title: REQUEST_TITLE,
      notes: "Flights or train, and the nights you need a room.",
      assigneeIds: [reportId],
    },
    headers: { origin },
  });
  expect(request.status()).toBe(201);
  const { id } = (await request.json()) as { id: string };
  await reportContext.close();
  return `/requests/${encodeURIComponent(id)}`;
}

/** The main pages, each with what shows it has drawn its content. */
function pagesToCheck(requestPath: string): { path: string; drawn: (page: Page) => Promise<void> }[] {
  return [
    {
      path: "/plate",
      drawn: (page) =>
        expect(page.getByRole("list", { name: "Open tasks" })).toContainText("Draft the hiring plan"),
    },
    {
      path: "/team",
      drawn: (page) => expect(page.getByRole("link", { name: "Rita Report" }).first()).toBeVisible(),
    },
    {
      path: "/inbox",
      drawn: (page) =>
        expect(page.getByRole("list", { name: "Inbox entries" }).getByRole("listitem")).not.toHaveCount(0),
    },
    {
      path: requestPath,
      drawn: (page) => expect(page.getByRole("list", { name: "People asked" })).toBeVisible(),
    },
  ];
}

/** The relative luminance of a computed CSS color, `rgb(r, g, b)`: 0 for black, 1 for white. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => {
    const channel = Number(part) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** The scheme the page is drawn in, read from the body's computed background. */
async function drawnScheme(page: Page): Promise<Scheme> {
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  return luminance(background) < 0.2 ? "dark" : "light";
}

/** Every violation of impact serious or critical on the page as it is, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id}: ${node.html.slice(0, 160)}: ${node.failureSummary ?? ""}`,
      ),
    );
}

/** Checks each main page drawn in `scheme`, and that none has a serious violation (all told at once). */
async function expectNoSeriousViolations(page: Page, requestPath: string, scheme: Scheme): Promise<void> {
  const found: Record<string, string[]> = {};
  for (const { path, drawn } of pagesToCheck(requestPath)) {
    await page.goto(path);
    await drawn(page);
    expect(await drawnScheme(page), path).toBe(scheme);
    found[path] = await seriousViolations(page);
  }
  expect(found, `violations in the ${scheme} scheme`).toEqual(
    Object.fromEntries(Object.keys(found).map((path) => [path, []])),
  );
}

/** Chooses a color scheme on the Settings page, as a person would. */
async function chooseInSettings(page: Page, choice: "System" | "Light" | "Dark"): Promise<void> {
  await page.goto("/settings");
  await page.getByRole("radiogroup", { name: "Color scheme" }).getByText(choice, { exact: true }).click();
  await expect(page.getByRole("radio", { name: choice })).toBeChecked();
}

for (const scheme of ["light", "dark"] as const) {
  test(`the main pages have no serious accessibility violation when the system is ${scheme}`, async ({
    page,
    browser,
  }) => {
    const requestPath = await organizationToCheck(page, browser);
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousViolations(page, requestPath, scheme);
  });

  test(`the main pages have no serious accessibility violation when ${scheme} is chosen in Settings`, async ({
    page,
    browser,
  }) => {
    const requestPath = await organizationToCheck(page, browser);
    // The choice, not the system, decides: the system says the other.
    await page.emulateMedia({ colorScheme: scheme === "dark" ? "light" : "dark" });
    await chooseInSettings(page, scheme === "dark" ? "Dark" : "Light");
    await expectNoSeriousViolations(page, requestPath, scheme);
  });
}

test("the dark scheme chosen in Settings is applied at once, holds after a reload, and System follows the device", async ({
  page,
}) => {
  await signUpWithOrganization(page, { name: "Dana Dark", organization: "Night Shift" });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/settings");
  await expect(page.getByRole("radio", { name: "System" })).toBeChecked();
  expect(await drawnScheme(page)).toBe("light");

  await chooseInSettings(page, "Dark");
  expect(await drawnScheme(page)).toBe("dark");

  await page.reload();
  await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
  expect(await drawnScheme(page)).toBe("dark");
  await page.goto("/plate");
  await expect(page.getByRole("heading", { name: "My plate" })).toBeVisible();
  expect(await drawnScheme(page)).toBe("dark");

  await chooseInSettings(page, "System");
  expect(await drawnScheme(page)).toBe("light");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => drawnScheme(page)).toBe("dark");
  await page.reload();
  await expect(page.getByRole("radio", { name: "System" })).toBeChecked();
  expect(await drawnScheme(page)).toBe("dark");
});

test("the chosen scheme is set before the app's code runs, allowed by the Content-Security-Policy", async ({
  page,
}) => {
  const policyErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
      policyErrors.push(message.text());
  });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Docket" })).toBeVisible();
  await page.evaluate(() => localStorage.setItem("docket-color-scheme", "dark"));

  // Nothing of the app's JavaScript loads: only index.html's own script can have set the scheme.
  await page.route("**/assets/*.js", (route) => route.abort());
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-mantine-color-scheme", "dark");
  expect(await drawnScheme(page)).toBe("dark");
  await expect(page.locator("#root")).toBeEmpty();
  expect(policyErrors).toEqual([]);
});
