import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  appOrigin,
  joinAsReport,
  PASSWORD,
  signedInId,
  signUpWithOrganization,
  uniqueEmail,
} from "./support/people";
import { formatOnPage } from "./support/requests";
import { addTask, doneTasks, openTasks } from "./support/tasks";

// Dates are typed as a person in the United States types them: month, day, year.
test.use({ locale: "en-US", viewport: { width: 1280, height: 800 } });

const NO_SUCH_DATE = "There is no such date, or it is not finished. Correct it, or clear it.";

interface PlateAnswer {
  items: { id: string; title: string; position: number | null; due: { date: string } | null }[];
}

async function plate(page: Page, ownerId: string, state = "open"): Promise<PlateAnswer["items"]> {
  const answer = await page.request.get(`/api/v1/people/${encodeURIComponent(ownerId)}/tasks?state=${state}`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as PlateAnswer).items;
}

/** Types into a date field from its first part (the month), as someone tabbing into it does. */
async function typeDate(before: Locator, digits: string): Promise<void> {
  await before.press("Tab");
  await before.page().keyboard.type(digits);
}

/** Whether the browser's date field still holds what was typed, though it reads it as no date. */
function holdsUnreadableEntry(field: Locator): Promise<boolean> {
  return field.evaluate((input: HTMLInputElement) => input.validity.badInput);
}

test("an impossible due date is refused in every form that takes one, and what was typed stays", async ({
  page,
}) => {
  await signUpWithOrganization(page, { name: "Dana Dates", organization: "Calendar Co" });
  const meId = await signedInId(page);
  await page.goto("/plate");

  await test.step("adding a task: 02/30 is refused, nothing is added, and the date stays as typed", async () => {
    await page.getByRole("button", { name: "Add task" }).click();
    const form = page.getByRole("region", { name: "Add to your plate" });
    await form.getByRole("textbox", { name: "Title" }).fill("File the February report");
    await typeDate(form.getByLabel("Notes"), "02302031");
    const due = form.getByRole("textbox", { name: "Due date" });
    await form.getByRole("button", { name: "Add task" }).click();
    await expect(form.getByText(NO_SUCH_DATE)).toBeVisible();
    expect(await holdsUnreadableEntry(due)).toBe(true);
    await expect(form.getByRole("textbox", { name: "Title" })).toHaveValue("File the February report");
    expect(await plate(page, meId)).toEqual([]);

    await typeDate(form.getByLabel("Notes"), "02282031");
    await expect(due).toHaveValue("2031-02-28");
    await expect(form.getByText(NO_SUCH_DATE)).toHaveCount(0);
    await form.getByRole("button", { name: "Add task" }).click();
    await expect(openTasks(page)).toHaveCount(1);
    const [added] = await plate(page, meId);
    expect(added).toMatchObject({ title: "File the February report", due: { date: "2031-02-28" } });
  });

  await test.step("editing a task: changing its day to the 30th keeps the due it had", async () => {
    await page.getByRole("button", { name: "More actions for “File the February report”" }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog", { name: /Edit/ });
    await typeDate(dialog.getByLabel("Notes"), "02302031");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog.getByText(NO_SUCH_DATE)).toBeVisible();
    expect(await holdsUnreadableEntry(dialog.getByRole("textbox", { name: "Due date" }))).toBe(true);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    const [kept] = await plate(page, meId);
    expect(kept?.due).toEqual({ date: "2031-02-28" });
  });

  await test.step("a request: refused the same way, and nobody is asked", async () => {
    await page.goto("/requests/new");
    await page.getByRole("textbox", { name: "Title" }).fill("Send your February numbers");
    await typeDate(page.getByLabel("Notes"), "02302031");
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByText(NO_SUCH_DATE)).toBeVisible();
    expect(await holdsUnreadableEntry(page.getByRole("textbox", { name: "Due date" }))).toBe(true);
    await expect(page).toHaveURL(/\/requests\/new$/);
    const requests = await page.request.get("/api/v1/requests");
    expect(((await requests.json()) as { items: unknown[] }).items).toEqual([]);
  });
});

