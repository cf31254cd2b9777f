import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { decide, type FeedbackSubject, type Role } from "../src/core/access";
import { runDigests } from "../src/server/digests/run";
import { readableFeedback, readableFeedbackPage } from "../src/server/feedback/store";
import { deliverMail } from "../src/server/mail/outbound";
import { chainAbove } from "../src/server/people/store";
import { dialects } from "./support/databases";
import { invite, type Member, standardOrganization } from "./support/factories";
import { askForFeedback, type Feedback, feedbackOf, giveFeedback } from "./support/feedback";
import { useHarness } from "./support/harness";
import { pdfPages } from "./support/pdf-text";
import { BusLog, download, marker, Sightings } from "./support/private-notes";
import { decoded } from "./support/smtp";
import { acceptTask, addTask, changeTask, expectProblem, taskOf } from "./support/tasks";

/** Monday 1 March 2027, 05:00 UTC. */
const monday = "2027-03-01T05:00:00.000Z";

describe.each(dialects)("private feedback stays out of everything else on %s", (dialect) => {
  const h = useHarness(dialect);
  let w: Awaited<ReturnType<typeof standardOrganization>>;

  beforeAll(async () => {
    h.clock.set(monday);
    w = await standardOrganization(h.app);
  });

  it("reaches no mail, outbox, audit log, inbox entry, digest or reader but its giver and receiver", async () => {
    h.clock.set("2027-03-01T05:30:00.000Z");
    // A fresh pair under Grace Grand: Mo manages Rae. Digests at 08:00 UTC on weekdays.
    const mo = await invite(h.app, w.owner, "Mo Manager", { managerId: w.grand.id });
    const rae = await invite(h.app, w.owner, "Rae Report", { managerId: mo.id });
    for (const person of [mo, rae]) {
      const set = await person.client.patch("/api/v1/me", {
        timeZone: "UTC",
        digest: { times: ["08:00"], days: [1, 2, 3, 4, 5] },
      });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
    }
    const places = new Sightings();
    const bus = new BusLog(h);

    // What may be shown where it belongs: a task's title, feedback shared with Rae's managers, a question…
    const shown = {
      title: marker("titleshown"),
      shared: marker("sharedshown"),
      question: marker("questionshown"),
      answer: marker("answershown"),
    };
    // Pat asked Rae for it; Rae took it and finished it.
    const task = await addTask(w.peer, rae.id, { title: `Ship ${shown.title}` });
    expect((await acceptTask(rae, task.id, { placement: "bottom" })).status).toBe(200);
    await changeTask(rae, await taskOf(rae, task.id), { state: "done" });
    const shared = await giveFeedback(w.peer, {
      toId: rae.id,
      body: `Well run: ${shown.shared}`,
      visibility: "with_manager",
      taskId: task.id,
    });
    const managersAsk = await askForFeedback(mo, {
      aboutId: rae.id,
      fromIds: [w.branch.id],
      question: `How does Rae lead? ${shown.question}`,
    });
    const answered = await giveFeedback(w.branch, {
      toId: rae.id,
      body: `Rae leads calmly ${shown.answer}`,
      visibility: "with_manager",
      requestId: managersAsk.id,
    });

    // …and what is for the giver and the receiver alone.
    const secret = {
      thanks: marker("thankssecret"),
      fromManager: marker("frommanagersecret"),
      answer: marker("answersecret"),
      toManager: marker("tomanagersecret"),
    };
    const hidden: Record<keyof typeof secret, { giver: Member; receiver: Member; id: string }> = {} as never;
    const keep = async (key: keyof typeof secret, giver: Member, receiver: Member, extra = {}) => {
      const given = await giveFeedback(giver, {
        toId: receiver.id,
        body: `In confidence: ${secret[key]}`,
        visibility: "private",
        ...extra,
      });
      hidden[key] = { giver, receiver, id: given.id };
    };
    await keep("thanks", w.peer, rae, { taskId: task.id });
    await keep("fromManager", mo, rae);
    const ownAsk = await askForFeedback(rae, {
      aboutId: rae.id,
      fromIds: [w.self.id],
      question: "How am I doing?",
    });
    await keep("answer", w.self, rae, { requestId: ownAsk.id });
    await keep("toManager", rae, mo);

    // Previews, then the digests of Monday and Tuesday: composed, queued and written out.
    for (const person of [rae, mo]) {
      await places.read(`${person.name}'s digest preview`, person, "/api/v1/me/digest/preview", [
        "/feedback",
      ]);
    }
    for (const at of ["2027-03-01T07:59:00.000Z", "2027-03-01T08:00:20.000Z"]) {
      h.clock.set(at);
      await runDigests(h.ctx);
    }
    await deliverMail(h.ctx);

    // The inboxes as read, and every inbox entry as stored.
    for (const person of [rae, mo, w.peer, w.branch, w.self, w.grand, w.owner, w.admin]) {
      await places.read(`${person.name}'s inbox`, person, "/api/v1/inbox?limit=200");
    }
    const entries = await h.ctx.db.selectFrom("inbox_entry").selectAll().execute();
    places.add("every inbox entry as stored", entries, [shown.title, hidden.thanks.id]);

    // What Rae's managers read of Rae: the shared feedback, and 404 for the rest.
    for (const above of [mo, w.grand, w.owner]) {
      await places.read(
        `${above.name}'s list of Rae's feedback`,
        above,
        `/api/v1/feedback?personId=${rae.id}`,
        [shown.shared, shown.answer],
      );
      await places.read(
        `${above.name}'s view of the shared feedback`,
        above,
        `/api/v1/feedback/${shared.id}`,
      );
      for (const [key, { id }] of Object.entries(hidden)) {
        if (
          hidden[key as keyof typeof secret].giver === above ||
          hidden[key as keyof typeof secret].receiver === above
        )
          continue;
        const answer = await above.client.get(`/api/v1/feedback/${id}`);
        expectProblem(answer, 404);
        places.add(`${above.name}'s 404 for ${key}`, answer.body);
      }
    }
    await places.read(
      "Mo's view of their request, answered",
      mo,
      `/api/v1/feedback/requests/${managersAsk.id}`,
      [shown.question],
    );
    await places.read("Bo's requests received", w.branch, "/api/v1/feedback/requests", [shown.question]);
    await places.read("Sam's feedback received", w.self, "/api/v1/feedback", []);

    // Rae's record and packets as read by Mo and Grace.
    for (const [where, reader] of [
      ["Rae's record as Mo", mo],
      ["Rae's record as Grace", w.grand],
    ] as const) {
      await places.read(where, reader, `/api/v1/people/${rae.id}/record`, [shown.title]);
      for (const format of ["csv", "md"]) {
        const packet = await download(h, reader, `/api/v1/people/${rae.id}/record/packet?format=${format}`);
        places.add(`${where}, ${format} packet`, packet.toString("utf8"), [shown.title]);
      }
      const pdf = await download(h, reader, `/api/v1/people/${rae.id}/record/packet?format=pdf`);
      const pages = await pdfPages(new Uint8Array(pdf));
      places.add(`${where}, PDF packet`, pages.map((page) => page.text).join(" "), [shown.title]);
    }

    // What owners and admins read: the audit log and the outbox (Rae's and Mo's digests among it).
    for (const [as, reader] of [
      ["the owner", w.owner],
      ["an admin", w.admin],
    ] as const) {
      await places.read(`the audit log as ${as}`, reader, "/api/v1/audit?limit=200");
      const outbox = await places.read(`the outbox as ${as}`, reader, "/api/v1/outbox?limit=200", [
        shown.title,
      ]);
      const digests = (outbox.body.items as { kind: string; personId: string | null }[]).filter(
        (mail) => mail.kind === "digest",
      );
      expect(digests.map((mail) => mail.personId)).toEqual(expect.arrayContaining([rae.id, mo.id]));
    }
    places.add(
      "every queued mail as stored",
      await h.ctx.db.selectFrom("outbound_mail").selectAll().execute(),
      [shown.title],
    );
    places.add("the audit log as stored", await h.ctx.db.selectFrom("audit_event").selectAll().execute());
    const outboxDir = join(h.dataDir, "outbox");
    const sent = readdirSync(outboxDir).map((name) => decoded(readFileSync(join(outboxDir, name), "utf8")));
    places.add("the e-mails sent", sent.join("\n"), [shown.title, "/feedback"]);
    await places.read("the OpenAPI document", { client: w.anonymous }, "/api/openapi.json", [
      "/api/v1/feedback",
    ]);

    bus.stop();
    places.add("the live events published", bus.events);

    expect(places.count).toBeGreaterThan(30);
    for (const [whose, text] of Object.entries(secret)) {
      expect(places.holding(text), `the private feedback "${whose}" was shown`).toEqual([]);
    }
    // Each is still there, for its giver and its receiver.
    for (const [key, { giver, receiver, id }] of Object.entries(hidden)) {
      for (const reader of [giver, receiver]) {
        expect((await feedbackOf(reader, id)).body).toContain(secret[key as keyof typeof secret]);
      }
    }
    // Rae's digest told of the feedback and the task it was about, never of what it said.
    expect(sent.some((mail) => mail.includes(`Pat Peer gave you feedback about “Ship ${shown.title}”`))).toBe(
      true,
    );
    expect(
      sent.some((mail) => mail.includes("Bo Branch answered your request for feedback about Rae Report")),
    ).toBe(true);
    expect(answered.requestId).toBe(managersAsk.id);
  });
});

