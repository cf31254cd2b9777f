import { expect, test } from "@playwright/test";
import { parseFeed } from "../support/ics";
import { signedInId, signUpWithOrganization } from "./support/people";
import { addTask } from "./support/tasks";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("Settings makes a calendar address to copy and add to Google, Outlook and Apple, and it answers a calendar", async ({
  page,
  request,
}) => {
  await signUpWithOrganization(page, { name: "Cal Endar", organization: "Calendar Works" });
  const task = await addTask(page, await signedInId(page), {
    title: "Renew the lease",
    due: { date: "2031-01-15" },
  });
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Calendar" });
  await section.getByRole("button", { name: "Create calendar address" }).click();

  const address = section.getByRole("textbox", { name: "Calendar address" });
  await expect(address).toHaveValue(/\/api\/v1\/feeds\/cal_[A-Za-z0-9_-]+\.ics$/);
  const url = await address.inputValue();
  expect(new URL(url).origin).toBe(new URL(page.url()).origin);
  const webcal = url.replace(/^https?:/, "webcal:");
  await expect(section.getByRole("textbox", { name: "Subscription address (webcal)" })).toHaveValue(webcal);

  // Each copy button puts its own address on the clipboard.
  const copyButtons = section.getByRole("button", { name: /^(Copy|Copied)$/ });
  await copyButtons.nth(0).click();
  await expect(copyButtons.nth(0)).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await copyButtons.nth(1).click();
  await expect(copyButtons.nth(1)).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(webcal);

  // The links of Google, Outlook and Apple carry the address.
  const hrefOf = async (name: string) =>
    new URL((await section.getByRole("link", { name }).getAttribute("href")) ?? "");
  expect((await hrefOf("Add to Google Calendar")).searchParams.get("cid")).toBe(webcal);
  expect((await hrefOf("Add to Outlook")).searchParams.get("url")).toBe(url);
  expect((await hrefOf("Open in Apple Calendar")).toString()).toBe(webcal);

  // Fetched as a calendar app does, with no cookie: a calendar with the task on its date.
  const answer = await request.get(url);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const feed = parseFeed(await answer.text());
  expect(feed.calendar["x-wr-calname"]).toBe("Docket: Cal Endar");
  expect(feed.events).toEqual([
    expect.objectContaining({ uid: expect.stringMatching(new RegExp(`^task-${task.id}@`)), allDay: true }),
  ]);
  expect(feed.events[0]).toMatchObject({ summary: "Renew the lease", start: "2031-01-15" });

  // A new address, once confirmed, stops the old one.
  await section.getByRole("button", { name: "New address" }).click();
  const dialog = page.getByRole("dialog", { name: "Make a new calendar address?" });
  await dialog.getByRole("button", { name: "Make a new address" }).click();
  await expect(dialog).toBeHidden();
  await expect(address).not.toHaveValue(url);
  const newer = await address.inputValue();
  expect((await request.get(url)).status()).toBe(404);
  expect((await request.get(newer)).status()).toBe(200);

  // Stopping the feed stops the address, and the section offers to make one again.
  await section.getByRole("button", { name: "Stop the feed" }).click();
  await page
    .getByRole("dialog", { name: "Stop your calendar feed?" })
    .getByRole("button", { name: "Stop the feed" })
    .click();
  await expect(section.getByRole("button", { name: "Create calendar address" })).toBeVisible();
  await expect(address).toBeHidden();
  expect((await request.get(newer)).status()).toBe(404);
});