test("a title past 200 characters is kept whole, counted and refused, never cut", async ({ page }) => {
  await signUpWithOrganization(page, { name: "Tim Titles", organization: "Long Names Ltd" });
  const meId = await signedInId(page);
  await page.goto("/plate");
  await page.getByRole("button", { name: "Add task" }).click();
  const form = page.getByRole("region", { name: "Add to your plate" });
  const title = form.getByRole("textbox", { name: "Title" });

  await title.fill("x".repeat(150));
  await expect(form.getByText("/ 200")).toHaveCount(0);
  await title.fill("x".repeat(201));
  await expect(title).toHaveValue("x".repeat(201));
  await expect(form.getByText("201 / 200")).toBeVisible();
  await expect(form.getByText("A title is at most 200 characters: take out 1 character.")).toBeVisible();
  await form.getByRole("button", { name: "Add task" }).click();
  await expect(title).toHaveValue("x".repeat(201));
  expect(await plate(page, meId)).toEqual([]);

  await title.press("End");
  await title.press("Backspace");
  await expect(form.getByText("200 / 200")).toBeVisible();
  await expect(form.getByText(/A title is at most/)).toHaveCount(0);
  await form.getByRole("button", { name: "Add task" }).click();
  await expect(openTasks(page)).toHaveCount(1);
  expect((await plate(page, meId))[0]?.title).toBe("x".repeat(200));

  await page.goto("/requests/new");
  await page.getByRole("textbox", { name: "Title" }).fill("y".repeat(230));
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue("y".repeat(230));
  await expect(page.getByText("230 / 200")).toBeVisible();
  await expect(page.getByText("take out 30 characters")).toBeVisible();
});

