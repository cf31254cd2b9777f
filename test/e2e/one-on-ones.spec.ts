import { expect, type Page, test } from "@playwright/test";
import { appOrigin, joinAsReport, signUpWithOrganization } from "./support/people";
import { addTask, changeTask, dateInDays, openTasks } from "./support/tasks";

const MANAGERS_POINT = "Hiring plan for the next quarter";
const REPORTS_POINT = "Career growth: the conference talk";
const PRIVATE = "Rita seemed tired: ask about the on-call load next time";
const MANAGERS_NOTES = "Agreed: **submit the talk** by Friday.";
const RITAS_LINE = "- Rita: book the venue";
const MERGED_NOTES = `${MANAGERS_NOTES}\n- Manny: check the budget\n${RITAS_LINE}`;

/** The talking points of the meeting on the page, in their order. */
const talkingPoints = (page: Page) =>
  page.getByRole("list", { name: "Talking points" }).getByRole("listitem");

test("a manager and a report prepare a 1:1, hold it, and the undiscussed point moves to the next one", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signUpWithOrganization(page, { name: "Manny Manager", organization: "One on One Works" });
  const ritaContext = await browser.newContext();
  const rita = await ritaContext.newPage();
  const ritaId = await joinAsReport(page, rita, "Rita Report");
  const shipped = await addTask(rita, ritaId, { title: "Ship the release notes" });
  await changeTask(rita, shipped.id, { state: "done" });
  await addTask(rita, ritaId, { title: "Renew the TLS certificate", due: { date: dateInDays(-2) } });

  await test.step("the manager sets up a 1:1 from the report's card on the Team page", async () => {
    await page.goto("/team");
    const card = page.getByRole("article", { name: "Rita Report" });
    await card.getByRole("button", { name: "Set up a 1:1 with Rita Report" }).click();
    const dialog = page.getByRole("dialog", { name: "Set up a 1:1 with Rita Report" });
    await dialog.getByRole("combobox", { name: "How often" }).click();
    await page.getByRole("option", { name: "Every 2 weeks" }).click();
    await dialog.getByRole("combobox", { name: "On", exact: true }).click();
    await page.getByRole("option", { name: "Thursday" }).click();
    await dialog.getByLabel(/^At/).fill("15:30");
    await dialog.getByLabel("Length (minutes)").fill("45");
    await expect(dialog.getByText("Every 2 weeks on Thursday, 15:30–16:15 UTC")).toBeVisible();
    await dialog.getByRole("button", { name: "Set up 1:1" }).click();

    await expect(page.getByRole("heading", { name: "1:1 with Rita Report" })).toBeVisible();
    await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
    await expect(page.getByText("Upcoming", { exact: true })).toBeVisible();
  });

  await test.step("the agenda from Rita's plate is already there for the manager", async () => {
    const plate = page.getByRole("region", { name: "Rita Report's plate" });
    await expect(plate.getByRole("list", { name: "Completed since" })).toContainText(
      "Ship the release notes",
    );
    await expect(plate.getByRole("list", { name: "Overdue" })).toContainText("Renew the TLS certificate");
  });

  await test.step("the Team page now links to the 1:1 instead of offering to set one up", async () => {
    await page.goBack();
    const card = page.getByRole("article", { name: "Rita Report" });
    await expect(card.getByRole("link", { name: /^Next 1:1 with Rita Report: / })).toBeVisible();
    await expect(card.getByRole("button", { name: "Set up a 1:1 with Rita Report" })).toHaveCount(0);
    await card.getByRole("link", { name: /^Next 1:1 with Rita Report: / }).click();
    await expect(page.getByRole("heading", { name: "1:1 with Rita Report" })).toBeVisible();
  });

  await test.step("a second 1:1 with the same person is refused, saying why", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "1:1s" }).click();
    await page.getByRole("button", { name: "Set up a 1:1" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Set up a 1:1" });
    await dialog.getByRole("combobox", { name: "With" }).click();
    await page.getByRole("option", { name: "Rita Report" }).click();
    await dialog.getByRole("button", { name: "Set up 1:1" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(
      "You already have a one-on-one with this person: change its cadence instead.",
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("article", { name: "1:1 with Rita Report" })).toBeVisible();
    await page.goBack();
  });

  await test.step("the report finds it on the 1:1s page and opens it", async () => {
    await rita.goto("/");
    await rita.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "1:1s" }).click();
    const series = rita.getByRole("article", { name: "1:1 with Manny Manager" });
    await expect(series).toContainText("Every 2 weeks on Thursday, 15:30–16:15 UTC");
    await expect(series).toContainText("No talking points yet");
    await series.getByRole("link", { name: "Open the next 1:1 with Manny Manager" }).click();
    await expect(rita.getByRole("heading", { name: "1:1 with Manny Manager" })).toBeVisible();
  });

  await test.step("both add talking points, and the report sees the manager's appear live", async () => {
    await rita.getByLabel("Add a talking point").fill(REPORTS_POINT);
    await rita.getByRole("button", { name: "Add point" }).click();
    await expect(talkingPoints(rita)).toHaveText([new RegExp(REPORTS_POINT)]);

    await expect(talkingPoints(page)).toHaveText([new RegExp(REPORTS_POINT)]);
    await page.getByLabel("Add a talking point").fill(MANAGERS_POINT);
    await page.getByRole("button", { name: "Add point" }).click();
    await expect(talkingPoints(page)).toHaveText([new RegExp(REPORTS_POINT), new RegExp(MANAGERS_POINT)]);

    await expect(talkingPoints(rita)).toHaveText([new RegExp(REPORTS_POINT), new RegExp(MANAGERS_POINT)]);
    await expect(talkingPoints(rita).nth(1)).toContainText("Manny Manager");
  });

  await test.step("the report moves the manager's point to the top from the keyboard", async () => {
    const up = rita.getByRole("button", { name: `Move “${MANAGERS_POINT}” up` });
    await up.focus();
    await rita.keyboard.press("Enter");
    await expect(talkingPoints(rita)).toHaveText([new RegExp(MANAGERS_POINT), new RegExp(REPORTS_POINT)]);
    await expect(rita.getByRole("button", { name: `Move “${MANAGERS_POINT}” down` })).toBeFocused();
    await expect(talkingPoints(page)).toHaveText([new RegExp(MANAGERS_POINT), new RegExp(REPORTS_POINT)]);
  });

  await test.step("the manager ticks the report's point as discussed", async () => {
    await page.getByRole("checkbox", { name: `Discussed: ${REPORTS_POINT}` }).check();
    await expect(rita.getByRole("checkbox", { name: `Discussed: ${REPORTS_POINT}` })).toBeChecked();
    await expect(rita.getByRole("checkbox", { name: `Discussed: ${MANAGERS_POINT}` })).not.toBeChecked();
  });

  await test.step("the manager saves shared notes, and the report reads them", async () => {
    await page.getByRole("textbox", { name: "Shared notes" }).fill(MANAGERS_NOTES);
    await page.getByRole("button", { name: "Save notes" }).click();
    await expect(page.getByRole("button", { name: "Save notes" })).toBeDisabled();
    await expect(rita.getByRole("textbox", { name: "Shared notes" })).toHaveValue(MANAGERS_NOTES);
    const notes = rita.getByRole("region", { name: "Shared notes" });
    await notes.getByText("Preview").click();
    await expect(notes.getByTestId("notes").locator("strong")).toHaveText("submit the talk");
    await notes.getByText("Write").click();
  });

  await test.step("two people writing notes at once lose nothing: the second is offered to merge", async () => {
    const ritasNotes = rita.getByRole("textbox", { name: "Shared notes" });
    await ritasNotes.fill(RITAS_LINE);
    await page
      .getByRole("textbox", { name: "Shared notes" })
      .fill(`${MANAGERS_NOTES}\n- Manny: check the budget`);
    await page.getByRole("button", { name: "Save notes" }).click();
    await expect(
      rita.getByText("The notes were changed by the other person while you were writing."),
    ).toBeVisible();
    await expect(ritasNotes).toHaveValue(RITAS_LINE);

    await rita.getByRole("button", { name: "Save notes" }).click();
    await expect(
      rita.getByRole("status").filter({ hasText: "Someone else just saved these notes" }),
    ).toBeVisible();
    await expect(ritasNotes).toHaveValue(`${MANAGERS_NOTES}\n- Manny: check the budget`);
    await rita.getByRole("button", { name: "Put my edits back" }).click();
    await expect(ritasNotes).toHaveValue(RITAS_LINE);
    await ritasNotes.fill(MERGED_NOTES);
    await rita.getByRole("button", { name: "Save notes" }).click();
    await expect(rita.getByRole("button", { name: "Save notes" })).toBeDisabled();
    await expect(page.getByRole("textbox", { name: "Shared notes" })).toHaveValue(MERGED_NOTES);
  });

  await test.step("the manager's private note is theirs alone", async () => {
    const panel = page.getByRole("region", { name: "Private note" });
    await expect(panel.getByText("Only you can read this")).toBeVisible();
    await panel.getByRole("textbox", { name: "Private note" }).fill(PRIVATE);
    await panel.getByRole("button", { name: "Save private note" }).click();
    await expect(panel.getByText(/^Saved /)).toBeVisible();

    await page.reload();
    await expect(page.getByRole("textbox", { name: "Private note" })).toHaveValue(PRIVATE);
    await rita.reload();
    await expect(rita.getByRole("heading", { name: "1:1 with Manny Manager" })).toBeVisible();
    const ritasPanel = rita.getByRole("region", { name: "Private note" });
    await expect(ritasPanel.getByText("Not written yet.")).toBeVisible();
    await expect(ritasPanel.getByRole("textbox", { name: "Private note" })).toHaveValue("");
    await expect(rita.getByText(PRIVATE)).toHaveCount(0);
    const meetingId = new URL(rita.url()).pathname.split("/").pop() ?? "";
    expect((await rita.request.get(`/api/v1/meetings/${meetingId}/private-note`)).status()).toBe(404);
  });

  await test.step("an action item for the report lands on the report's plate", async () => {
    const form = page.getByRole("form", { name: "Add an action item" });
    await form.getByLabel("Action item").fill("Draft the conference abstract");
    await expect(form.getByRole("combobox", { name: "Owner" })).toHaveValue("Rita Report");
    await form.getByRole("combobox", { name: "Position" }).click();
    await page.getByRole("option", { name: "Top of the plate" }).click();
    await form.getByRole("button", { name: "Add action item" }).click();
    const items = page.getByRole("list", { name: "Action items" });
    await expect(items.getByRole("listitem", { name: "Draft the conference abstract" })).toContainText(
      "Open",
    );
    await expect(
      rita
        .getByRole("list", { name: "Action items" })
        .getByRole("listitem", { name: "Draft the conference abstract" }),
    ).toBeVisible();

    const plate = await ritaContext.newPage();
    await plate.goto("/plate");
    await expect(openTasks(plate).first()).toContainText("Draft the conference abstract");
    await plate.close();
  });

  await test.step("the manager marks it held; points can no longer change", async () => {
    await page.getByRole("button", { name: "Held" }).click();
    await expect(page.getByRole("button", { name: "Held" })).toHaveCount(0);
    await expect(page.getByText("Held", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Add a talking point")).toHaveCount(0);
    await expect(page.getByRole("img", { name: "Discussed" })).toHaveCount(1);
    await expect(rita.getByText("Held", { exact: true })).toBeVisible();
    await expect(rita.getByLabel("Add a talking point")).toHaveCount(0);
  });

  await test.step("the undiscussed point waits on the next meeting, marked as carried", async () => {
    await rita.getByRole("link", { name: /^Next: / }).click();
    await expect(rita.getByText("Upcoming", { exact: true })).toBeVisible();
    await expect(talkingPoints(rita)).toHaveText([new RegExp(MANAGERS_POINT)]);
    await expect(talkingPoints(rita).first()).toContainText(/Carried from \w+/);
    await expect(rita.getByRole("checkbox", { name: `Discussed: ${MANAGERS_POINT}` })).not.toBeChecked();
    // Last time's action items open the next meeting, with their state now.
    await expect(
      rita
        .getByRole("list", { name: "From last time" })
        .getByRole("listitem", { name: "Draft the conference abstract" }),
    ).toContainText("Open");

    await rita.getByRole("link", { name: /^Previous: / }).click();
    await expect(rita.getByText("Held", { exact: true })).toBeVisible();
    await expect(talkingPoints(rita)).toHaveText([new RegExp(REPORTS_POINT)]);
    await expect(rita.getByRole("img", { name: "Discussed" })).toHaveCount(1);
    await expect(rita.getByRole("textbox", { name: "Shared notes" })).toHaveValue(MERGED_NOTES);
  });
});

