import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "./support/client";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import { cancelRequest, sendRequest, taskIdOf } from "./support/requests";
import { secondInstance } from "./support/second-instance";
import {
  acceptTask,
  addTask,
  addTasks,
  type Caller,
  changeTask,
  declineTask,
  moveTask,
  type Plate,
  setTimeZone,
  type Task,
  type TeamMember,
} from "./support/tasks";

/** GETs `path` as `as`, sending `tag` (when given) in If-None-Match. */
const read = <T = Plate>(as: Caller, path: string, tag?: string) =>
  as.client.request<T>("GET", path, undefined, tag === undefined ? {} : { "if-none-match": tag });

/** The tag of a fresh read of `path`, expecting 200. */
async function tagOf(as: Caller, path: string): Promise<string> {
  const answer = await read(as, path);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.headers.etag).toMatch(/^W\/"[0-9a-z]+\.[A-Za-z0-9_-]{22}"$/);
  return String(answer.headers.etag);
}

/** Sends `sent` back: 304 with the tag it names and no body while unchanged. */
async function expectUnchanged(as: Caller, path: string, sent: string, tag = sent): Promise<void> {
  const answer = await read(as, path, sent);
  expect(answer.status, JSON.stringify(answer.body)).toBe(304);
  expect(answer.headers.etag).toBe(tag);
  expect(answer.body).toBe("");
}

/** Sends `tag` back after a change: the whole answer again, under another tag. */
async function expectChanged<T = Plate>(
  as: Caller,
  path: string,
  tag: string,
  after = "the change",
): Promise<Answer<T>> {
  const answer = await read<T>(as, path, tag);
  expect(answer.status, `after ${after}: ${JSON.stringify(answer.body)}`).toBe(200);
  expect(answer.headers.etag, `after ${after}`).not.toBe(tag);
  return answer;
}

const plate = (ownerId: string, query = "") => `/api/v1/people/${ownerId}/tasks${query}`;
const team = (managerId: string) => `/api/v1/people/${managerId}/team`;