test.describe("finishing and moving work can be undone", () => {
  const TITLES = ["Alpha", "Bravo", "Charlie", "Delta"];
  let meId: string;

  test.beforeEach(async ({ page }) => {
    await signUpWithOrganization(page, { name: "Uma Undo", organization: "Second Thoughts" });
    meId = await signedInId(page);
    for (const title of TITLES) await addTask(page, meId, { title });
    await page.goto("/plate");
    await expect(openTasks(page)).toHaveCount(TITLES.length);
  });

  const undoNotice = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

  test("a double click on Complete completes exactly one task", async ({ page }) => {
    await page.getByRole("button", { name: "Complete “Alpha”" }).dblclick();
    await expect(undoNotice(page, "Completed “Alpha”.")).toBeVisible();
    await expect(openTasks(page)).toHaveText([/Bravo/, /Charlie/, /Delta/]);
    expect((await doneTasks(page, meId)).map((task) => task.title)).toEqual(["Alpha"]);
  });

  test("the task below does not slide under the pointer: a second click lands on the finished one", async ({
    page,
  }) => {
    const complete = page.getByRole("button", { name: "Complete “Alpha”" });
    const box = await complete.boundingBox();
    if (!box) throw new Error("the Complete button is on screen");
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.click(x, y);
    await expect(openTasks(page).first()).toContainText("Bravo");
    await expect(undoNotice(page, "Completed “Alpha”.")).toBeVisible();
    await page.mouse.click(x, y);
    await expect(openTasks(page)).toHaveText([/^1.*Bravo/, /^2.*Charlie/, /^3.*Delta/]);
    expect((await doneTasks(page, meId)).map((task) => task.title)).toEqual(["Alpha"]);
  });

  test("undo puts a completed, a dropped and a moved task back where they were", async ({ page }) => {
    const inOrder = [/^1.*Alpha/, /^2.*Bravo/, /^3.*Charlie/, /^4.*Delta/];

    await page.getByRole("button", { name: "Complete “Bravo”" }).click();
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await expect(openTasks(page)).toHaveText(inOrder);
    expect((await plate(page, meId)).map((task) => [task.title, task.position])).toEqual([
      ["Alpha", 1],
      ["Bravo", 2],
      ["Charlie", 3],
      ["Delta", 4],
    ]);

    await page.getByRole("button", { name: "More actions for “Charlie”" }).click();
    await page.getByRole("menuitem", { name: "Drop…" }).click();
    const dialog = page.getByRole("dialog", { name: "Drop “Charlie”?" });
    await dialog.getByLabel("Reason").fill("Not our priority now");
    await dialog.getByRole("button", { name: "Drop task" }).click();
    await expect(dialog).toBeHidden();
    await expect(openTasks(page)).toHaveText([/Alpha/, /Bravo/, /Delta/]);
    await undoNotice(page, "Dropped “Charlie”.").getByRole("button", { name: "Undo", exact: true }).click();
    await expect(openTasks(page)).toHaveText(inOrder);

    // Two moves of one task in a row, each changing its version: undo goes back to before the first.
    await page.getByRole("button", { name: "More actions for “Delta”" }).click();
    await page.getByRole("menuitem", { name: "Move to the top" }).click();
    await expect(undoNotice(page, "Moved “Delta” to #1.")).toBeVisible();
    await page.getByRole("button", { name: "More actions for “Delta”" }).click();
    await page.getByRole("menuitem", { name: "Move down" }).click();
    await expect(undoNotice(page, "Moved “Delta” to #2.")).toBeVisible();
    await expect(openTasks(page)).toHaveText([/Alpha/, /Delta/, /Bravo/, /Charlie/]);
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await expect(openTasks(page)).toHaveText(inOrder);
    await expect(page.getByRole("button", { name: "Undo", exact: true })).toHaveCount(0);
    expect((await plate(page, meId)).map((task) => task.title)).toEqual(TITLES);
  });

  test("a completed task leaves the plate once the notice goes", async ({ page }) => {
    await page.getByRole("button", { name: "Complete “Alpha”" }).click();
    await expect(undoNotice(page, "Completed “Alpha”.")).toBeVisible();
    const finished = page.locator("li[data-leaving]");
    await expect(finished).toHaveText(/Alpha.*Done/);
    await expect(finished).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByRole("button", { name: "Undo", exact: true })).toHaveCount(0);
    await expect(openTasks(page)).toHaveText([/^1.*Bravo/, /^2.*Charlie/, /^3.*Delta/]);
  });
});

test("each page names its tab", async ({ page, browser }) => {
  const titleOf = async (path: string, title: string) => {
    await page.goto(path);
    await expect(page, path).toHaveTitle(`${title} · Docket`);
  };
  await titleOf("/sign-in", "Sign in");
  await titleOf("/sign-up", "Create your account");
  await titleOf("/forgot-password", "Forgot password");
  await titleOf("/reset-password", "Choose a new password");
  await titleOf("/verify-email", "Confirm your address");
  await titleOf("/invite/no-such-invitation", "Invitation");

  await signUpWithOrganization(page, { name: "Manny Manager", organization: "Tabs Inc" });
  const aliceContext = await browser.newContext();
  const alice = await aliceContext.newPage();
  const aliceId = await joinAsReport(page, alice, "Alice Report");

  await titleOf("/plate", "My plate");
  await titleOf(`/people/${aliceId}/plate`, "Alice Report's plate");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page).toHaveTitle("People · Docket");
  await titleOf("/record", "My record");
  await titleOf(`/people/${aliceId}/record`, "Alice Report's record");
  await titleOf("/inbox", "Inbox");
  await titleOf("/team", "Team");
  await titleOf("/requests", "Requests");
  await titleOf("/requests/new", "New request");
  await titleOf("/org-chart", "Org chart");
  await titleOf("/outbox", "Outbox");
  await titleOf("/audit", "Audit log");
  await titleOf("/settings", "Settings");
  await titleOf("/settings/tokens", "API tokens");
  // Links that lead nowhere still say what the page found.
  await titleOf("/people/no-such-person/plate", "Nobody by that link");
  await titleOf("/people/no-such-person/record", "Nobody by that link");
  await titleOf("/requests/no-such-request", "No request by that link");
  await titleOf("/no-such-page", "Page not found");
  await aliceContext.close();

  const newcomer = await browser.newContext();
  const welcome = await newcomer.newPage();
  const signedUp = await welcome.request.post("/api/auth/sign-up/email", {
    data: { name: "Nora Newcomer", email: uniqueEmail("newcomer"), password: PASSWORD },
    headers: { origin: appOrigin() },
  });
  expect(signedUp.status()).toBe(200);
  await welcome.goto("/welcome");
  await expect(welcome).toHaveTitle("Welcome · Docket");
  await newcomer.close();
});

