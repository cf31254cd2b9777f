import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runDigests } from "../src/server/digests/run";
import { deliverMail } from "../src/server/mail/outbound";
import { dialects } from "./support/databases";
import { EventStream } from "./support/event-stream";
import { invite, type Member, standardOrganization } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  addActionItem,
  addPoints,
  changeMeeting,
  changePoint,
  meetingOf,
  nextMeetingOf,
  seriesOf,
  setUpOneOnOne,
} from "./support/one-on-ones";
import { pdfPages } from "./support/pdf-text";
import { BusLog, download, marker, readNote, Sightings, writeNote } from "./support/private-notes";
import { decoded } from "./support/smtp";
import { acceptTask, addTask, changeTask, expectProblem, taskOf } from "./support/tasks";

/** Monday 1 February 2027, 05:00 UTC. */
const monday = "2027-02-01T05:00:00.000Z";

describe.each(dialects)("private notes stay out of everything else on %s", (dialect) => {
  const h = useHarness(dialect);
  let w: Awaited<ReturnType<typeof standardOrganization>>;

  beforeAll(async () => {
    h.clock.set(monday);
    w = await standardOrganization(h.app);
    await h.app.listen({ port: 0, host: "127.0.0.1" });
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
});
