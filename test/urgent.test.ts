import { beforeAll, describe, expect, it } from "vitest";
import { deliverMail } from "../src/server/mail/outbound";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import { decoded, subjectOf, useSmtpSink } from "./support/smtp";
import {
  addTask,
  changeTask,
  expectProblem,
  type Problem,
  plateRows,
  type Task,
  type TeamMember,
} from "./support/tasks";

/** Berlin is UTC+1 in winter: 09:00–17:30 Berlin is 08:00–16:30 UTC. */
const workingHours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" };

interface InboxItem {
  id: string;
  kind: string;
  taskId?: string;
  actorId: string;
}

describe.each(dialects)("the urgent lane on %s", (dialect) => {
  const smtp = useSmtpSink();
  const h = useHarness(dialect, { smtpUrl: () => smtp.url });
  let boss: Member & { organizationId: string };

  beforeAll(async () => {
    h.clock.set("2027-01-04T09:00:00.000Z");
    boss = await founder(h.app, "Bianca Boss");
  });

  /** Someone in Berlin with working hours 09:00–17:30 on weekdays. */
  async function berliner(name: string, managerId: string, inviter: Member = boss): Promise<Member> {
    const person = await invite(h.app, inviter, name, { managerId });
    const set = await person.client.patch("/api/v1/me", { timeZone: "Europe/Berlin", workingHours });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    return person;
  }

  /** boss ── manny ─┬─ owen (the owner) └─ pia (a peer: not in owen's chain) */
  async function team(prefix = "") {
    const manny = await berliner(`${prefix}Manny Manager`, boss.id);
    const owen = await berliner(`${prefix}Owen Owner`, manny.id);
    const pia = await berliner(`${prefix}Pia Peer`, manny.id);
    return { manny, owen, pia };
  }

  const urgentMailTo = (address: string) =>
    smtp.to(address).filter((mail) => subjectOf(mail.data).startsWith("Urgent from"));

  const outbound = (ownerId: string) =>
    h.ctx.db
      .selectFrom("outbound_mail")
      .select(["id", "task_id", "status", "next_attempt_at"])
      .where("person_id", "=", ownerId)
      .where("kind", "=", "urgent")
      .orderBy("created_at")
      .orderBy("id")
      .execute();

  const uses = (ownerId: string) =>
    h.ctx.db.selectFrom("urgent_use").selectAll().where("owner_id", "=", ownerId).orderBy("id").execute();

  const urgent = (as: Member, ownerId: string, title: string) =>
    as.client.post<Task & Problem>(`/api/v1/people/${ownerId}/tasks`, { title, urgent: true });

  async function inboxOf(who: Member): Promise<InboxItem[]> {
    const answer = await who.client.get<{ items: InboxItem[] }>("/api/v1/inbox");
    expect(answer.status).toBe(200);
    return answer.body.items;
  }

  it("e-mails the owner at once inside working hours, from a peer's ask and from a manager, and tells the inbox", async () => {
    h.clock.set("2027-01-04T09:00:00.000Z"); // Monday 10:00 in Berlin
    const { manny, owen, pia } = await team();

    const asked = await urgent(pia, owen.id, "Fix the login page");
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({ state: "triage", urgent: true });
    let mails = urgentMailTo(owen.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]?.data ?? "";
    expect(subjectOf(mail)).toBe("Urgent from Pia Peer: Fix the login page");
    expect(mail).toMatch(/Content-Type: text\/plain/);
    expect(mail).toMatch(/Content-Type: text\/html/);
    expect(decoded(mail)).toContain("Pia Peer marked “Fix the login page” urgent.");
    expect(decoded(mail)).toContain("It is waiting in your triage.");

    const added = await urgent(manny, owen.id, "Ship the release");
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    mails = urgentMailTo(owen.email);
    expect(mails).toHaveLength(2);
    expect(subjectOf(mails[1]?.data ?? "")).toBe("Urgent from Manny Manager: Ship the release");
    expect(decoded(mails[1]?.data ?? "")).toContain("It is at #1 on your plate.");
    expect((await outbound(owen.id)).map((row) => row.status)).toEqual(["sent", "sent"]);

    const urgentEntries = (await inboxOf(owen)).filter((item) => item.kind === "task.urgent");
    expect(urgentEntries.map((item) => [item.taskId, item.actorId]).sort()).toEqual(
      [
        [asked.body.id, pia.id],
        [added.body.id, manny.id],
      ].sort(),
    );
    // Nobody else was written to.
    expect(urgentMailTo(manny.email)).toHaveLength(0);
    expect((await inboxOf(pia)).filter((item) => item.kind === "task.urgent")).toHaveLength(0);
  });

  it("waits outside working hours (evening, weekend) and sends at the next working start, once", async () => {
    h.clock.set("2027-01-04T18:00:00.000Z"); // Monday 19:00 in Berlin
    const { manny, owen } = await team();
    expect((await urgent(manny, owen.id, "Evening fire")).status).toBe(201);
    expect(urgentMailTo(owen.email)).toHaveLength(0);
    expect(await outbound(owen.id)).toEqual([
      expect.objectContaining({ status: "pending", next_attempt_at: "2027-01-05T08:00:00.000Z" }),
    ]);
    h.clock.set("2027-01-05T07:59:59.000Z");
    await deliverMail(h.ctx);
    expect(urgentMailTo(owen.email)).toHaveLength(0);
    h.clock.set("2027-01-05T08:00:00.000Z"); // Tuesday 09:00 in Berlin
    await deliverMail(h.ctx);
    await deliverMail(h.ctx);
    expect(urgentMailTo(owen.email)).toHaveLength(1);
    expect(subjectOf(urgentMailTo(owen.email)[0]?.data ?? "")).toBe(
      "Urgent from Manny Manager: Evening fire",
    );

    h.clock.set("2027-01-09T10:00:00.000Z"); // Saturday 11:00 in Berlin
    expect((await urgent(manny, owen.id, "Weekend fire")).status).toBe(201);
    h.clock.set("2027-01-10T12:00:00.000Z"); // Sunday
    await deliverMail(h.ctx);
    expect(urgentMailTo(owen.email)).toHaveLength(1);
    h.clock.set("2027-01-11T08:00:01.000Z"); // Monday 09:00:01 in Berlin
    await deliverMail(h.ctx);
    await deliverMail(h.ctx);
    expect(urgentMailTo(owen.email)).toHaveLength(2);
    expect((await outbound(owen.id)).map((row) => row.status)).toEqual(["sent", "sent"]);
  });

  it("waits through an away period, current or about to begin, until the first working start after it", async () => {
    h.clock.set("2027-01-11T18:00:00.000Z"); // Monday 19:00 in Berlin
    const { manny, owen } = await team();
    const away = await owen.client.patch("/api/v1/me", { away: { from: "2027-01-12", until: "2027-01-14" } });
    expect(away.status, JSON.stringify(away.body)).toBe(200);
    // Tomorrow's working start is inside the away period: it waits until Friday 09:00.
    expect((await urgent(manny, owen.id, "Before the trip")).status).toBe(201);
    h.clock.set("2027-01-12T10:00:00.000Z"); // Tuesday 11:00, within working hours but away
    expect((await urgent(manny, owen.id, "During the trip")).status).toBe(201);
    expect(urgentMailTo(owen.email)).toHaveLength(0);
    expect((await outbound(owen.id)).map((row) => row.next_attempt_at)).toEqual([
      "2027-01-15T08:00:00.000Z",
      "2027-01-15T08:00:00.000Z",
    ]);
    h.clock.set("2027-01-14T15:00:00.000Z"); // Thursday 16:00, still away
    await deliverMail(h.ctx);
    expect(urgentMailTo(owen.email)).toHaveLength(0);
    h.clock.set("2027-01-15T08:00:00.000Z");
    await deliverMail(h.ctx);
    expect(
      urgentMailTo(owen.email)
        .map((mail) => subjectOf(mail.data))
        .sort(),
    ).toEqual(["Urgent from Manny Manager: Before the trip", "Urgent from Manny Manager: During the trip"]);
  });

  it("counts a requester's PATCH to urgent, but not the owner marking their own task urgent", async () => {
    h.clock.set("2027-01-20T09:00:00.000Z"); // Wednesday 10:00 in Berlin
    const { manny, owen } = await team();
    const plain = await addTask(manny, owen.id, { title: "Plain at first" });
    expect(urgentMailTo(owen.email)).toHaveLength(0);
    const marked = await changeTask(manny, plain, { urgent: true });
    expect(marked.urgent).toBe(true);
    expect(urgentMailTo(owen.email).map((mail) => subjectOf(mail.data))).toEqual([
      "Urgent from Manny Manager: Plain at first",
    ]);
    expect(await uses(owen.id)).toEqual([
      expect.objectContaining({ requester_id: manny.id, task_id: plain.id }),
    ]);

    const own = await addTask(owen, owen.id, { title: "My own thing" });
    expect((await changeTask(owen, own, { urgent: true })).urgent).toBe(true);
    expect((await urgent(owen, owen.id, "My own fire")).status).toBe(201);
    expect(urgentMailTo(owen.email)).toHaveLength(1);
    expect(await outbound(owen.id)).toHaveLength(1);
    expect(await uses(owen.id)).toHaveLength(1);
    expect((await inboxOf(owen)).filter((item) => item.kind === "task.urgent")).toHaveLength(1);
  });

  it("refuses a requester's third urgent item in the owner's week with 422, writing nothing", async () => {
    h.clock.set("2027-01-27T09:00:00.000Z"); // Wednesday
    const { manny, owen, pia } = await team();
    expect((await urgent(pia, owen.id, "First")).status).toBe(201);
    expect((await urgent(pia, owen.id, "Second")).status).toBe(201);
    const pending = await addTask(pia, owen.id, { title: "Not urgent yet" });
    const rows = await plateRows(h, owen.id);
    const mails = await outbound(owen.id);
    const used = await uses(owen.id);
    const received = smtp.received.length;

    const third = expectProblem(await urgent(pia, owen.id, "Third"), 422, "urgent");
    expect(third.detail).toMatch(/already sent Owen Owner 2 urgent items this week/);
    const patched = expectProblem(
      await pia.client.patch(`/api/v1/tasks/${pending.id}`, { version: pending.version, urgent: true }),
      422,
      "urgent",
    );
    expect(patched.detail).toBe(third.detail);
    expect(await plateRows(h, owen.id)).toEqual(rows);
    expect(await outbound(owen.id)).toEqual(mails);
    expect(await uses(owen.id)).toEqual(used);
    expect(smtp.received.length).toBe(received);

    // Another requester has their own two.
    expect((await urgent(manny, owen.id, "From the manager")).status).toBe(201);
    expect((await urgent(manny, owen.id, "Again from the manager")).status).toBe(201);
    expectProblem(await urgent(manny, owen.id, "Too many from the manager"), 422, "urgent");

    // The next ISO week, the count starts again.
    h.clock.set("2027-02-01T09:00:00.000Z"); // Monday
    expect((await urgent(pia, owen.id, "Next week")).status).toBe(201);
    expect(urgentMailTo(owen.email).map((mail) => subjectOf(mail.data))).toContain(
      "Urgent from Pia Peer: Next week",
    );
  });

  it("counts the week in the owner's zone, not the requester's", async () => {
    h.clock.set("2027-02-05T01:00:00.000Z"); // Friday 14:00 in Auckland (UTC+13)
    const { owen: kiri, pia } = await team("NZ ");
    const zone = await kiri.client.patch("/api/v1/me", { timeZone: "Pacific/Auckland" });
    expect(zone.status).toBe(200);
    expect((await urgent(pia, kiri.id, "One")).status).toBe(201);
    expect((await urgent(pia, kiri.id, "Two")).status).toBe(201);
    h.clock.set("2027-02-07T10:30:00.000Z"); // Sunday 23:30 in Auckland
    expectProblem(await urgent(pia, kiri.id, "Sunday night"), 422, "urgent");
    h.clock.set("2027-02-07T11:30:00.000Z"); // Monday 00:30 in Auckland, still Sunday in UTC and Berlin
    expect((await urgent(pia, kiri.id, "Monday in Auckland")).status).toBe(201);
  });

  it("follows the organization's limit: 0 turns the lane off; only an owner or admin may set it", async () => {
    h.clock.set("2027-02-10T09:00:00.000Z");
    const chief = await founder(h.app, "Carla Chief");
    const lead = await berliner("Lars Lead", chief.id, chief);
    const worker = await berliner("Wim Worker", lead.id, chief);
    const colleague = await berliner("Cora Colleague", lead.id, chief);

    const refused = await worker.client.patch(`/api/v1/organizations/${chief.organizationId}`, {
      settings: { urgentPerWeek: 5 },
    });
    expectProblem(refused, 403);
    const off = await chief.client.patch<{ settings: { urgentPerWeek: number } }>(
      `/api/v1/organizations/${chief.organizationId}`,
      { settings: { urgentPerWeek: 0 } },
    );
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.settings.urgentPerWeek).toBe(0);

    const rows = await plateRows(h, worker.id);
    for (const requester of [lead, colleague, chief]) {
      const answer = expectProblem(await urgent(requester, worker.id, "Not today"), 422, "urgent");
      expect(answer.detail).toMatch(/turned off/);
    }
    expect(await plateRows(h, worker.id)).toEqual(rows);
    expect(await uses(worker.id)).toHaveLength(0);
    expect(await outbound(worker.id)).toHaveLength(0);
    // The owner's own tasks are no interruption.
    expect((await urgent(worker, worker.id, "Mine")).status).toBe(201);

    const one = await chief.client.patch(`/api/v1/organizations/${chief.organizationId}`, {
      settings: { urgentPerWeek: 1 },
    });
    expect(one.status).toBe(200);
    expect((await urgent(lead, worker.id, "The one")).status).toBe(201);
    expectProblem(await urgent(lead, worker.id, "The second"), 422, "urgent");
  });

  it("cancels a waiting urgent mail when the task is completed or dropped before working hours", async () => {
    h.clock.set("2027-02-15T19:00:00.000Z"); // Monday 20:00 in Berlin
    const { manny, owen, pia } = await team();
    const done = await urgent(manny, owen.id, "Done by morning");
    const dropped = await urgent(pia, owen.id, "Dropped by morning");
    const kept = await urgent(manny, owen.id, "Still on fire");
    expect([done.status, dropped.status, kept.status]).toEqual([201, 201, 201]);
    await changeTask(owen, done.body, { state: "done" });
    await changeTask(pia, dropped.body, { state: "dropped", dropReason: "Sorted it myself" });

    h.clock.set("2027-02-16T08:00:00.000Z"); // Tuesday 09:00 in Berlin
    await deliverMail(h.ctx);
    expect(urgentMailTo(owen.email).map((mail) => subjectOf(mail.data))).toEqual([
      "Urgent from Manny Manager: Still on fire",
    ]);
    const statuses = new Map((await outbound(owen.id)).map((row) => [row.task_id, row.status]));
    expect(statuses.get(done.body.id)).toBe("canceled");
    expect(statuses.get(dropped.body.id)).toBe("canceled");
    expect(statuses.get(kept.body.id)).toBe("sent");
    await deliverMail(h.ctx);
    expect(urgentMailTo(owen.email)).toHaveLength(1);
  });

  it("shows the manager each report's urgent interruptions this week", async () => {
    h.clock.set("2027-02-24T09:00:00.000Z"); // Wednesday
    const { manny, owen, pia } = await team();
    expect((await urgent(pia, owen.id, "From a peer")).status).toBe(201);
    expect((await urgent(manny, owen.id, "From the manager")).status).toBe(201);
    expect((await urgent(boss, owen.id, "From the top")).status).toBe(201);
    expect((await urgent(owen, owen.id, "Own")).status).toBe(201);

    const counts = async () => {
      const answer = await manny.client.get<{ items: TeamMember[] }>(`/api/v1/people/${manny.id}/team`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return Object.fromEntries(
        answer.body.items.map((member) => [member.personId, member.interruptionsThisWeek]),
      );
    };
    expect(await counts()).toEqual({ [owen.id]: 3, [pia.id]: 0 });
    h.clock.set("2027-03-01T09:00:00.000Z"); // the next Monday
    expect(await counts()).toEqual({ [owen.id]: 0, [pia.id]: 0 });
  });
});