test("a 1:1 is moved on its mover's clock, its cadence changed, and the series ended", async ({
  page,
  browser,
}) => {
  await signUpWithOrganization(page, { name: "Nina Newyork", organization: "Moving Meetings" });
  const otto = await (await browser.newContext()).newPage();
  const ottoId = await joinAsReport(page, otto, "Otto Report");
  const origin = appOrigin();
  expect(
    (
      await page.request.patch("/api/v1/me", { data: { timeZone: "America/New_York" }, headers: { origin } })
    ).status(),
  ).toBe(200);
  const created = await page.request.post("/api/v1/one-on-ones", {
    data: {
      withId: ottoId,
      cadence: { everyWeeks: 1, weekday: 3, time: "10:00", minutes: 30 },
      timeZone: "Europe/Berlin",
    },
    headers: { origin },
  });
  expect(created.status()).toBe(201);
  const series = (await created.json()) as { id: string; nextMeeting: { id: string } };
  const meetingPath = `/api/v1/meetings/${series.nextMeeting.id}`;

  await test.step("the meeting says when it is on my clock and on the other's", async () => {
    await page.goto(`/meetings/${series.nextMeeting.id}`);
    await expect(page.getByRole("heading", { name: "1:1 with Otto Report" })).toBeVisible();
    // Berlin's 10:00 is 04:00 or 05:00 in New York, as the two zones' summer times fall; Otto is on UTC.
    await expect(page.getByText(/, [45]:00 AM · 30 minutes · .*(8|9):00 AM UTC for Otto$/)).toBeVisible();
  });

  await test.step("moving it takes the time on my clock, and leaves the series alone", async () => {
    const day = dateInDays(3);
    await page.getByRole("button", { name: "Move" }).click();
    const dialog = page.getByRole("dialog", { name: "Move this meeting" });
    await expect(dialog.getByText("On your clock (America/New_York).")).toBeVisible();
    await dialog.getByLabel(/^New day and time/).fill(`${day}T09:15`);
    await dialog.getByRole("button", { name: "Move meeting" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/, 9:15 AM · 30 minutes/)).toBeVisible();

    const moved = (await (await page.request.get(meetingPath)).json()) as { scheduledAt: string };
    const onNewYorkClock = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "America/New_York",
      dateStyle: "short",
      timeStyle: "short",
    }).format(new Date(moved.scheduledAt));
    expect(onNewYorkClock).toBe(`${day} 09:15`);
    const after = (await (await page.request.get(`/api/v1/one-on-ones/${series.id}`)).json()) as {
      cadence: { time: string };
    };
    expect(after.cadence.time).toBe("10:00");
  });

  await test.step("the cadence changes from the series menu", async () => {
    await page.getByRole("button", { name: "Series" }).click();
    await page.getByRole("menuitem", { name: "Change cadence or zone" }).click();
    const dialog = page.getByRole("dialog", { name: "Series settings" });
    await dialog.getByLabel(/^At/).fill("11:30");
    await dialog.getByRole("button", { name: "Save cadence" }).click();
    await expect(dialog).toBeHidden();
    await otto.goto("/one-on-ones");
    await expect(otto.getByRole("article", { name: "1:1 with Nina Newyork" })).toContainText(
      "Every week on Wednesday, 11:30–12:00 Europe/Berlin",
    );
  });

  await test.step("ending the series asks first, then folds it away with the ended ones", async () => {
    await page.getByRole("button", { name: "Series" }).click();
    await page.getByRole("menuitem", { name: "End series" }).click();
    const confirm = page.getByRole("dialog", { name: "End your 1:1s with Otto Report?" });
    await confirm.getByRole("button", { name: "End series" }).click();
    await expect(page).toHaveURL(/\/one-on-ones$/);
    await expect(page.getByRole("article", { name: "1:1 with Otto Report" })).toHaveCount(0);
    await page.getByRole("button", { name: "Ended (1)" }).click();
    await expect(page.getByRole("article", { name: "1:1 with Otto Report" })).toContainText("Ended");
  });
});