describe.each(dialects)("conditional reads on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member;
  let manny: Member;
  let peer: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
    manny = await invite(h.app, owner, "Manny Manager", { managerId: owner.id });
    peer = await invite(h.app, owner, "Pete Peer", { managerId: owner.id });
  });

  const report = (name: string) => invite(h.app, owner, name, { managerId: manny.id });

  it("answers 304 with no body while a plate is unchanged, to the owner and their chain alike", async () => {
    const rita = await report("Rita Report");
    await addTasks(rita, rita.id, ["One", "Two"]);
    const tag = await tagOf(rita, plate(rita.id));
    await expectUnchanged(rita, plate(rita.id), tag);
    await expectUnchanged(manny, plate(rita.id), tag);
    // Another plate's writes leave this one's tag standing.
    await addTask(peer, peer.id, { title: "Elsewhere" });
    await expectUnchanged(rita, plate(rita.id), tag);
    // Each state and query of the plate has a tag of its own.
    const triage = await tagOf(rita, plate(rita.id, "?state=triage"));
    expect(triage).not.toBe(tag);
    await expectUnchanged(rita, plate(rita.id, "?state=triage"), triage);
    const answer = await read(rita, plate(rita.id, "?state=triage"), tag);
    expect(answer.status).toBe(200);
  });

  it("changes the tag with every kind of write to the plate", async () => {
    const rita = await report("Rita Changes");
    const [first, second] = await addTasks(rita, rita.id, ["First", "Second"]);
    const writes: [string, () => Promise<unknown>][] = [
      ["add", () => addTask(manny, rita.id, { title: "Third" })],
      ["move", async () => expect((await moveTask(rita, second.id, { placement: "top" })).status).toBe(200)],
      ["retitle", () => changeTask(rita, first, { title: "First, renamed" })],
      ["due", async () => changeTask(rita, await current(rita, first.id), { due: { date: "2031-01-10" } })],
      ["start", async () => changeTask(rita, await current(rita, second.id), { state: "in_progress" })],
      ["complete", async () => changeTask(rita, await current(rita, second.id), { state: "done" })],
      ["reopen", async () => changeTask(rita, await current(rita, second.id), { state: "open" })],
      ["urgent", () => addTask(manny, rita.id, { title: "Now please", urgent: true })],
      ["ask into triage", () => addTask(peer, rita.id, { title: "Could you?" })],
      ["accept", async () => acceptTask(rita, await triaged(rita, "Could you?"), { placement: "bottom" })],
      ["ask again", () => addTask(peer, rita.id, { title: "And this?" })],
      ["decline", async () => declineTask(rita, await triaged(rita, "And this?"), { reason: "Not mine" })],
      [
        "drop",
        async () => changeTask(rita, await current(rita, first.id), { state: "dropped", dropReason: "Gone" }),
      ],
      ["zone", () => setTimeZone(rita, "Asia/Tokyo")],
    ];
    for (const query of ["", "?state=all"]) {
      const path = plate(rita.id, query);
      let tag = await tagOf(rita, path);
      // The whole plate (`all`) again after an add, a move and an ask into triage.
      for (const [kind, write] of query === ""
        ? writes
        : [0, 1, 8].map((index) => writes[index] as (typeof writes)[0])) {
        await write();
        const answer = await expectChanged(rita, path, tag, kind);
        tag = String(answer.headers.etag);
        await expectUnchanged(rita, path, tag);
      }
    }
  });

  it("changes the tag when a task falls due or the owner's week ends, with no write at all", async () => {
    const rita = await report("Rita Clock");
    await setTimeZone(rita, "UTC");
    const soon = new Date(h.clock.now().getTime() + 60 * 60 * 1000).toISOString();
    await addTask(rita, rita.id, { title: "Due in an hour", due: { at: soon } });
    const path = plate(rita.id);
    const tag = await tagOf(rita, path);
    h.clock.advance(59 * 60 * 1000);
    await expectUnchanged(rita, path, tag);
    h.clock.advance(60 * 1000);
    const after = await expectChanged(rita, path, tag);
    expect(after.body.items[0]?.overdue).toBe(true);
    expect(after.body.load.overdue).toBe(1);
    // Nothing more falls due: the next moment is the end of Rita's week.
    const weekTag = String(after.headers.etag);
    h.clock.advance(7 * 24 * 60 * 60 * 1000);
    await expectChanged(rita, path, weekTag);
  });

  it("never answers 304 to someone who may not see the plate, whatever they send", async () => {
    const rita = await report("Rita Private");
    const tag = await tagOf(rita, plate(rita.id));
    const answer = await read(peer, plate(rita.id), tag);
    expect(answer.status).toBe(404);
    expect((await read(peer, team(manny.id), tag)).status).toBe(404);
  });

  it("reads a plate again for tags it did not make", async () => {
    const rita = await report("Rita Odd Tags");
    const tag = await tagOf(rita, plate(rita.id));
    const past = `W/"${(h.clock.now().getTime() - 1).toString(36)}.${tag.slice(-23, -1)}"`;
    for (const sent of ["*", '"nonsense"', "W/", past, "x".repeat(5_000), `${tag.slice(0, -3)}zz"`]) {
      const answer = await read(rita, plate(rita.id), sent);
      expect(answer.status, sent.slice(0, 40)).toBe(200);
    }
    // A list of tags is looked at one by one.
    await expectUnchanged(rita, plate(rita.id), `"other", ${tag}`, tag);
  });

  it("gives the team view a tag that changes with each report's plate, name and zone, and with who reports", async () => {
    const lead = await invite(h.app, owner, "Lee Lead", { managerId: owner.id });
    const rita = await invite(h.app, owner, "Rita Team", { managerId: lead.id });
    const sam = await invite(h.app, owner, "Sam Team", { managerId: lead.id });
    await addTasks(rita, rita.id, ["R1", "R2", "R3", "R4"]);
    const path = team(lead.id);
    let tag = await tagOf(lead, path);
    await expectUnchanged(lead, path, tag);
    // The lead's own plate is not on the team view.
    await addTask(lead, lead.id, { title: "Mine" });
    await expectUnchanged(lead, path, tag);
    const changes: (() => Promise<unknown>)[] = [
      () => addTask(sam, sam.id, { title: "S1" }),
      () => owner.client.patch(`/api/v1/people/${sam.id}`, { title: "Staff engineer" }),
      () => setTimeZone(rita, "Pacific/Auckland"),
      () => invite(h.app, owner, "Nina New", { managerId: lead.id }),
      () => owner.client.patch(`/api/v1/people/${sam.id}`, { managerId: owner.id }),
    ];
    for (const change of changes) {
      await change();
      const answer = await expectChanged<{ items: TeamMember[] }>(lead, path, tag);
      tag = String(answer.headers.etag);
      await expectUnchanged(lead, path, tag);
    }
    const now = await read<{ items: TeamMember[] }>(lead, path);
    expect(now.body.items.map((member) => member.name)).toEqual(["Nina New", "Rita Team"]);
    expect(now.body.items[1]?.top.map((task) => task.title)).toEqual(["R1", "R2", "R3"]);
    expect(now.body.items[1]?.load.open).toBe(4);
  });

  it("tells a request sent and canceled in the tags of its assignees' plates", async () => {
    const rita = await report("Rita Requested");
    const path = plate(rita.id);
    let tag = await tagOf(rita, path);
    const request = await sendRequest(manny, { title: "Survey", assigneeIds: [rita.id] });
    tag = String((await expectChanged(rita, path, tag)).headers.etag);
    expect(taskIdOf(request, rita.id)).toBeTruthy();
    expect((await cancelRequest(manny, request.id, { reason: "Plans changed" })).status).toBe(200);
    await expectChanged(rita, path, tag);
  });

  async function current(as: Caller, id: string) {
    return (await read<Task>(as, `/api/v1/tasks/${id}`)).body;
  }

  async function triaged(as: Member, title: string): Promise<string> {
    const triage = await read(as, plate(as.id, "?state=triage"));
    const task = triage.body.items.find((item) => item.title === title);
    if (!task) throw new Error(`${title} is not in triage`);
    return task.id;
  }
});

describe("conditional reads across instances on postgres", () => {
  const h = useHarness("postgres");

  it("never answers 304 on one instance for a plate changed through another", async () => {
    const owner = await founder(h.app, "Olivia Owner");
    const rita = await invite(h.app, owner, "Rita Report", { managerId: owner.id });
    const second = await secondInstance(h.database.url);
    try {
      const elsewhere: Caller = { client: rita.client.on(second.app) };
      const path = plate(rita.id);
      await addTask(rita, rita.id, { title: "Before" });
      // Both instances make the same tag for the same plate.
      const tag = await tagOf(elsewhere, path);
      await expectUnchanged(rita, path, tag);
      for (let round = 0; round < 5; round++) {
        const added = await addTask(rita, rita.id, { title: `Added on the first, ${round}` });
        const answer = await expectChanged(elsewhere, path, tag);
        expect(answer.body.items.map((task) => task.id)).toContain(added.id);
        await expectUnchanged(elsewhere, path, String(answer.headers.etag));
      }
    } finally {
      await second.close();
    }
  });
});
