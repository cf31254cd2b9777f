import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import type { AppContext } from "../src/server/context";
import { openDatabase } from "../src/server/db/connect";
import { runDigests } from "../src/server/digests/run";
import { createMailer } from "../src/server/mail/mailer";
import { deliverMail, retryDelayMs } from "../src/server/mail/outbound";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { baseUrl, type Harness, useHarness } from "./support/harness";
import { type SmtpSink, subjectOf, useSmtpSink } from "./support/smtp";
import { addTask } from "./support/tasks";

/** Digests that reached `address` (the invitation that brought them in is left out). */
const digestsTo = (smtp: SmtpSink, address: string) =>
  smtp.to(address).filter((mail) => subjectOf(mail.data).startsWith("Your Docket digest"));

/** `count` people in Lisbon whose digest is at 09:00 on weekdays, each with one new task waiting. */
async function peopleWithNews(h: Harness, boss: Member, count: number, prefix: string): Promise<Member[]> {
  const people: Member[] = [];
  for (let i = 0; i < count; i++) {
    const person = await invite(h.app, boss, `${prefix} ${i}`, { managerId: boss.id });
    const set = await person.client.patch("/api/v1/me", {
      timeZone: "Europe/Lisbon",
      digest: { times: ["09:00"], days: [1, 2, 3, 4, 5] },
    });
    expect(set.status).toBe(200);
    await addTask(boss, person.id, { title: `News for ${prefix} ${i}` });
    people.push(person);
  }
  return people;
}

describe.each(dialects)("digest delivery on %s", (dialect) => {
  const smtp = useSmtpSink();
  const h = useHarness(dialect, { smtpUrl: () => smtp.url });
  let boss: Member & { organizationId: string };

  beforeAll(async () => {
    h.clock.set("2027-02-01T06:00:00.000Z"); // Monday
    boss = await founder(h.app, "Dora Delivery");
  });

  it("keeps every digest while SMTP is down and delivers each exactly once when it is back", async () => {
    h.clock.set("2027-02-01T06:00:00.000Z");
    const people = await peopleWithNews(h, boss, 6, "Down");
    await smtp.stop();
    try {
      h.clock.set("2027-02-01T09:00:03.000Z"); // 09:00 in Lisbon (UTC+0 in winter)
      const claimed = await runDigests(h.ctx);
      expect(claimed.queued).toBeGreaterThanOrEqual(6);
      const refused = await deliverMail(h.ctx);
      expect(refused.sent).toBe(0);
      expect(refused.failed).toBeGreaterThanOrEqual(6);

      const waiting = await pendingDigests(h.ctx, people);
      expect(waiting).toHaveLength(6);
      for (const mail of waiting) {
        expect(mail.attempts).toBe(1);
        expect(mail.last_error).toBeTruthy();
        expect(Date.parse(mail.next_attempt_at)).toBe(
          Date.parse("2027-02-01T09:00:03.000Z") + retryDelayMs(1),
        );
      }
      // Before the backoff has passed, nothing is tried again.
      h.clock.set("2027-02-01T09:00:20.000Z");
      expect(await deliverMail(h.ctx)).toEqual({ sent: 0, failed: 0 });
      // Still down at the second try: the wait doubles.
      h.clock.set("2027-02-01T09:00:40.000Z");
      await deliverMail(h.ctx);
      for (const mail of await pendingDigests(h.ctx, people)) {
        expect(mail.attempts).toBe(2);
        expect(Date.parse(mail.next_attempt_at)).toBe(
          Date.parse("2027-02-01T09:00:40.000Z") + retryDelayMs(2),
        );
      }
    } finally {
      await smtp.start();
    }
    // Running the digest job again claims nothing new: the digests exist already.
    h.clock.set("2027-02-01T09:02:00.000Z");
    expect((await runDigests(h.ctx)).queued).toBe(0);
    const delivered = await deliverMail(h.ctx);
    expect(delivered.failed).toBe(0);
    for (const person of people) expect(digestsTo(smtp, person.email)).toHaveLength(1);
    expect(await pendingDigests(h.ctx, people)).toHaveLength(0);
    // And nothing goes twice afterwards.
    h.clock.set("2027-02-01T10:00:00.000Z");
    await runDigests(h.ctx);
    await deliverMail(h.ctx);
    for (const person of people) expect(digestsTo(smtp, person.email)).toHaveLength(1);
  });
});

async function pendingDigests(ctx: AppContext, people: readonly Member[]) {
  return ctx.db
    .selectFrom("outbound_mail")
    .select(["id", "attempts", "last_error", "next_attempt_at"])
    .where("status", "=", "pending")
    .where("kind", "=", "digest")
    .where(
      "person_id",
      "in",
      people.map((person) => person.id),
    )
    .execute();
}

describe("digests from two instances on one PostgreSQL", () => {
  const smtp = useSmtpSink();
  const h = useHarness("postgres", { smtpUrl: () => smtp.url });
  let second: { ctx: AppContext; close(): Promise<void> };

  beforeAll(async () => {
    h.clock.set("2027-02-08T06:00:00.000Z"); // Monday
    const dataDir = mkdtempSync(join(tmpdir(), "docket-second-"));
    const database = openDatabase(h.database.url, { poolSize: 5 });
    const config = {
      ...loadConfig({
        DATA_DIR: dataDir,
        BASE_URL: baseUrl,
        AUTH_SECRET: "test-secret-0123456789abcdef0123456789",
      }),
      databaseUrl: h.database.url,
      smtpUrl: smtp.url,
      webRoot: null,
    };
    const mailer = createMailer({
      smtpUrl: smtp.url,
      outboxDir: join(dataDir, "outbox"),
      from: "d@docket.test",
    });
    // Both instances read the same clock: the slot comes for both at once.
    const built = await buildApp({ config, database, clock: h.clock, mailer });
    second = {
      ctx: built.ctx,
      async close() {
        await built.app.close();
        mailer.close();
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  });
  afterAll(() => second?.close());

  it("sends each person's digest exactly once when both run the slot at the same moment", async () => {
    const boss = await founder(h.app, "Tara Twin");
    const people = await peopleWithNews(h, boss, 40, "Twin");
    h.clock.set("2027-02-08T09:00:02.000Z");
    const [first, other] = await Promise.all([runDigests(h.ctx), runDigests(second.ctx)]);
    expect(first.queued + other.queued).toBe(40 + (await bossQueued(h.ctx, boss.id)));
    await Promise.all([
      deliverMail(h.ctx),
      deliverMail(second.ctx),
      deliverMail(h.ctx),
      deliverMail(second.ctx),
    ]);
    for (const person of people) expect(digestsTo(smtp, person.email)).toHaveLength(1);

    // Both instances again, later in the slot and at the next: nothing more.
    h.clock.set("2027-02-08T09:05:00.000Z");
    await Promise.all([runDigests(h.ctx), runDigests(second.ctx)]);
    await Promise.all([deliverMail(h.ctx), deliverMail(second.ctx)]);
    for (const person of people) expect(digestsTo(smtp, person.email)).toHaveLength(1);
    const slots = await h.ctx.db
      .selectFrom("digest")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where(
        "person_id",
        "in",
        people.map((person) => person.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(slots.n)).toBe(40);
  });
});

/** Digests queued for the boss (their own default slot may fall in the same run). */
async function bossQueued(ctx: AppContext, bossId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom("digest")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("person_id", "=", bossId)
    .where("status", "=", "sent")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
