import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  appOrigin,
  joinAsReport,
  joinOrganization,
  signedInId,
  signUpWithOrganization,
} from "./support/people";
import { addTask, openTasks } from "./support/tasks";

/** A new signed-in page of its own, for one more person. */
async function newPerson(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("urgent work goes in at the top of the plate until a place is chosen", async ({ page }) => {
  await signUpWithOrganization(page, { name: "Ursula Urgent", organization: "Fire Drill" });
  const me = await signedInId(page);
  for (const title of ["Write the plan", "Review pull requests", "Book the venue"]) {
    await addTask(page, me, { title });
  }
  await page.goto("/plate");
  await expect(openTasks(page)).toHaveCount(3);

  await test.step("ticking Urgent moves the new task to #1; unticking puts it back at the bottom", async () => {
    await page.getByRole("button", { name: "Add task" }).click();
    await page.getByLabel("Title").fill("Call the auditor back");
    await expect(page.getByText("Goes in at #4.")).toBeVisible();
    await page.getByRole("checkbox", { name: "Urgent" }).check();
    await expect(page.getByText("Goes in at #1.")).toBeVisible();
    await expect(page.getByRole("listitem", { name: "New task goes here, at #1" })).toContainText(
      "Call the auditor back",
    );
    await page.getByRole("checkbox", { name: "Urgent" }).uncheck();
    await expect(page.getByText("Goes in at #4.")).toBeVisible();
    await page.getByRole("checkbox", { name: "Urgent" }).check();
    await page.getByRole("button", { name: "Add task" }).click();
    await expect(openTasks(page)).toHaveText([
      /^1.*Call the auditor back/,
      /^2.*Write the plan/,
      /^3.*Review pull requests/,
      /^4.*Book the venue/,
    ]);
  });

  await test.step("a place chosen before ticking Urgent stays chosen", async () => {
    await page.getByRole("button", { name: "Add task" }).click();
    await page.getByLabel("Title").fill("Urgent, but after the plan");
    await page.getByRole("combobox", { name: "Position" }).click();
    await page.getByRole("option", { name: "After #2 “Write the plan”" }).click();
    await page.getByRole("checkbox", { name: "Urgent" }).check();
    await expect(page.getByText("Goes in at #3.")).toBeVisible();
    await page.getByRole("button", { name: "Add task" }).click();
    await expect(openTasks(page).nth(2)).toContainText("Urgent, but after the plan");
  });
});

test("a long triage and a long history are read a page at a time, with Show more", async ({
  page,
  browser,
}) => {
  await signUpWithOrganization(page, { name: "Manny Manager", organization: "Paged Works" });
  const managerId = await signedInId(page);
  const rita = await newPerson(browser);
  const ritaId = await joinAsReport(page, rita, "Rita Report");
  // Two of Rita's peers ask her for 13 things each: 26 asks, one more than a page.
  for (const name of ["Pat Peer", "Sam Peer"]) {
    const peer = await newPerson(browser);
    await joinOrganization(page, peer, name, managerId);
    for (let i = 1; i <= 13; i++) {
      const asked = await peer.request.post(`/api/v1/people/${ritaId}/tasks`, {
        data: { title: `${name}'s ask ${i}` },
        headers: { origin: appOrigin() },
      });
      expect(asked.status()).toBe(201);
    }
  }

  await test.step("triage shows 25 asks, oldest first, then the rest on Show more", async () => {
    await rita.goto("/plate?tab=triage");
    const asks = rita.getByRole("list", { name: "Triage" }).getByRole("listitem");
    await expect(asks).toHaveCount(25);
    await expect(asks.first()).toContainText("Pat Peer's ask 1");
    await rita.getByRole("button", { name: "Show more" }).click();
    await expect(asks).toHaveCount(26);
    await expect(asks.last()).toContainText("Sam Peer's ask 13");
    await expect(rita.getByRole("button", { name: "Show more" })).toHaveCount(0);
  });

  await test.step("a task changed 51 times shows 50 changes, then the last on Show later changes", async () => {
    const task = await addTask(rita, ritaId, { title: "Version 0" });
    let version = task.version;
    for (let i = 1; i <= 50; i++) {
      const changed = await rita.request.patch(`/api/v1/tasks/${task.id}`, {
        data: { version, title: `Version ${i}` },
        headers: { origin: appOrigin() },
      });
      expect(changed.status()).toBe(200);
      version = ((await changed.json()) as { version: number }).version;
    }
    await rita.goto("/plate");
    await rita.getByRole("button", { name: "Version 50", exact: true }).click();
    const drawer = rita.getByRole("dialog", { name: "Version 50" });
    const last = drawer.getByText("Rita Report renamed it from “Version 49” to “Version 50”");
    await expect(drawer.getByText("Rita Report added it at position 1")).toBeVisible();
    await expect(drawer.getByText("Rita Report renamed it from “Version 48” to “Version 49”")).toBeVisible();
    await expect(last).toHaveCount(0);
    await drawer.getByRole("button", { name: "Show later changes" }).click();
    await expect(last).toBeVisible();
    await expect(drawer.getByRole("button", { name: "Show later changes" })).toHaveCount(0);
  });
});
