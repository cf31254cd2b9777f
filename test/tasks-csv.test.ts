import { beforeAll, describe, expect, it } from "vitest";
import { csvRecords, exportCsv, importFile } from "./support/csv";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  addTask,
  addTasks,
  changeTask,
  expectProblem,
  plateOf,
  setTimeZone,
  type Task,
  titlesOf,
} from "./support/tasks";

const header = "Position,Title,State,Due,Notes,Requester,Requester email,Created,Finished,Drop reason,Id";

/** What a round trip must keep of a task: its words, its due and its order (the list's). */
const kept = (tasks: readonly Task[]) => tasks.map(({ title, notes, due }) => ({ title, notes, due }));

describe.each(dialects)("plates as CSV on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  const newcomer = (name: string, managerId: string = owner.id) => invite(h.app, owner, name, { managerId });

  it("writes RFC 4180 with a byte order mark and CRLF, quoting what needs it, named for the owner and their day", async () => {
    const zoe = await newcomer("Zoë Ångström");
    await setTimeZone(zoe, "Pacific/Kiritimati");
    // 2030-01-31 20:00 UTC is already 1 February in Kiritimati (UTC+14).
    h.clock.set("2030-01-31T20:00:00.000Z");
    await addTask(zoe, zoe.id, {
      title: 'Commas, "quotes" and more',
      notes: "First line\nSecond line, with a comma",
      due: { date: "2030-02-03" },
    });
    await addTask(zoe, zoe.id, { title: "Plain", due: { at: "2030-02-05T17:00:00.000Z" } });

    const answer = await exportCsv(zoe, zoe.id);
    expect(answer.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(answer.headers["content-disposition"]).toBe(
      'attachment; filename="zoe-angstrom-plate-2030-02-01.csv"',
    );
    expect(answer.headers["cache-control"]).toBe("private, no-store");
    const text = answer.body;
    expect(text.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).toContain(
      '1,"Commas, ""quotes"" and more",open,2030-02-03,"First line\nSecond line, with a comma",Zoë Ångström,',
    );
    expect(text).toContain("2,Plain,open,2030-02-05T17:00:00.000Z,,Zoë Ångström,");
    // Every record ends with CRLF; the only bare line feed is the one inside the quoted notes.
    expect(text.split("\r\n")).toHaveLength(4);

    const [first, second] = csvRecords(text);
    expect(first).toMatchObject({
      Position: "1",
      Title: 'Commas, "quotes" and more',
      State: "open",
      Due: "2030-02-03",
      Notes: "First line\nSecond line, with a comma",
      Requester: "Zoë Ångström",
      "Requester email": zoe.email,
      Created: "2030-01-31T20:00:00.000Z",
      Finished: "",
      "Drop reason": "",
    });
    expect(second).toMatchObject({ Title: "Plain", Due: "2030-02-05T17:00:00.000Z" });
    expect([first?.Id, second?.Id]).toEqual((await plateOf(zoe, zoe.id)).items.map((task) => task.id));
  });

  it("starts a cell a spreadsheet would run as a formula with a quote", async () => {
    const sam = await newcomer("Sam Self");
    const titles = [
      '=HYPERLINK("http://evil.example","x")',
      "+1 555 0100",
      "-2 days",
      "@channel",
      "Safe = fine",
    ];
    await addTasks(sam, sam.id, titles);
    await addTask(sam, sam.id, { title: "Tab notes", notes: "\tindented" });
    const records = csvRecords((await exportCsv(sam, sam.id)).body);
    expect(records.map((record) => record.Title)).toEqual([
      '\'=HYPERLINK("http://evil.example","x")',
      "'+1 555 0100",
      "'-2 days",
      "'@channel",
      "Safe = fine",
      "Tab notes",
    ]);
    expect(records.at(-1)?.Notes).toBe("'\tindented");
  });

  it("lists the state asked for, like the plate: open in order, done and dropped with when and why, all of it", async () => {
    const manny = await newcomer("Manny Manager");
    const sam = await newcomer("Sam Self", manny.id);
    const [first, , third] = await addTasks(sam, sam.id, ["First", "Second", "Third"]);
    await addTask(manny, sam.id, { title: "From Manny" });
    h.clock.advance(60_000);
    const done = await changeTask(sam, first, { state: "done" });
    h.clock.advance(60_000);
    const dropped = await changeTask(sam, third, { state: "dropped", dropReason: "No longer needed" });

    const open = csvRecords((await exportCsv(manny, sam.id, "state=open")).body);
    expect(open.map((record) => [record.Position, record.Title, record.State])).toEqual([
      ["1", "Second", "open"],
      ["2", "From Manny", "open"],
    ]);
    expect(open[1]).toMatchObject({ Requester: "Manny Manager", "Requester email": manny.email });

    const finished = csvRecords((await exportCsv(sam, sam.id, "state=done")).body);
    expect(finished).toEqual([
      expect.objectContaining({ Position: "", Title: "First", State: "done", Finished: done.completedAt }),
    ]);
    const gone = csvRecords((await exportCsv(sam, sam.id, "state=dropped")).body);
    expect(gone).toEqual([
      expect.objectContaining({
        Title: "Third",
        State: "dropped",
        Finished: dropped.droppedAt,
        "Drop reason": "No longer needed",
      }),
    ]);
    const all = csvRecords((await exportCsv(sam, sam.id, "state=all")).body);
    expect(all.map((record) => record.Title)).toEqual(["Second", "From Manny", "Third", "First"]);
    expect(titlesOf(await plateOf(sam, sam.id, "state=all"))).toEqual(all.map((record) => record.Title));

    // Bounded as the plate is: at most `limit` finished tasks.
    const one = csvRecords((await exportCsv(sam, sam.id, "state=all&limit=1")).body);
    expect(one.map((record) => record.Title)).toEqual(["Second", "From Manny", "Third"]);
    // An empty plate is its header.
    const empty = await newcomer("Eve Empty");
    expect((await exportCsv(empty, empty.id)).body).toBe(`\uFEFF${header}\r\n`);
  });

  it("answers 404 for a plate the caller may not see and 400 for a state there is not", async () => {
    const sam = await newcomer("Sam Self");
    const pat = await newcomer("Pat Peer");
    expectProblem(await pat.client.get(`/api/v1/people/${sam.id}/tasks.csv`), 404);
    expectProblem(await sam.client.get("/api/v1/people/no-such-person/tasks.csv"), 404);
    expectProblem(
      await sam.client.get(`/api/v1/people/${sam.id}/tasks.csv?state=later`),
      400,
      "querystring.state",
    );
  });

  it("reads back what it writes: a plate exported and imported onto another keeps its titles, dues and notes in order", async () => {
    const manny = await newcomer("Manny Manager");
    const sam = await newcomer("Sam Self", manny.id);
    const ria = await newcomer("Ria Report", manny.id);
    const tasks = [
      { title: "Plain" },
      { title: 'Commas, "quotes"', notes: "Two\nlines, and a comma", due: { date: "2030-02-28" } },
      { title: "=SUM(A1:A2)", notes: "-starts like a formula", due: { at: "2030-03-01T09:15:00.000Z" } },
      { title: "Zoë's café ☕", notes: "\ttabbed\tnotes\n\nwith a blank line" },
      { title: "Leap day", due: { date: "2032-02-29" } },
    ];
    for (const body of tasks) await addTask(sam, sam.id, body);
    const finished = await addTask(sam, sam.id, { title: "Already done" });
    await changeTask(sam, finished, { state: "done" });
    const asked = await addTask(ria, sam.id, { title: "Waiting in triage" });
    expect(asked.state).toBe("triage");

    const file = (await exportCsv(manny, sam.id, "state=all")).body;
    const result = await importFile(manny, ria.id, file);
    expect(result.source).toBe("docket");
    expect(result.skipped).toEqual([{ row: 7, reason: "finished in Docket: State “done”" }]);

    const original = (await plateOf(sam, sam.id)).items;
    const copy = (await plateOf(ria, ria.id)).items;
    expect(kept(copy)).toEqual([...kept(original), { title: "Waiting in triage", notes: "", due: null }]);
    expect(copy.map((task) => task.state)).toEqual(copy.map(() => "open"));
  });
});