test("the API docs load without breaking the content security policy", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/api/docs");
  // The first read of the OpenAPI document builds it from every route's schema: it can take a while.
  await expect(page.getByRole("heading", { name: /Docket API/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator(".topbar svg")).toBeVisible();
  expect(errors.filter((error) => /Content Security Policy/i.test(error))).toEqual([]);
  const answer = await page.request.get("/plate");
  // The app's own scripts, and inline ones only by their hash (never 'unsafe-inline').
  expect(answer.headers()["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[\w+/=]+')*;/);
});

test("the audit log gives each entry's exact time on hover", async ({ page }) => {
  await signUpWithOrganization(page, { name: "Olga Owner", organization: "Audit Co" });
  const meId = await signedInId(page);
  const changed = await page.request.patch(`/api/v1/people/${meId}`, {
    data: { title: "Chief of Everything" },
    headers: { origin: appOrigin() },
  });
  expect(changed.status()).toBe(200);
  const audit = await page.request.get("/api/v1/audit");
  const [entry] = ((await audit.json()) as { items: { at: string }[] }).items;
  expect(entry).toBeDefined();

  await page.goto("/audit");
  const time = page.getByRole("list", { name: "Audit log" }).getByRole("listitem").first().locator("time");
  await expect(time).toHaveAttribute("datetime", entry?.at ?? "");
  await expect(time).toHaveAttribute("title", await formatOnPage(page, entry?.at ?? ""));
});

test("the navigation runs the length of a long page and stays in view", async ({ page }) => {
  await signUpWithOrganization(page, { name: "Lena Long", organization: "Long Plates" });
  const meId = await signedInId(page);
  for (let index = 1; index <= 30; index++) await addTask(page, meId, { title: `Task number ${index}` });
  await page.goto("/plate");
  await expect(openTasks(page)).toHaveCount(30);

  const main = page.getByRole("navigation", { name: "Main" });
  const sidebar = page.locator("nav", { has: main });
  const { sidebarBottom, pageHeight } = await sidebar.evaluate((element) => ({
    sidebarBottom: element.getBoundingClientRect().bottom + window.scrollY,
    pageHeight: document.documentElement.scrollHeight,
  }));
  expect(pageHeight).toBeGreaterThan(1600);
  expect(sidebarBottom).toBeGreaterThanOrEqual(pageHeight - 1);

  await openTasks(page).last().scrollIntoViewIfNeeded();
  await expect(main.getByRole("link", { name: "My plate" })).toBeInViewport();

  await page.setViewportSize({ width: 1280, height: 420 });
  const tokens = main.getByRole("link", { name: "API tokens" });
  await tokens.scrollIntoViewIfNeeded();
  await expect(tokens).toBeInViewport();
});

test("the People table shows a long title whole at 1280 px", async ({ page }) => {
  await signUpWithOrganization(page, { name: "Vera Verbose", organization: "Titles Galore" });
  const meId = await signedInId(page);
  const long = "Vice President of Platform Engineering and Developer Experience";
  const changed = await page.request.patch(`/api/v1/people/${meId}`, {
    data: { title: long },
    headers: { origin: appOrigin() },
  });
  expect(changed.status()).toBe(200);

  await page.goto("/people");
  const title = page.getByRole("textbox", { name: "Title of Vera Verbose" });
  await expect(title).toHaveValue(long);
  const overflow = await title.evaluate((element) => ({
    wide: element.scrollWidth - element.clientWidth,
    tall: element.scrollHeight - element.clientHeight,
  }));
  expect(overflow).toEqual({ wide: 0, tall: 0 });
});

test("an impossible day away is refused, and the away period stays as it was", async ({ page }) => {
  await signUpWithOrganization(page, { name: "Avi Away", organization: "Leave Ltd" });
  const away = { from: "2031-02-10", until: "2031-02-20" };
  const set = await page.request.patch("/api/v1/me", { data: { away }, headers: { origin: appOrigin() } });
  expect(set.status()).toBe(200);
  const savedAway = async () =>
    ((await (await page.request.get("/api/v1/me")).json()) as { away: unknown }).away;
  await page.goto("/settings");
  const from = page.getByRole("textbox", { name: "Away from" });
  const until = page.getByRole("textbox", { name: "Away until" });
  await expect(until).toHaveValue(away.until);

  await from.focus();
  await page.keyboard.type("02302031");
  await until.focus();
  await page.keyboard.type("02302031");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(NO_SUCH_DATE)).toHaveCount(2);
  expect(await holdsUnreadableEntry(from)).toBe(true);
  expect(await holdsUnreadableEntry(until)).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toHaveCount(0);
  expect(await savedAway()).toEqual(away);

  await page.getByRole("button", { name: "Clear away period" }).click();
  await expect(page.getByText(NO_SUCH_DATE)).toHaveCount(0);
  expect(await holdsUnreadableEntry(from)).toBe(false);
  expect(await holdsUnreadableEntry(until)).toBe(false);
  await from.focus();
  await page.keyboard.type("02012031");
  await until.focus();
  await page.keyboard.type("02282031");
  await expect(until).toHaveValue("2031-02-28");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
  await expect(page.getByText(NO_SUCH_DATE)).toHaveCount(0);
  expect(await savedAway()).toEqual({ from: "2031-02-01", until: "2031-02-28" });
});

test("an impossible day in a record's own period is refused, and the period shown stays", async ({
  page,
}) => {
  await signUpWithOrganization(page, { name: "Rita Record", organization: "Periods Inc" });
  await page.goto("/record?period=custom&from=2031-01-01&to=2031-03-31");
  const lastDay = page.getByRole("textbox", { name: "Last day" });
  await expect(lastDay).toHaveValue("2031-03-31");

  // Cleared first: retyping a whole date passes through others (02/03/2031 on the way to 02/30/2031).
  await lastDay.fill("");
  await lastDay.focus();
  await page.keyboard.type("02302031");
  await lastDay.blur();
  await expect(page.getByText(NO_SUCH_DATE)).toBeVisible();
  expect(await holdsUnreadableEntry(lastDay)).toBe(true);
  await expect(page).toHaveURL(/to=2031-03-31/);

  await lastDay.focus();
  await page.keyboard.type("02282031");
  await expect(page).toHaveURL(/to=2031-02-28/);
  await lastDay.blur();
  await expect(page.getByText(NO_SUCH_DATE)).toHaveCount(0);
});

test("names, titles and reasons past their limits are kept whole, counted and refused, never cut", async ({
  page,
}) => {
  await signUpWithOrganization(page, { name: "Lena Limits", organization: "Bounded Ltd" });
  const meId = await signedInId(page);
  const writes: string[] = [];
  page.on("request", (request) => {
    if (request.method() !== "GET" && request.url().includes("/api/")) writes.push(request.url());
  });

  await test.step("a person's title in the People table", async () => {
    await page.goto("/people");
    const title = page.getByRole("textbox", { name: "Title of Lena Limits" });
    await title.fill("t".repeat(121));
    await expect(title).toHaveValue("t".repeat(121));
    await expect(page.getByText("121 / 120")).toBeVisible();
    await expect(page.getByText("A title is at most 120 characters: take out 1 character.")).toBeVisible();
    await title.press("Enter");
    await title.blur();
    await expect(title).toHaveValue("t".repeat(121));
    expect(writes).toEqual([]);

    await title.focus();
    await title.press("End");
    await title.press("Backspace");
    await expect(page.getByText("120 / 120")).toBeVisible();
    await expect(page.getByText(/A title is at most/)).toHaveCount(0);
    await title.press("Enter");
    await expect
      .poll(
        async () =>
          ((await (await page.request.get(`/api/v1/people/${meId}`)).json()) as { title: string }).title,
      )
      .toBe("t".repeat(120));
    writes.length = 0;
  });

  await test.step("one's own name in settings", async () => {
    await page.goto("/settings");
    const name = page.getByRole("textbox", { name: "Name" });
    await name.fill("n".repeat(125));
    await expect(name).toHaveValue("n".repeat(125));
    await expect(page.getByText("125 / 120")).toBeVisible();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("A name is at most 120 characters: take out 5 characters.")).toBeVisible();
    await expect(name).toHaveValue("n".repeat(125));
    expect(writes).toEqual([]);
  });

  await test.step("an API token's name", async () => {
    await page.goto("/settings/tokens");
    const name = page.getByRole("textbox", { name: "Token name" });
    await name.fill("k".repeat(81));
    await expect(name).toHaveValue("k".repeat(81));
    await expect(page.getByText("81 / 80")).toBeVisible();
    await expect(page.getByText("A name is at most 80 characters: take out 1 character.")).toBeVisible();
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(name).toHaveValue("k".repeat(81));
    expect(writes).toEqual([]);
  });

  await test.step("the reason a task is dropped", async () => {
    await addTask(page, meId, { title: "Rewrite the handbook" });
    writes.length = 0;
    await page.goto("/plate");
    await page.getByRole("button", { name: "More actions for “Rewrite the handbook”" }).click();
    await page.getByRole("menuitem", { name: "Drop…" }).click();
    const dialog = page.getByRole("dialog", { name: "Drop “Rewrite the handbook”?" });
    const reason = dialog.getByRole("textbox", { name: "Reason" });
    await reason.fill("r".repeat(503));
    await expect(reason).toHaveValue("r".repeat(503));
    await expect(dialog.getByText("503 / 500")).toBeVisible();
    await dialog.getByRole("button", { name: "Drop task" }).click();
    await expect(
      dialog.getByText("A reason is at most 500 characters: take out 3 characters."),
    ).toBeVisible();
    expect(writes).toEqual([]);
    await expect(openTasks(page)).toHaveCount(1);
  });
});

test("a new account's name and its organization's name are counted and refused past their limits", async ({
  page,
}) => {
  await page.goto("/sign-up");
  const name = page.getByRole("textbox", { name: "Name" });
  await name.fill("s".repeat(121));
  await page.getByRole("textbox", { name: "Email" }).fill(uniqueEmail("long-name"));
  await page.getByLabel("Password").fill(PASSWORD);
  await expect(page.getByText("121 / 120")).toBeVisible();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("A name is at most 120 characters: take out 1 character.")).toBeVisible();
  await expect(name).toHaveValue("s".repeat(121));
  await expect(page).toHaveURL(/\/sign-up/);

  await name.fill("Sam Short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/welcome/);
  // The reminder to confirm the address moves the form down when it arrives.
  await expect(page.getByRole("alert", { name: "Confirm your address" })).toBeVisible();
  const organization = page.getByRole("textbox", { name: "Organization name" });
  await organization.fill("o".repeat(122));
  await expect(page.getByText("122 / 120")).toBeVisible();
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByText("A name is at most 120 characters: take out 2 characters.")).toBeVisible();
  await expect(page).toHaveURL(/\/welcome/);
});
