import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runDigests } from "../src/server/digests/run";
import { deliverMail } from "../src/server/mail/outbound";
import type { Client } from "./support/client";
import { dialects } from "./support/databases";
import { EventStream } from "./support/event-stream";
import { invite, type Member, standardOrganization } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  addActionItem,
  addPoints,
  changeMeeting,
  changePoint,
  type Meeting,
  meetingOf,
  nextMeetingOf,
  seriesOf,
  setUpOneOnOne,
} from "./support/one-on-ones";
import { pdfPages } from "./support/pdf-text";
import {
  BusLog,
  download,
  marker,
  noteOf,
  privateNoteRows,
  putNote,
  readNote,
  Sightings,
  writeNote,
} from "./support/private-notes";
import { decoded } from "./support/smtp";
import { acceptTask, addTask, changeTask, expectProblem, taskOf } from "./support/tasks";

/** Monday 1 February 2027, 05:00 UTC. */
const monday = "2027-02-01T05:00:00.000Z";

describe.each(dialects)("private notes on %s", (dialect) => {
  const h = useHarness(dialect);
  let w: Awaited<ReturnType<typeof standardOrganization>>;

  beforeAll(async () => {
    h.clock.set(monday);
    w = await standardOrganization(h.app);
    await h.app.listen({ port: 0, host: "127.0.0.1" });
  });

  /** Everyone of `w` but `pair`, as [name, client]: none of them may read or write the pair's notes. */
  const everyoneBut = (...pair: Member[]): [string, { client: Client }][] =>
    (
      [
        ["owner", w.owner],
        ["admin", w.admin],
        ["grand", w.grand],
        ["manager", w.manager],
        ["self", w.self],
        ["peer", w.peer],
        ["branch", w.branch],
        ["outsider", w.outsider],
      ] as [string, Member][]
    ).filter(([, member]) => !pair.some((one) => one.id === member.id));

  /** Expects `as` to get 404 for the note, with none of `texts` in the answer. */
  async function expectHidden(who: string, as: { client: Client }, meetingId: string, texts: string[]) {
    const answer = await noteOf(as, meetingId);
    expectProblem(answer, 404);
    for (const text of texts) expect(JSON.stringify(answer.body), who).not.toContain(text);
  }

  it("is read by its author alone: 404 until written, then their own text, and 404 to everyone else", async () => {
    h.clock.set("2027-02-01T05:00:00.000Z");
    // Sam Self and their manager: the report's note is not the manager's to read.
    const series = await setUpOneOnOne(w.manager, w.self.id);
    const meeting = await nextMeetingOf(w.self, series);
    await expectHidden("self before writing", w.self, meeting.id, []);
    await expectHidden("manager before writing", w.manager, meeting.id, []);

    const samText = `# Before we meet\n\nAsk about the promotion: ${marker("samsnote")}`;
    const written = await writeNote(w.self, meeting.id, samText);
    expect(written).toEqual({ text: samText, updatedAt: "2027-02-01T05:00:00.000Z" });
    expect(await readNote(w.self, meeting.id)).toEqual(written);
    await expectHidden("the other participant, who wrote none", w.manager, meeting.id, [samText]);

    // The manager writes their own: each of the pair reads their own, never the other's.
    h.clock.set("2027-02-01T05:01:00.000Z");
    const mannyText = `Sam seems tired ${marker("mannysnote")}`;
    const mannys = await writeNote(w.manager, meeting.id, mannyText);
    expect(await readNote(w.manager, meeting.id)).toEqual(mannys);
    expect(await readNote(w.self, meeting.id)).toEqual(written);

    // Writing again replaces the author's own note, and only theirs.
    h.clock.set("2027-02-01T05:02:00.000Z");
    const samAgain = `${samText}\n\nAnd the training budget.`;
    expect(await writeNote(w.self, meeting.id, samAgain)).toEqual({
      text: samAgain,
      updatedAt: "2027-02-01T05:02:00.000Z",
    });
    expect(await readNote(w.self, meeting.id)).toMatchObject({ text: samAgain });
    expect(await readNote(w.manager, meeting.id)).toEqual(mannys);

    // Owners, admins, the manager's manager, colleagues, another organization: 404. Signed out: 401.
    for (const [who, as] of everyoneBut(w.self, w.manager)) {
      await expectHidden(who, as, meeting.id, [samAgain, mannyText]);
    }
    const anonymous = await noteOf({ client: w.anonymous }, meeting.id);
    expectProblem(anonymous, 401);

    // Two peers: the author's manager, who is not in it, does not read the note either.
    const peers = await setUpOneOnOne(w.self, w.peer.id);
    const peersMeeting = await nextMeetingOf(w.peer, peers);
    const patText = `Sam keeps interrupting ${marker("patsnote")}`;
    await writeNote(w.peer, peersMeeting.id, patText);
    expect(await readNote(w.peer, peersMeeting.id)).toMatchObject({ text: patText });
    await expectHidden("the other peer", w.self, peersMeeting.id, [patText]);
    for (const [who, as] of everyoneBut(w.self, w.peer)) {
      await expectHidden(who, as, peersMeeting.id, [patText]);
    }
    // Sam's note on the other meeting is not Sam's note on this one.
    expect(JSON.stringify((await noteOf(w.self, peersMeeting.id)).body)).not.toContain(samAgain);
  });

  it("appears nowhere else an API reader could look", async () => {
    h.clock.set("2027-02-01T05:30:00.000Z");
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
    const streams = new Map<Member, EventStream>();
    for (const person of [mo, rae, w.owner, w.admin, w.grand]) {
      streams.set(person, await EventStream.open(h.app, person.client.credentials.cookie ?? ""));
    }

    // What the pair shares, each a text known to show where it belongs…
    const shown = {
      point: marker("pointshown"),
      notes: marker("notesshown"),
      forRae: marker("forraeshown"),
      forMo: marker("formoshown"),
      title: marker("titleshown"),
    };
    const series = await setUpOneOnOne(mo, rae.id);
    const first = await nextMeetingOf(mo, series);
    const points = await addPoints(rae, first.id, [`Career: ${shown.point}`, "Holidays"]);
    const raesPoint = points[0]?.id ?? "";
    places.add("a talking point as added", points, [shown.point]);
    const withNotes = await changeMeeting(mo, first, { sharedNotes: `## Agreed\n\n${shown.notes}` });
    places.add("the meeting as its shared notes were saved", withNotes, [shown.notes]);
    const forRae = await addActionItem(mo, first.id, { title: `Draft ${shown.forRae}`, ownerId: rae.id });
    const forMo = await addActionItem(rae, first.id, { title: `Sign ${shown.forMo}`, ownerId: mo.id });
    expect([forRae.state, forMo.state]).toEqual(["open", "triage"]);

    // …and what each keeps to themselves.
    const secret = {
      rae: marker("raesecret"),
      mo: marker("mosecret"),
      raeLater: marker("raelatersecret"),
      owner: marker("ownersecret"),
    };
    await writeNote(rae, first.id, `Ask for the lead role. ${secret.rae}`);
    await writeNote(mo, first.id, `Rae is ready for more.\n\n${secret.mo}`);
    places.add("a talking point as moved", await changePoint(mo, raesPoint, { placement: "bottom" }), [
      shown.point,
    ]);

    // The digests of Monday and of Tuesday (the one before the meeting) are composed and queued.
    const tick = async (at: string) => {
      h.clock.set(at);
      await runDigests(h.ctx);
    };
    for (const person of [rae, mo]) {
      await places.read(`${person.name}'s digest preview on Monday`, person, "/api/v1/me/digest/preview", [
        person === rae ? shown.forRae : shown.forMo,
      ]);
    }
    await tick("2027-02-01T07:59:00.000Z");
    await tick("2027-02-01T08:00:20.000Z");
    await tick("2027-02-02T07:59:00.000Z");
    await tick("2027-02-02T08:00:20.000Z");

    // The meeting is held: the point not discussed moves on, the action items get done.
    h.clock.set("2027-02-02T10:40:00.000Z");
    const held = await changeMeeting(rae, await meetingOf(rae, first.id), { state: "held" });
    places.add("the meeting as marked held", held, [shown.notes]);
    await changeTask(rae, await taskOf(rae, forRae.id), { state: "done" });
    const accepted = await acceptTask(mo, forMo.id, { placement: "top" });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    await changeTask(mo, await taskOf(mo, forMo.id), { state: "done" });
    const afterHeld = await seriesOf(rae, series.id);
    const second = await nextMeetingOf(rae, afterHeld);
    await writeNote(rae, second.id, `Follow up on the lead role ${secret.raeLater}`);
    await changeMeeting(mo, second, { sharedNotes: "Mo was first" });
    const stale = await rae.client.patch(`/api/v1/meetings/${second.id}`, {
      version: second.version,
      sharedNotes: "Overtaken",
    });
    expectProblem(stale, 409);
    places.add("a version conflict's current meeting", stale.body, [second.id]);

    // An owner in a one-on-one of their own writes a note; the owner also changes a title (audited).
    const ownersSeries = await setUpOneOnOne(w.owner, w.grand.id);
    await writeNote(w.owner, (await nextMeetingOf(w.owner, ownersSeries)).id, `Grace: ${secret.owner}`);
    const titled = await w.owner.client.patch(`/api/v1/people/${rae.id}`, { title: `Lead ${shown.title}` });
    expect(titled.status, JSON.stringify(titled.body)).toBe(200);

    h.clock.set("2027-02-02T11:00:00.000Z");
    for (const person of [rae, mo]) {
      await places.read(
        `${person.name}'s digest preview after the meeting`,
        person,
        "/api/v1/me/digest/preview",
      );
    }
    await tick("2027-02-03T07:59:00.000Z");
    await tick("2027-02-03T08:00:20.000Z");
    await deliverMail(h.ctx);

    // Everything the pair reads about their one-on-one.
    for (const person of [rae, mo]) {
      const as = person.name;
      await places.read(`${as}'s list of one-on-ones`, person, "/api/v1/one-on-ones", [series.id]);
      await places.read(`${as}'s series`, person, `/api/v1/one-on-ones/${series.id}`, [second.id]);
      await places.read(`${as}'s upcoming meetings`, person, `/api/v1/one-on-ones/${series.id}/meetings`, [
        shown.point,
      ]);
      await places.read(
        `${as}'s past meetings`,
        person,
        `/api/v1/one-on-ones/${series.id}/meetings?when=past`,
        [shown.notes, shown.forRae],
      );
      await places.read(`${as}'s held meeting`, person, `/api/v1/meetings/${first.id}`, [
        shown.notes,
        shown.forMo,
      ]);
      await places.read(`${as}'s next meeting`, person, `/api/v1/meetings/${second.id}`, [shown.point]);
      await places.read(`${as}'s inbox`, person, "/api/v1/inbox?limit=200");
      await places.read(`${as}'s /me`, person, "/api/v1/me", [person.id]);
    }
    // Plates, tasks and their histories, the team view.
    for (const [as, reader] of [
      ["Mo", mo],
      ["Rae", rae],
    ] as const) {
      for (const state of ["open", "triage", "done", "dropped"]) {
        await places.read(
          `${as}'s view of Rae's ${state} plate`,
          reader,
          `/api/v1/people/${rae.id}/tasks?state=${state}`,
        );
      }
      for (const task of [forRae, forMo]) {
        await places.read(`${as}'s view of an action item`, reader, `/api/v1/tasks/${task.id}`, [task.title]);
        await places.read(
          `${as}'s view of an action item's history`,
          reader,
          `/api/v1/tasks/${task.id}/history`,
        );
      }
    }
    await places.read("Mo's done plate", mo, `/api/v1/people/${mo.id}/tasks?state=done`, [shown.forMo]);
    await places.read("Mo's team", mo, `/api/v1/people/${mo.id}/team`, [rae.id]);
    await places.read("Grace's team", w.grand, `/api/v1/people/${w.grand.id}/team`, [mo.id]);

    // Records and review packets of both people, as themselves and as their managers.
    const readers: [string, Member, Member][] = [
      ["Rae's record as Rae", rae, rae],
      ["Rae's record as Mo", mo, rae],
      ["Mo's record as Mo", mo, mo],
      ["Mo's record as Grace", w.grand, mo],
    ];
    for (const [where, reader, person] of readers) {
      const done = person === rae ? shown.forRae : shown.forMo;
      await places.read(where, reader, `/api/v1/people/${person.id}/record`, [done]);
      for (const format of ["csv", "md"]) {
        const packet = await download(
          h,
          reader,
          `/api/v1/people/${person.id}/record/packet?format=${format}`,
        );
        places.add(`${where}, ${format} packet`, packet.toString("utf8"), [done]);
      }
      const pdf = await download(h, reader, `/api/v1/people/${person.id}/record/packet?format=pdf`);
      const pages = await pdfPages(new Uint8Array(pdf));
      places.add(`${where}, PDF packet`, pages.map((page) => page.text).join(" "), [done]);
    }
    await places.read("Mo's team record", mo, `/api/v1/people/${mo.id}/team/record`, [rae.id]);

    // What owners and admins read: the audit log and the outbox, with the digests queued above.
    for (const [as, reader] of [
      ["the owner", w.owner],
      ["an admin", w.admin],
    ] as const) {
      await places.read(`the audit log as ${as}`, reader, "/api/v1/audit?limit=200", [shown.title]);
      const outbox = await places.read(`the outbox as ${as}`, reader, "/api/v1/outbox?limit=200", [
        shown.forRae,
        shown.forMo,
      ]);
      const digests = (outbox.body.items as { kind: string; personId: string | null }[]).filter(
        (mail) => mail.kind === "digest",
      );
      expect(digests.filter((mail) => mail.personId === rae.id).length).toBeGreaterThanOrEqual(2);
      expect(digests.filter((mail) => mail.personId === mo.id).length).toBeGreaterThanOrEqual(2);
    }
    // The messages as sent (without SMTP, files in the data directory's outbox).
    const outboxDir = join(h.dataDir, "outbox");
    const sent = readdirSync(outboxDir).map((name) => decoded(readFileSync(join(outboxDir, name), "utf8")));
    places.add("the e-mails sent", sent.join("\n"), [shown.forRae, shown.forMo]);

    // The API's own description.
    await places.read("the OpenAPI document", { client: w.anonymous }, "/api/openapi.json", [
      "/api/v1/meetings/{id}/private-note",
    ]);

    // Live events: each stream, and the bus under them all, up to a last change of each listener's own.
    for (const [person, stream] of streams) {
      const own = await addTask(person, person.id, { title: "The last change" });
      await stream.next((event) => event.event === "task.changed" && event.data.taskId === own.id);
      await bus.until((event) => event.kind === "task.changed" && event.taskId === own.id);
      places.add(`${person.name}'s event stream`, stream.events, person === rae ? [first.id] : []);
      stream.close();
    }
    bus.stop();
    places.add("the live events published", bus.events, [first.id, second.id]);

    expect(places.count).toBeGreaterThan(50);
    for (const [whose, text] of Object.entries(secret)) {
      expect(places.holding(text), `${whose}'s private note was shown`).toEqual([]);
    }
    // The notes themselves are still there, for their authors.
    expect((await readNote(rae, first.id)).text).toContain(secret.rae);
    expect((await readNote(mo, first.id)).text).toContain(secret.mo);
    expect((await readNote(rae, second.id)).text).toContain(secret.raeLater);
  });

  it("refuses a note over 20,000 characters or with control characters, and writes nothing", async () => {
    h.clock.set("2027-02-03T09:00:00.000Z");
    const series = await setUpOneOnOne(w.manager, w.peer.id);
    const meeting = await nextMeetingOf(w.peer, series);
    const before = await privateNoteRows(h);

    const refused = async (body: unknown, ...paths: string[]) => {
      expectProblem(await putNote(w.peer, meeting.id, body), 400, ...paths);
      expect(await privateNoteRows(h)).toEqual(before);
    };
    await refused({ text: "x".repeat(20_001) }, "text");
    for (const control of ["\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u2028"]) {
      await refused({ text: `Before${control}after` }, "text");
    }
    await refused({}, "text");
    await refused({ text: 42 }, "text");
    await refused({ text: "Fine", authorId: w.manager.id });
    await expectHidden("the author, after nothing was written", w.peer, meeting.id, []);

    // At the limit, with line breaks and tabs: written (Windows line ends become \n).
    const longest = await writeNote(w.peer, meeting.id, "y".repeat(20_000));
    expect(longest.text).toHaveLength(20_000);
    const lines = await writeNote(w.peer, meeting.id, "First\r\n\tindented\nlast");
    expect(lines.text).toBe("First\n\tindented\nlast");
    const written = await privateNoteRows(h);
    for (const control of ["\u0000", "\u001b"]) {
      expectProblem(await putNote(w.peer, meeting.id, { text: `Over${control}written` }), 400, "text");
    }
    expectProblem(await putNote(w.peer, meeting.id, { text: "z".repeat(20_001) }), 400, "text");
    expect(await privateNoteRows(h)).toEqual(written);
    expect(await readNote(w.peer, meeting.id)).toEqual(lines);
  });

  it("is written by the two people of the meeting only: anyone else gets 404 and writes nothing", async () => {
    h.clock.set("2027-02-03T10:00:00.000Z");
    const series = await setUpOneOnOne(w.branchLead, w.branch.id);
    const meeting = await nextMeetingOf(w.branch, series);
    const before = await privateNoteRows(h);
    for (const [who, as] of everyoneBut(w.branch)) {
      const answer = await putNote(as, meeting.id, { text: `Written by ${who}` });
      expectProblem(answer, 404);
      expect(await privateNoteRows(h), who).toEqual(before);
    }
    expectProblem(await putNote({ client: w.anonymous }, meeting.id, { text: "Signed out" }), 401);
    expectProblem(await putNote(w.branch, "00000000-0000-4000-8000-000000000000", { text: "Nowhere" }), 404);
    expect(await privateNoteRows(h)).toEqual(before);
    // Nobody else's attempt left anything behind for the pair either.
    await expectHidden("the lead", w.branchLead, meeting.id, []);
    await expectHidden("the report", w.branch, meeting.id, []);
  });

  it("skips the meetings ahead when a series ends, deleting nothing: a note stays its author's and shows on nothing", async () => {
    h.clock.set("2027-02-03T11:00:00.000Z");
    const noted = await setUpOneOnOne(w.grand, w.manager.id);
    const notedMeeting = await nextMeetingOf(w.manager, noted);
    const note = await writeNote(w.manager, notedMeeting.id, "Keep this for the review");
    const empty = await setUpOneOnOne(w.grand, w.peer.id);
    for (const series of [noted, empty]) {
      const ended = await w.grand.client.patch(`/api/v1/one-on-ones/${series.id}`, { ended: true });
      expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    }
    // Both meetings are skipped alike: the one with a note cannot be told from the one without.
    const skipped = [
      await meetingOf(w.grand, notedMeeting.id),
      await meetingOf(w.grand, empty.nextMeeting?.id ?? ""),
    ];
    const shape = ({ state, talkingPoints, sharedNotes, actionItems, version }: Meeting) => ({
      state,
      talkingPoints,
      sharedNotes,
      actionItems,
      version,
    });
    expect(skipped.map((one) => one.state)).toEqual(["skipped", "skipped"]);
    expect(shape(skipped[0] as Meeting)).toEqual(shape(skipped[1] as Meeting));
    expect(await readNote(w.manager, notedMeeting.id)).toEqual(note);
    await expectHidden("the other of the pair", w.grand, notedMeeting.id, [note.text]);
  });
});

describe("the private_note table", () => {
  /** Where a private note may be named: the one store that reads it, and the migration that made it. */
  const allowed = ["one-on-ones/private-note-store.ts", "db/migrations/009-one-on-ones.ts"];
  /** The database type declares the table's row (it reads nothing): that one line, and no other. */
  const declaration = { file: "db/schema.ts", line: /^\s*private_note: PrivateNoteTable;$/ };

  it("is named by no server file but its store and its migration, so no route can read it elsewhere", () => {
    const root = fileURLToPath(new URL("../src/server/", import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((path) =>
      statSync(join(root, path)).isFile(),
    );
    expect(files).toContain(allowed[0]);
    const naming = files
      .filter((path) => !allowed.includes(path))
      .flatMap((path) =>
        readFileSync(join(root, path), "utf8")
          .split("\n")
          .map((text, index) => ({ path, line: index + 1, text }))
          .filter(({ text }) => /private_note/i.test(text))
          .filter(({ text }) => !(path === declaration.file && declaration.line.test(text)))
          .map(({ path: file, line, text }) => `${file}:${line}: ${text.trim()}`),
      );
    expect(naming).toEqual([]);
  });
});
