import { beforeAll, describe, expect, it } from "vitest";
import { runDigests } from "../src/server/digests/run";
import { entriesOf, type InboxItem, nudge } from "./support/comments";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import { sendRequest, taskIdOf } from "./support/requests";
import { acceptTask, changeTask, declineTask, expectProblem, taskOf } from "./support/tasks";

/** Monday 1 March 2027, 06:00 UTC: 07:00 in Berlin. */
const monday = "2027-03-01T06:00:00.000Z";
const hourMs = 3_600_000;
const at = (ms: number) => new Date(Date.parse(monday) + ms).toISOString();

describe.each(dialects)("nudges on %s", (dialect) => {
  const h = useHarness(dialect);
  let boss: Member & { organizationId: string };
  let sam: Member;
  let people: Record<"ada" | "bo" | "cy" | "di" | "ed", Member>;

  beforeAll(async () => {
    h.clock.set(monday);
    boss = await founder(h.app, "Bianca Boss");
    sam = await invite(h.app, boss, "Sam Requester", { managerId: boss.id });
    const report = async (name: string) => {
      const person = await invite(h.app, boss, name, { managerId: boss.id });
      const answer = await person.client.patch("/api/v1/me", {
        timeZone: "Europe/Berlin",
        digest: { times: ["08:00"], days: [1, 2, 3, 4, 5] },
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return person;
    };
    people = {
      ada: await report("Ada Open"),
      bo: await report("Bo Done"),
      cy: await report("Cy Declined"),
      di: await report("Di Triage"),
      ed: await report("Ed Started"),
    };
  });

  /**
   * Sam asks everyone (each ask waits in their triage: Sam is nobody's manager); then Ada takes hers,
   * Bo takes and finishes his, Cy declines, Di leaves hers in triage, Ed takes and starts his.
   */
  async function surveyRequest(title: string) {
    const { ada, bo, cy, di, ed } = people;
    const request = await sendRequest(sam, { title, assigneeIds: [ada.id, bo.id, cy.id, di.id, ed.id] });
    const accept = async (member: Member) => {
      const answer = await acceptTask(member, taskIdOf(request, member.id), { placement: "top" });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body;
    };
    await accept(ada);
    await changeTask(bo, await accept(bo), { state: "done" });
    expect((await declineTask(cy, taskIdOf(request, cy.id), { reason: "Not mine" })).status).toBe(200);
    await changeTask(ed, await accept(ed), { state: "in_progress" });
    return request;
  }

  const nudgesOf = async (member: Member, requestId: string) =>
    (await entriesOf(member, "request.nudged")).filter((item) => item.requestId === requestId);

  /** Every nudge entry and the request's last nudge, straight from the database. */
  async function nudgeRows(requestId: string) {
    const entries = await h.ctx.db
      .selectFrom("inbox_entry")
      .selectAll()
      .where("request_id", "=", requestId)
      .where("kind", "=", "request.nudged")
      .orderBy("id")
      .execute();
    const request = await h.ctx.db
      .selectFrom("request")
      .select("last_nudged_at")
      .where("id", "=", requestId)
      .executeTakeFirstOrThrow();
    return { entries, request };
  }

  it("reminds each assignee who has not finished, of their own task, with the note", async () => {
    h.clock.set(monday);
    const request = await surveyRequest("Fill in the survey");
    const { ada, bo, cy, di, ed } = people;
    h.clock.set(at(60_000));
    const answer = await nudge(sam, request.id, { note: "  The survey closes Friday " });
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    expect(answer.body.nudged.toSorted()).toEqual([ada.id, di.id, ed.id].toSorted());

    expect(await nudgesOf(ada, request.id)).toEqual<InboxItem[]>([
      {
        id: expect.any(String),
        kind: "request.nudged",
        taskId: taskIdOf(request, ada.id),
        requestId: request.id,
        actorId: sam.id,
        at: at(60_000),
        readAt: null,
        count: 1,
        title: "Fill in the survey",
        to: "The survey closes Friday",
        ownerId: ada.id,
      },
    ]);
    for (const member of [di, ed]) {
      expect((await nudgesOf(member, request.id)).map((item) => [item.taskId, item.to])).toEqual([
        [taskIdOf(request, member.id), "The survey closes Friday"],
      ]);
    }
    for (const member of [bo, cy, sam, boss]) expect(await nudgesOf(member, request.id)).toEqual([]);
  });

  it("is refused with 429 and Retry-After within 24 hours, counting only the nudges that reminded someone", async () => {
    h.clock.set(monday);
    const request = await surveyRequest("Send the slides");
    expect((await nudge(sam, request.id)).status).toBe(202);
    const once = await nudgeRows(request.id);
    expect(once.request.last_nudged_at).toBe(monday);

    h.clock.set(at(hourMs));
    const soon = await nudge(sam, request.id, { note: "Please" });
    expect(expectProblem(soon, 429).detail).toBe(
      "You reminded them less than a day ago; a request can be nudged once a day. Nobody was reminded: try again in 23 hours.",
    );
    expect(soon.headers["retry-after"]).toBe(String(23 * 3600));
    h.clock.set(at(24 * hourMs - 60_000));
    const almost = await nudge(sam, request.id);
    expectProblem(almost, 429);
    expect(almost.headers["retry-after"]).toBe("60");
    expect(await nudgeRows(request.id)).toEqual(once);

    h.clock.set(at(24 * hourMs));
    const again = await nudge(sam, request.id, { note: "Last call" });
    expect(again.status, JSON.stringify(again.body)).toBe(202);
    expect(again.body.nudged).toHaveLength(3);
    // Unread, the second reminder joins the first.
    expect((await nudgesOf(people.ada, request.id)).map((item) => [item.count, item.to, item.at])).toEqual([
      [2, "Last call", at(24 * hourMs)],
    ]);

    // Measured from the last nudge that counted, not from the refused ones.
    h.clock.set(at(25 * hourMs));
    expect((await nudge(sam, request.id)).headers["retry-after"]).toBe(String(23 * 3600));
  });

  it("reminds nobody once everyone finished, and such a nudge does not count", async () => {
    h.clock.set(monday);
    const { ada, bo } = people;
    const request = await sendRequest(sam, { title: "Sign the form", assigneeIds: [ada.id, bo.id] });
    for (const member of [ada, bo]) {
      const accepted = await acceptTask(member, taskIdOf(request, member.id), { placement: "bottom" });
      await changeTask(
        member,
        accepted.body,
        member === ada ? { state: "done" } : { state: "dropped", dropReason: "Done elsewhere" },
      );
    }
    const none = await nudge(sam, request.id);
    expect(none.status).toBe(202);
    expect(none.body).toEqual({ nudged: [] });
    expect(await nudgeRows(request.id)).toEqual({ entries: [], request: { last_nudged_at: null } });

    // Ada reopens hers: she can be reminded at once.
    const reopened = await changeTask(ada, await taskOf(ada, taskIdOf(request, ada.id)), { state: "open" });
    expect(reopened.state).toBe("open");
    h.clock.set(at(60_000));
    expect((await nudge(sam, request.id)).body).toEqual({ nudged: [ada.id] });
  });

  it("is the requester's alone, and a refused one writes nothing and does not count", async () => {
    h.clock.set(monday);
    const request = await surveyRequest("Book the venue");
    const before = await nudgeRows(request.id);
    expect(expectProblem(await nudge(people.ada, request.id), 403).detail).toBe(
      "Only the person who sent this request can remind its people.",
    );
    expectProblem(await nudge(boss, request.id), 403);
    expectProblem(await nudge(sam, "no-such-request"), 404);
    for (const body of [{ note: "x".repeat(501) }, { note: "two\nlines" }, { note: 7 }, { other: true }]) {
      expectProblem(await nudge(sam, request.id, body), 400);
    }
    expect(await nudgeRows(request.id)).toEqual(before);
    expect((await nudge(sam, request.id, { note: "" })).status).toBe(202);
  });

  it("reaches each person's next digest, and sends no mail of its own", async () => {
    h.clock.set(monday);
    const request = await surveyRequest("Update the roadmap");
    // Earlier tests' news is told in this first digest; the nudge waits for the next one.
    h.clock.set("2027-03-01T07:00:20.000Z"); // 08:00:20 in Berlin
    await runDigests(h.ctx);
    const mailOf = (member: Member) =>
      h.ctx.db
        .selectFrom("outbound_mail")
        .select(["kind", "text"])
        .where("person_id", "=", member.id)
        .orderBy("created_at")
        .execute();
    const before = await mailOf(people.ada);

    h.clock.set("2027-03-01T10:00:00.000Z");
    expect((await nudge(sam, request.id, { note: "Due at noon" })).status).toBe(202);
    expect(await mailOf(people.ada)).toEqual(before);

    h.clock.set("2027-03-02T07:00:20.000Z"); // Tuesday, 08:00:20 in Berlin
    await runDigests(h.ctx);
    const after = await mailOf(people.ada);
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length);
    expect(added.map((mail) => mail.kind)).toEqual(["digest"]);
    expect(added[0]?.text).toContain(
      "Reminders\n---------\n- Sam Requester reminds you of “Update the roadmap” (#1): Due at noon\n",
    );
    const bos = await mailOf(people.bo);
    expect(bos.some((mail) => mail.text.includes("reminds you of “Update the roadmap”"))).toBe(false);
  });
});
