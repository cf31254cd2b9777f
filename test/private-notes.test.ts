import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "./support/client";
import { dialects } from "./support/databases";
import { type Member, standardOrganization } from "./support/factories";
import { useHarness } from "./support/harness";
import { type Meeting, meetingOf, nextMeetingOf, setUpOneOnOne } from "./support/one-on-ones";
import { marker, noteOf, privateNoteRows, putNote, readNote, writeNote } from "./support/private-notes";
import { expectProblem } from "./support/tasks";

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