describe.each(dialects)("the feedback store on %s", (dialect) => {
  const h = useHarness(dialect);

  it("answers each reader exactly the feedback core/access.ts lets them read, one by one and a page at a time", async () => {
    h.clock.set(monday);
    const w = await standardOrganization(h.app);
    const organizationId = w.owner.organizationId;
    const people: [Member, Role, string][] = [
      [w.owner, "owner", organizationId],
      [w.admin, "admin", organizationId],
      [w.grand, "member", organizationId],
      [w.manager, "member", organizationId],
      [w.self, "member", organizationId],
      [w.peer, "member", organizationId],
      [w.branchLead, "member", organizationId],
      [w.branch, "member", organizationId],
      [w.outsider, "owner", w.outsider.organizationId],
    ];
    const pairs: [Member, Member][] = [
      [w.peer, w.self],
      [w.self, w.peer],
      [w.branch, w.manager],
      [w.self, w.branch],
      [w.owner, w.grand],
      [w.grand, w.owner],
      [w.admin, w.branchLead],
    ];
    const given: { feedback: Feedback; subject: FeedbackSubject }[] = [];
    for (const [from, to] of pairs) {
      for (const visibility of ["private", "with_manager"] as const) {
        const feedback = await giveFeedback(from, { toId: to.id, body: `From ${from.name}`, visibility });
        const receiverChain = await chainAbove(h.ctx.db, to.id);
        given.push({
          feedback,
          subject: { organizationId, fromId: from.id, toId: to.id, visibility, receiverChain },
        });
      }
    }
    let allowed = 0;
    for (const [reader, role, readerOrganization] of people) {
      const actor = { id: reader.id, organizationId: readerOrganization, role };
      const store = { id: reader.id, organizationId: readerOrganization };
      const readable = given.filter(
        ({ subject }) => decide(actor, { kind: "feedback.read", feedback: subject }) === "allow",
      );
      allowed += readable.length;
      for (const { feedback, subject } of given) {
        const expected = readable.some((one) => one.feedback.id === feedback.id);
        const row = await readableFeedback(h.ctx.db, store, feedback.id);
        expect(
          row !== undefined,
          `${reader.name} reading ${subject.visibility} feedback to ${subject.toId}`,
        ).toBe(expected);
      }
      for (const [, to] of pairs) {
        const page = await readableFeedbackPage(h.ctx.db, store, { toId: to.id, limit: 100 });
        const expected = readable
          .filter(({ subject }) => subject.toId === to.id)
          .map(({ feedback }) => feedback.id);
        expect(page.map((row) => row.id).sort(), `${reader.name} reading feedback to ${to.name}`).toEqual(
          expected.sort(),
        );
      }
    }
    // The table is not trivially all or nothing.
    expect(allowed).toBeGreaterThan(given.length);
    expect(allowed).toBeLessThan(given.length * people.length);
  });
});

