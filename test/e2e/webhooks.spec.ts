import { expect, type Page, test } from "@playwright/test";
import { webhooksPerOrganization } from "../../src/contract/webhooks";
import { appOrigin, joinOrganization, signedInId, signUpWithOrganization } from "./support/people";
import { formatOnPage } from "./support/requests";
import { addTask, changeTask } from "./support/tasks";
import { type HookReceiver, startHookReceiver, verifiedHook } from "./support/webhook-receiver";

interface DeliveryAnswer {
  id: string;
  type: string;
  status: "pending" | "delivered" | "failed";
  attemptCount: number;
  attempts: { at: string; status: number | null }[];
}

/** An endpoint's deliveries as the API tells them, newest first, read with the page's cookies. */
async function deliveries(page: Page, webhookId: string): Promise<DeliveryAnswer[]> {
  const answer = await page.request.get(`/api/v1/webhooks/${encodeURIComponent(webhookId)}/deliveries`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { items: DeliveryAnswer[] }).items;
}

/** Where one delivery stands, once the server's delivery job (every few seconds) has got to it. */
async function deliveryOf(
  page: Page,
  webhookId: string,
  deliveryId: string,
): Promise<DeliveryAnswer | undefined> {
  return (await deliveries(page, webhookId)).find((delivery) => delivery.id === deliveryId);
}

/** Waits until the receiver has had `count` requests in all. */
async function receivedCount(receiver: HookReceiver, count: number): Promise<void> {
  await expect
    .poll(() => receiver.received.length, { message: `${count} requests received`, timeout: 30_000 })
    .toBeGreaterThanOrEqual(count);
}

let receiver: HookReceiver;
test.beforeEach(async () => {
  receiver = await startHookReceiver();
});
test.afterEach(async () => {
  await receiver.close();
});

