import { beforeAll, describe, expect, it } from "vitest";
import { runDigests } from "../src/server/digests/run";
import { sweepStale } from "../src/server/inbox/sweeps";
import { deliverMail } from "../src/server/mail/outbound";
import { signStillNeeded, verifyStillNeeded } from "../src/server/still-needed/links";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { baseUrl, useHarness } from "./support/harness";
import { decoded, subjectOf, useSmtpSink } from "./support/smtp";
import {
  addTask,
  addTasks,
  changeTask,
  historyOf,
  plateOf,
  plateRows,
  type Task,
  taskOf,
  titlesOf,
} from "./support/tasks";

const day = 24 * 60 * 60_000;

interface InboxItem {
  kind: string;
  taskId?: string;
  actorId: string;
  title: string;
}

describe.each(dialects)("still needed? on %s", (dialect) => {
  const smtp = useSmtpSink();
  const h = useHarness(dialect, { smtpUrl: () => smtp.url });
  let boss: Member & { organizationId: string };

  beforeAll(async () => {
    h.clock.set("2027-01-04T09:00:00.000Z");
    boss = await founder(h.app, "Bianca Boss");
  });

  /** A person in Berlin whose digest comes at 08:00 on weekdays. */
  async function berliner(name: string, managerId: string, inviter: Member = boss): Promise<Member> {
    const person = await invite(h.app, inviter, name, { managerId });
    const set = await person.client.patch("/api/v1/me", {
      timeZone: "Europe/Berlin",
      digest: { times: ["08:00"], days: [1, 2, 3, 4, 5] },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    return person;
  }

  async function staleEntries(who: Member): Promise<InboxItem[]> {
    const answer = await who.client.get<{ items: InboxItem[] }>("/api/v1/inbox");
    expect(answer.status).toBe(200);
    return answer.body.items.filter((item) => item.kind === "task.stale");
  }

  /** Opens a link as a mail reader does: no session, no Origin; POST is the page's empty form. */
  async function openLink(url: string, method: "GET" | "POST" = "GET") {
    const response = await h.app.inject({
      method,
      url: new URL(url).pathname,
      ...(method === "POST"
        ? { headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "" }
        : {}),
    });
    expect(response.headers["content-type"], `${response.statusCode} ${response.body}`).toMatch(
      /^text\/html/,
    );
    return { status: response.statusCode, body: response.body };
  }

  /** The Keep and Drop links of each task in a digest's text part, by title. */
  function linksIn(mail: string): Map<string, { keep: string; drop: string }> {
    const text = decoded(mail.split(/Content-Type: text\/html/)[0] ?? "");
    const links = new Map<string, { keep: string; drop: string }>();
    const line = /- “([^”]+)”[^\n]*untouched for[^\n]*\r?\n\s+Keep it: (\S+)\r?\n\s+Drop it: (\S+)/g;
    for (const [, title = "", keep = "", drop = ""] of text.matchAll(line)) links.set(title, { keep, drop });
    return links;
  }

  it("asks the owner and the requester once about an open task untouched for 14 days, not about fresh ones", async () => {
    const start = new Date("2027-01-04T09:00:00.000Z");
    h.clock.set(start);
    const manny = await berliner("Manny Manager", boss.id);
    const sam = await berliner("Sam Self", manny.id);
    const pia = await berliner("Pia Peer", manny.id);
    const old = await addTask(manny, sam.id, { title: "Old report" });
    const own = await addTask(sam, sam.id, { title: "Own old chore" });
    const fresh = await addTask(manny, sam.id, { title: "Touched lately" });
    const asked = await addTask(pia, sam.id, { title: "Waiting in triage" });
    h.clock.set(new Date(start.getTime() + 10 * day));
    await changeTask(manny, fresh, { notes: "Still on it" });

    h.clock.set(new Date(start.getTime() + 14 * day - 60_000));
    await sweepStale(h.ctx);
    expect(await staleEntries(sam)).toEqual([]);

    h.clock.set(new Date(start.getTime() + 14 * day + 60_000));
    expect(await sweepStale(h.ctx)).toBeGreaterThanOrEqual(3);
    const forSam = await staleEntries(sam);
    expect(forSam.map((item) => item.taskId).sort()).toEqual([old.id, own.id].sort());
    expect(forSam.find((item) => item.taskId === old.id)).toMatchObject({
      actorId: manny.id,
      title: "Old report",
    });
    expect((await staleEntries(manny)).map((item) => item.taskId)).toEqual([old.id]);
    expect(await staleEntries(pia)).toEqual([]);
    expect(forSam.some((item) => item.taskId === fresh.id || item.taskId === asked.id)).toBe(false);

    // Asked once: sweeping again adds nothing.
    expect(await sweepStale(h.ctx)).toBe(0);
    h.clock.set(new Date(start.getTime() + 15 * day));
    await sweepStale(h.ctx);
    expect(await staleEntries(sam)).toHaveLength(2);
    expect(await staleEntries(manny)).toHaveLength(1);
  });

  it("follows the organization's staleAfterDays, which only an owner or admin may change", async () => {
    const start = new Date("2027-02-01T09:00:00.000Z");
    h.clock.set(start);
    const chief = await founder(h.app, "Carla Chief");
    const worker = await berliner("Wim Worker", chief.id, chief);
    const refused = await worker.client.patch(`/api/v1/organizations/${chief.organizationId}`, {
      settings: { staleAfterDays: 2 },
    });
    expect(refused.status).toBe(403);
    const set = await chief.client.patch<{ settings: { staleAfterDays: number } }>(
      `/api/v1/organizations/${chief.organizationId}`,
      { settings: { staleAfterDays: 30 } },
    );
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.settings.staleAfterDays).toBe(30);
    const task = await addTask(chief, worker.id, { title: "Slow burner" });

    h.clock.set(new Date(start.getTime() + 15 * day));
    await sweepStale(h.ctx);
    expect(await staleEntries(worker)).toEqual([]);
    h.clock.set(new Date(start.getTime() + 29 * day + 23 * 60 * 60_000));
    await sweepStale(h.ctx);
    expect(await staleEntries(worker)).toEqual([]);
    h.clock.set(new Date(start.getTime() + 30 * day + 60_000));
    await sweepStale(h.ctx);
    expect((await staleEntries(worker)).map((item) => item.taskId)).toEqual([task.id]);
    expect((await staleEntries(chief)).map((item) => item.taskId)).toEqual([task.id]);
  });

  describe("links in the digest", () => {
    let manny: Member;
    let sam: Member;
    let links: Map<string, { keep: string; drop: string }>;
    let requesterLinks: Map<string, { keep: string; drop: string }>;

    /** The owner's (or given) Keep and Drop links for a task of the digest, by its title. */
    function link(title: string, from = links): { keep: string; drop: string } {
      const found = from.get(title);
      if (!found) throw new Error(`no Still needed? links for “${title}” in the digest`);
      return found;
    }

    beforeAll(async () => {
      const start = new Date("2027-03-01T09:00:00.000Z"); // Monday
      h.clock.set(start);
      manny = await berliner("Manny Linkmanager", boss.id);
      sam = await berliner("Sam Linkowner", manny.id);
      await addTasks(manny, sam.id, ["Keep me", "Drop me", "Leave me", "Forge me"]);
      await sam.client.post("/api/v1/inbox/read", { all: true });
      h.clock.set("2027-03-16T06:00:00.000Z"); // 15 days later
      await sweepStale(h.ctx);
      h.clock.set("2027-03-16T07:00:05.000Z"); // Tuesday 08:00 in Berlin
      await runDigests(h.ctx);
      await deliverMail(h.ctx);
      const mailOf = (who: Member) =>
        smtp.to(who.email).filter((mail) => !subjectOf(mail.data).includes("invited you"))[0]?.data ?? "";
      links = linksIn(mailOf(sam));
      requesterLinks = linksIn(mailOf(manny));
    });

    it("has a Still needed? section with absolute Keep and Drop links in both parts", () => {
      const mail =
        smtp.to(sam.email).find((one) => subjectOf(one.data).startsWith("Your Docket digest"))?.data ?? "";
      expect(decoded(mail)).toContain("Still needed?");
      expect([...links.keys()].sort()).toEqual(["Drop me", "Forge me", "Keep me", "Leave me"]);
      for (const { keep, drop } of links.values()) {
        expect(keep).toMatch(new RegExp(`^${baseUrl}/still-needed/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
        expect(drop).toMatch(new RegExp(`^${baseUrl}/still-needed/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
        expect(keep).not.toBe(drop);
        expect(decoded(mail)).toContain(`href="${keep}"`);
        expect(decoded(mail)).toContain(`href="${drop}"`);
      }
      // The requester is asked too, with links of their own.
      expect(decoded(smtp.to(manny.email).at(-1)?.data ?? "")).toContain("(your ask)");
      expect(requesterLinks.get("Keep me")?.keep).not.toBe(links.get("Keep me")?.keep);
    });

    it("keeps the links out of the outbox, where an admin could act as the recipient", async () => {
      const outbox = await boss.client.get<{
        items: { personId: string | null; text: string; html: string }[];
      }>("/api/v1/outbox?limit=200");
      expect(outbox.status).toBe(200);
      const samsDigest = outbox.body.items.find((item) => item.personId === sam.id);
      expect(samsDigest?.text).toContain("Still needed?");
      for (const { keep, drop } of links.values()) {
        const token = (url: string) => url.split("/still-needed/")[1] ?? "missing";
        expect(samsDigest?.text).not.toContain(token(keep));
        expect(samsDigest?.html).not.toContain(token(drop));
      }
      expect(samsDigest?.text).toContain("/still-needed/(link for the recipient only)");
    });

    it("shows a page on GET without changing anything (mail scanners open links)", async () => {
      const rows = await plateRows(h, sam.id);
      const keep = await openLink(link("Keep me").keep);
      expect(keep.status).toBe(200);
      expect(keep.body).toContain("Keep this task?");
      expect(keep.body).toContain('<form method="post">');
      const drop = await openLink(link("Drop me").drop);
      expect(drop.status).toBe(200);
      expect(drop.body).toContain("Drop this task?");
      expect(await plateRows(h, sam.id)).toEqual(rows);
    });

    it("keeps the task on POST: history says kept, the version moves, the plate order stays; then the links are spent", async () => {
      const before = await plateOf(sam, sam.id);
      const task = before.items.find((item) => item.title === "Keep me") as Task;
      const kept = await openLink(link("Keep me").keep, "POST");
      expect(kept.status).toBe(200);
      expect(kept.body).toContain("Kept");
      const after = await taskOf(sam, task.id);
      expect(after.version).toBe(task.version + 1);
      expect(after).toMatchObject({ state: "open", position: task.position });
      expect(titlesOf(await plateOf(sam, sam.id))).toEqual(titlesOf(before));
      expect((await historyOf(sam, task.id)).at(-1)).toMatchObject({ kind: "kept", actorId: sam.id });

      const rows = await plateRows(h, sam.id);
      for (const [url, method] of [
        [link("Keep me").keep, "GET"],
        [link("Keep me").keep, "POST"],
        [link("Keep me").drop, "GET"],
        [link("Keep me").drop, "POST"],
        [link("Keep me", requesterLinks).drop, "POST"],
      ] as const) {
        const again = await openLink(url, method);
        expect(again.status, `${method} ${url}`).toBe(409);
        expect(again.body).toContain("Already taken care of");
      }
      expect(await plateRows(h, sam.id)).toEqual(rows);
    });

    it("drops the task on POST as no longer needed; using the link again answers 409", async () => {
      const task = (await plateOf(sam, sam.id)).items.find((item) => item.title === "Drop me") as Task;
      const dropped = await openLink(link("Drop me").drop, "POST");
      expect(dropped.status).toBe(200);
      expect(dropped.body).toContain("Dropped");
      expect(await taskOf(sam, task.id)).toMatchObject({
        state: "dropped",
        dropReason: "No longer needed",
        version: task.version + 1,
      });
      const rows = await plateRows(h, sam.id);
      expect((await openLink(link("Drop me").drop, "POST")).status).toBe(409);
      expect((await openLink(link("Drop me").drop)).status).toBe(409);
      expect((await openLink(link("Drop me").keep, "POST")).status).toBe(409);
      expect(await plateRows(h, sam.id)).toEqual(rows);
    });

    it("answers 410 to a tampered token or one signed with another secret, changing nothing", async () => {
      const genuine = link("Forge me").drop;
      const token = genuine.slice(`${baseUrl}/still-needed/`.length);
      const claim = verifyStillNeeded(h.ctx.config.authSecret, token, h.clock.now());
      if (!claim) throw new Error("the digest's link is not a genuine token");
      expect(claim.action).toBe("drop");
      const [payload, signature] = token.split(".") as [string, string];
      const flip = (text: string, at: number) =>
        `${text.slice(0, at)}${text[at] === "A" ? "B" : "A"}${text.slice(at + 1)}`;
      const rows = await plateRows(h, sam.id);
      for (const forged of [
        `${flip(payload, 3)}.${signature}`,
        `${payload}.${flip(signature, 5)}`,
        signStillNeeded("some-other-secret-0123456789abcdef", claim),
        `${Buffer.from(JSON.stringify([claim.taskId, sam.id, "drop", claim.version + 1, claim.expires])).toString("base64url")}.${signature}`,
      ]) {
        for (const method of ["GET", "POST"] as const) {
          const answer = await openLink(`${baseUrl}/still-needed/${forged}`, method);
          expect(answer.status, `${method} ${forged}`).toBe(410);
          expect(answer.body).toContain("This link no longer works");
        }
      }
      expect(await plateRows(h, sam.id)).toEqual(rows);
      // The genuine link still works after all that.
      expect((await openLink(genuine)).status).toBe(200);
    });

    it("answers 410 once a link has expired (a week), changing nothing", async () => {
      const url = link("Leave me").keep;
      h.clock.set("2027-03-23T07:00:00.000Z"); // a few seconds short of a week
      expect((await openLink(url)).status).toBe(200);
      h.clock.set("2027-03-24T07:00:05.000Z"); // 8 days after the digest
      const rows = await plateRows(h, sam.id);
      for (const method of ["GET", "POST"] as const) {
        const answer = await openLink(url, method);
        expect(answer.status, method).toBe(410);
      }
      expect((await openLink(link("Leave me").drop, "POST")).status).toBe(410);
      expect(await plateRows(h, sam.id)).toEqual(rows);
    });
  });
});