describe("the feedback table", () => {
  /** Where feedback may be named: the one store that reads it, and the migration that made it. */
  const allowed = ["feedback/store.ts", "db/migrations/010-goals-and-feedback.ts"];
  /** The database type declares the table's row (it reads nothing): that one line, and no other. */
  const declaration = { file: "db/schema.ts", line: /^\s*feedback: FeedbackTable;$/ };
  /**
   * A line that names the table: as a quoted name (`"feedback"`, `"feedback as f"`, a column
   * `"feedback.to_id"`) or after an SQL keyword. Inbox kinds and access actions (`"feedback.received"`,
   * `"feedback.read"`) and other tables (`feedback_request`) are not the table.
   */
  const namesTable = (text: string) =>
    /["'`]feedback(["'`]|\s+as\s|\.(?!(received|requested|answered|give|read)?["'`]))/.test(text) ||
    /\b(from|join|into|update|table)\s+["`]?feedback\b(?!_)/.test(text);

  it("is told apart from its neighbours' names", () => {
    for (const naming of [
      `.selectFrom("feedback")`,
      `.selectFrom("feedback as f")`,
      `.where("feedback.to_id", "=", id)`,
      "sql`select body from feedback where id = ?`",
      `left join feedback on feedback.id = e.feedback_id`,
      `db.insertInto('feedback')`,
    ]) {
      expect(namesTable(naming), naming).toBe(true);
    }
    for (const other of [
      `kind: "feedback.received"`,
      `{ kind: "feedback.read", feedback }`,
      `kind.startsWith("feedback.")`,
      `.selectFrom("feedback_request")`,
      `feedback_id: row.feedback_id`,
      "// Feedback received reaches people through the inbox",
    ]) {
      expect(namesTable(other), other).toBe(false);
    }
  });

  it("is named by no server file but its store and its migration, so no route, mail or export reads it elsewhere", () => {
    const root = fileURLToPath(new URL("../src/server/", import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((path) =>
      statSync(join(root, path)).isFile(),
    );
    const linesOf = (path: string) =>
      readFileSync(join(root, path), "utf8")
        .split("\n")
        .map((text, index) => ({ path, line: index + 1, text }));
    expect(linesOf(allowed[0] as string).some(({ text }) => namesTable(text))).toBe(true);
    const naming = files
      .filter((path) => !allowed.includes(path))
      .flatMap((path) =>
        linesOf(path)
          .filter(({ text }) => namesTable(text))
          .filter(({ text }) => !(path === declaration.file && declaration.line.test(text)))
          .map(({ path: file, line, text }) => `${file}:${line}: ${text.trim()}`),
      );
    expect(naming).toEqual([]);
  });
});