test("an owner adds an endpoint, keeps its secret, reads its deliveries, sends a failed one again and deletes it", async ({
  page,
}) => {
  // Three deliveries, each waiting for the server's delivery job (every 5 seconds) and one retry.
  test.setTimeout(120_000);
  await signUpWithOrganization(page, { name: "Wanda Webhook", organization: "Hook Works" });
  const meId = await signedInId(page);

  await page.goto("/plate");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page).toHaveTitle("Webhooks · Docket");
  await expect(page.getByText("No endpoints yet")).toBeVisible();

  const secret =
    await test.step("adding an endpoint shows the server's objections beside the field, then the secret once", async () => {
      await page.getByRole("button", { name: "Add endpoint" }).click();
      const dialog = page.getByRole("dialog", { name: "Add endpoint" });
      const address = dialog.getByRole("textbox", { name: "Address" });
      await dialog.getByRole("button", { name: "Add endpoint" }).click();
      await expect(dialog.getByText("Give the address events are sent to")).toBeVisible();
      await expect(dialog.getByText("Choose at least one event")).toBeVisible();
      await expect(dialog.getByText("A task is marked done.")).toBeVisible();

      // Whether an address will do is the server's to say (422), shown beside the address.
      await address.fill("ftp://files.example.com/drop");
      await dialog.getByRole("checkbox", { name: "Task added" }).check();
      await dialog.getByRole("button", { name: "Add endpoint" }).click();
      await expect(address).toHaveAttribute("aria-invalid", "true");
      await expect(dialog.getByText("The address must start with https:// or http://")).toBeVisible();

      await address.fill(receiver.url);
      await dialog.getByRole("textbox", { name: "Description" }).fill("Receiver under test");
      await dialog.getByRole("checkbox", { name: "Task completed" }).check();
      await dialog.getByRole("button", { name: "Add endpoint" }).click();

      const shown = page.getByRole("dialog", { name: "Signing secret" });
      await expect(shown.getByRole("status")).toContainText("it will not be shown again");
      await expect(shown.getByText("Standard Webhooks libraries")).toBeVisible();
      const field = shown.getByRole("textbox", { name: "Signing secret" });
      await expect(field).toHaveValue(/^whsec_[A-Za-z0-9+/=]+$/);
      const value = await field.inputValue();
      await shown.getByRole("button", { name: "Done" }).click();
      await expect(shown).toBeHidden();
      // Once closed, the secret is nowhere on the page, nor in what the API lists.
      await expect(page.getByRole("listitem", { name: "Receiver under test" })).toBeVisible();
      expect(await page.content()).not.toContain(value);
      expect(await (await page.request.get("/api/v1/webhooks")).text()).not.toContain(value);
      return value;
    });

  const card = page.getByRole("listitem", { name: "Receiver under test" });
  await expect(card).toContainText(receiver.url);
  await expect(card.getByText("On", { exact: true })).toBeVisible();
  await expect(card.getByLabel("Events")).toHaveText(/Task added\s*Task completed/);
  const webhookId = (
    (await (await page.request.get("/api/v1/webhooks")).json()) as { items: { id: string }[] }
  ).items[0]?.id as string;

  const created =
    await test.step("a task added is delivered, signed with the secret, and shows in the log", async () => {
      const task = await addTask(page, meId, { title: "Ship the webhook page" });
      await receivedCount(receiver, 1);
      const hook = verifiedHook(secret, receiver.received[0] as (typeof receiver.received)[0]);
      expect(hook).toMatchObject({
        type: "task.created",
        data: { id: task.id, title: "Ship the webhook page" },
      });
      await expect.poll(async () => (await deliveryOf(page, webhookId, hook.id))?.status).toBe("delivered");

      await card.getByRole("button", { name: "Deliveries to Receiver under test" }).click();
      await expect(page).toHaveURL(new RegExp(`[?&]deliveries=${webhookId}`));
      await page.reload();
      const drawer = page.getByRole("dialog", { name: "Deliveries to Receiver under test" });
      const item = drawer.getByRole("listitem", { name: `Task added ${hook.id}` });
      await expect(item).toContainText("Delivered");
      await expect(item).toContainText(hook.id);
      const attempts = item.getByRole("table", { name: `Attempts of ${hook.id}` });
      await expect(attempts.getByRole("row")).toHaveCount(2);
      await expect(attempts).toContainText("HTTP 204");
      // Each attempt's time is written in the viewer's zone, as the rest of the app writes instants.
      const [attempt] = (await deliveryOf(page, webhookId, hook.id))?.attempts ?? [];
      await expect(attempts).toContainText(await formatOnPage(page, attempt?.at ?? ""));
      return { task, hook };
    });

  await test.step("a delivery that failed twice waits five minutes, and Send again delivers it at once", async () => {
    // The first try and the retry 5 seconds later fail; the next retry would come 5 minutes after.
    receiver.answer = () => (receiver.received.length <= 3 ? 500 : 204);
    await changeTask(page, created.task.id, { state: "done" });
    await receivedCount(receiver, 3);
    const failed = verifiedHook(secret, receiver.received[1] as (typeof receiver.received)[0]);
    expect(failed.type).toBe("task.completed");
    expect(verifiedHook(secret, receiver.received[2] as (typeof receiver.received)[0]).id).toBe(failed.id);
    await expect.poll(async () => (await deliveryOf(page, webhookId, failed.id))?.attemptCount).toBe(2);
    const waiting = await deliveryOf(page, webhookId, failed.id);
    expect(waiting?.status).toBe("pending");

    await page.reload();
    await expect(card).toContainText("Failing since");
    const drawer = page.getByRole("dialog", { name: "Deliveries to Receiver under test" });
    const item = drawer.getByRole("listitem", { name: `Task completed ${failed.id}` });
    await expect(item).toContainText("Pending");
    await expect(item).toContainText("Next attempt in 5 minutes");
    await expect(item.getByRole("table", { name: `Attempts of ${failed.id}` })).toContainText("HTTP 500");

    const resent = page.waitForResponse(
      (response) =>
        response.request().method() === "POST" && response.url().endsWith(`/deliveries/${failed.id}/retry`),
    );
    const reread = page.waitForResponse(
      (response) => response.request().method() === "GET" && /\/deliveries\?/.test(response.url()),
    );
    await item.getByRole("button", { name: `Send ${failed.id} again` }).click();
    expect((await resent).status()).toBe(202);
    // The log is read again once it is sent.
    expect((await reread).status()).toBe(200);

    await receivedCount(receiver, 4);
    expect(verifiedHook(secret, receiver.received[3] as (typeof receiver.received)[0]).id).toBe(failed.id);
    await expect.poll(async () => (await deliveryOf(page, webhookId, failed.id))?.status).toBe("delivered");
    await page.reload();
    await expect(item).toContainText("Delivered");
    const attempts = item.getByRole("table", { name: `Attempts of ${failed.id}` });
    await expect(attempts.getByRole("row")).toHaveCount(4);
    await expect(attempts.getByRole("row").nth(1)).toContainText("HTTP 204");
    await expect(attempts.getByRole("row").nth(2)).toContainText("HTTP 500");
    await expect(card.getByText("On", { exact: true })).toBeVisible();
    // Newest first.
    await expect(drawer.getByRole("listitem").first()).toHaveAccessibleName(`Task completed ${failed.id}`);
    await drawer.getByRole("button", { name: "Close the deliveries" }).click();
    await expect(page).not.toHaveURL(/deliveries=/);
  });

  await test.step("its events and description are changed, it is turned off and on again", async () => {
    await card.getByRole("button", { name: "Edit Receiver under test" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit endpoint" });
    await dialog.getByRole("checkbox", { name: "Task dropped" }).check();
    await dialog.getByRole("textbox", { name: "Description" }).fill("Receiver, edited");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    const edited = page.getByRole("listitem", { name: "Receiver, edited" });
    await expect(edited.getByLabel("Events")).toHaveText(/Task added\s*Task completed\s*Task dropped/);

    await edited.getByRole("button", { name: "Turn off Receiver, edited" }).click();
    const confirm = page.getByRole("dialog", { name: "Turn this endpoint off?" });
    await confirm.getByRole("button", { name: "Turn off" }).click();
    await expect(confirm).toBeHidden();
    await expect(edited.getByText("Off", { exact: true })).toBeVisible();
    await edited.getByRole("button", { name: "Turn on Receiver, edited again" }).click();
    await expect(edited.getByText("On", { exact: true })).toBeVisible();
  });

  await test.step("deleting it, once confirmed, removes it", async () => {
    const edited = page.getByRole("listitem", { name: "Receiver, edited" });
    await edited.getByRole("button", { name: "Delete Receiver, edited" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this endpoint?" });
    await confirm.getByRole("button", { name: "Delete endpoint" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText("No endpoints yet")).toBeVisible();
    const left = (await (await page.request.get("/api/v1/webhooks")).json()) as { items: unknown[] };
    expect(left.items).toEqual([]);
  });
});

test("an endpoint beyond the organization's cap is refused in the form, and the full list says why", async ({
  page,
}) => {
  await signUpWithOrganization(page, { name: "Cap Tain", organization: "Full House" });
  const add = (index: number) =>
    page.request.post("/api/v1/webhooks", {
      data: { url: `https://hooks.example.com/${index}`, events: ["task.created"] },
      headers: { origin: appOrigin() },
    });
  for (let index = 1; index < webhooksPerOrganization; index++) expect((await add(index)).status()).toBe(201);

  await page.goto("/webhooks");
  await expect(page.getByRole("list", { name: "Endpoints" }).getByRole("listitem")).toHaveCount(
    webhooksPerOrganization - 1,
  );
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Add endpoint" });
  await dialog.getByRole("textbox", { name: "Address" }).fill("https://hooks.example.com/last");
  await dialog.getByRole("checkbox", { name: "Goal updated" }).check();
  // Meanwhile someone else takes the last place.
  expect((await add(webhooksPerOrganization)).status()).toBe(201);
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    `An organization has at most ${webhooksPerOrganization} webhooks: delete one you no longer need first.`,
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await expect(page.getByRole("list", { name: "Endpoints" }).getByRole("listitem")).toHaveCount(
    webhooksPerOrganization,
  );
  await expect(page.getByRole("button", { name: "Add endpoint" })).toBeDisabled();
  await expect(
    page.getByText(`An organization has at most ${webhooksPerOrganization} endpoints`),
  ).toBeVisible();
});

test("the deliveries log shows the newest first and reads older ones with Show more", async ({ page }) => {
  await signUpWithOrganization(page, { name: "Page Turner", organization: "Long Logs" });
  const meId = await signedInId(page);
  const created = await page.request.post("/api/v1/webhooks", {
    data: { url: receiver.url, events: ["task.created"], description: "Busy receiver" },
    headers: { origin: appOrigin() },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  // One more than a page: each is queued as the task is added, sent or not yet.
  for (let index = 1; index <= 21; index++) await addTask(page, meId, { title: `Task ${index}` });
  const all = await page.request.get(`/api/v1/webhooks/${id}/deliveries?limit=100`);
  const ids = ((await all.json()) as { items: { id: string }[] }).items.map((delivery) => delivery.id);
  expect(ids).toHaveLength(21);

  await page.goto(`/webhooks?deliveries=${id}`);
  const drawer = page.getByRole("dialog", { name: "Deliveries to Busy receiver" });
  const items = drawer.getByRole("list", { name: "Deliveries" }).getByRole("listitem");
  await expect(items).toHaveCount(20);
  await expect(items.first()).toHaveAccessibleName(`Task added ${ids[0]}`);
  await drawer.getByRole("button", { name: "Show more" }).click();
  await expect(items).toHaveCount(21);
  await expect(items.last()).toHaveAccessibleName(`Task added ${ids[20]}`);
  await expect(drawer.getByRole("button", { name: "Show more" })).toHaveCount(0);
});

test("a member sees no Webhooks link, and the page tells them it is for owners and admins", async ({
  page,
  browser,
}) => {
  await signUpWithOrganization(page, { name: "Olive Owner", organization: "Members Only" });
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await joinOrganization(page, member, "Mel Member", await signedInId(page));

  await member.goto("/plate");
  const nav = member.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "People" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Webhooks" })).toHaveCount(0);

  await member.goto("/webhooks");
  await expect(member.getByText("Only owners and admins see webhooks")).toBeVisible();
  await expect(member.getByRole("button", { name: "Add endpoint" })).toHaveCount(0);
  expect((await member.request.get("/api/v1/webhooks")).status()).toBe(403);
  await memberContext.close();
});
