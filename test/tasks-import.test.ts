import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { InboxItem } from "../src/contract/inbox";
import { csvFile, fixture, importFile, postImport, type TasksImport } from "./support/csv";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { type Harness, useHarness } from "./support/harness";
import {
  addTask,
  expectProblem,
  historyOf,
  oneTo,
  plateOf,
  plateRows,
  positionsOf,
  titlesOf,
} from "./support/tasks";

/** What each tool's fixture holds: the tasks to add (row, title, due, notes) and the rows to skip. */
const expected: Record<string, Pick<TasksImport, "source" | "added" | "skipped">> = {
  "asana.csv": {
    source: "asana",
    added: [
      {
        row: 1,
        title: "Draft the Q2 hiring plan",
        due: { date: "2024-03-15" },
        notes: 'Two engineers, one designer.\nAsk finance about "headcount" first.',
      },
      { row: 3, title: "Review the onboarding checklist", due: null },
      { row: 4, title: "Book the offsite venue", due: { date: "2024-04-02" }, notes: "Three quotes please" },
    ],
    skipped: [{ row: 2, reason: "finished in Asana: Completed At “2024-02-10”" }],
  },
  "todoist.csv": {
    source: "todoist",
    added: [
      {
        row: 2,
        title: "Call the landlord about the lease",
        due: { date: "2024-03-15" },
        notes: "Ask about the break clause",
      },
      { row: 4, title: "Renew the domain", due: null },
      {
        row: 7,
        title: "Plan the team lunch",
        due: { date: "2024-04-15" },
        notes: "Somewhere with vegetarian options,\nand a room for twelve",
      },
      { row: 8, title: "Check the fire extinguishers", due: { at: "2024-05-01T09:30:00.000Z" } },
    ],
    skipped: [
      { row: 1, reason: "not a task in Todoist: TYPE “section”" },
      { row: 3, reason: "not a task in Todoist: TYPE “note”" },
      { row: 6, reason: "not a task in Todoist: TYPE “section”" },
    ],
  },
  "trello.csv": {
    source: "trello",
    added: [
      {
        row: 1,
        title: "Fix the login page layout",
        due: { at: "2024-03-20T17:00:00.000Z" },
        notes: "The button overlaps the footer on small screens.",
      },
      { row: 2, title: "Write the release notes", due: null },
    ],
    skipped: [
      { row: 3, reason: "finished in Trello: Archived “true”" },
      { row: 4, reason: "finished in Trello: Due Complete “true”" },
    ],
  },
  "jira.csv": {
    source: "jira",
    added: [
      {
        row: 1,
        title: "Migrate the billing service to the new queue",
        due: { date: "2024-03-01" },
        notes: "h3. Steps\n* Drain the old queue\n* Switch the consumers",
      },
      { row: 2, title: "Rotate the database credentials", due: null },
    ],
    skipped: [
      { row: 3, reason: "finished in Jira: Status “Done”" },
      { row: 4, reason: "finished in Jira: Status “Won't Do”" },
    ],
  },
  "linear.csv": {
    source: "linear",
    added: [
      {
        row: 1,
        title: "Add rate limits to the public API",
        due: { date: "2024-03-22" },
        notes: "Per token, 100 requests a minute.",
      },
      { row: 2, title: "Document the webhook retries", due: null },
    ],
    skipped: [
      { row: 3, reason: "finished in Linear: Status “Done”" },
      { row: 4, reason: "finished in Linear: Status “Canceled”" },
    ],
  },
};

/** A file of `count` tasks titled `Row 1`, `Row 2`, … */
const manyRows = (count: number) =>
  csvFile(
    "Title,Due",
    Array.from({ length: count }, (_, index) => `Row ${index + 1},2030-01-31`),
  );

/** Everything a refused import must leave as it was: the plate, its history and the owner's inbox. */
async function stateOf(h: Harness, ownerId: string) {
  const inbox = await h.ctx.db
    .selectFrom("inbox_entry")
    .selectAll()
    .where("person_id", "=", ownerId)
    .execute();
  return { ...(await plateRows(h, ownerId)), inbox };
}

describe.each(dialects)("importing CSV onto a plate on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  const newcomer = (name: string, managerId: string = owner.id) => invite(h.app, owner, name, { managerId });

  it.each(Object.keys(expected))(
    "previews %s, then adds its open work at the bottom of the plate in file order",
    async (name) => {
      const sam = await newcomer("Sam Self");
      const already = await addTask(sam, sam.id, { title: "Already here" });
      const before = await stateOf(h, sam.id);

      const preview = await postImport(sam, sam.id, fixture(name), { dryRun: true });
      expect(preview.status, JSON.stringify(preview.body)).toBe(200);
      expect(preview.body).toEqual({ dryRun: true, ...expected[name] });
      expect(await stateOf(h, sam.id)).toEqual(before);

      const added = await importFile(sam, sam.id, fixture(name));
      const wanted = expected[name] as TasksImport;
      expect(added).toMatchObject({ dryRun: false, source: wanted.source, skipped: wanted.skipped });
      expect(added.added).toEqual(wanted.added.map((task) => ({ ...task, taskId: expect.any(String) })));

      const plate = await plateOf(sam, sam.id);
      expect(titlesOf(plate)).toEqual([already.title, ...wanted.added.map((task) => task.title)]);
      expect(plate.items.slice(1).map((task) => task.id)).toEqual(added.added.map((task) => task.taskId));
      expect(
        plate.items
          .slice(1)
          .map((task) => ({ due: task.due, notes: task.notes, requesterId: task.requesterId })),
      ).toEqual(
        wanted.added.map((task) => ({ due: task.due, notes: task.notes ?? "", requesterId: sam.id })),
      );
      expect(positionsOf(plate)).toEqual(oneTo(wanted.added.length + 1));
      // Each task added as a single add adds it: created at its position, with its history.
      const last = plate.items.at(-1);
      expect(await historyOf(sam, last?.id as string)).toEqual([
        expect.objectContaining({ kind: "created", actorId: sam.id, to: plate.items.length }),
      ]);
    },
  );

  it("lets a manager import onto a report's plate: the report hears of it once, not once a row", async () => {
    const manny = await newcomer("Manny Manager");
    const sam = await newcomer("Sam Self", manny.id);
    const answer = await importFile(manny, sam.id, manyRows(30));
    expect(answer.added).toHaveLength(30);
    const plate = await plateOf(sam, sam.id);
    expect(plate.items.every((task) => task.requesterId === manny.id && task.state === "open")).toBe(true);

    const inbox = await sam.client.get<{ items: InboxItem[] }>("/api/v1/inbox?limit=200");
    const added = inbox.body.items.filter((item) => item.kind === "task.added");
    expect(added).toEqual([
      expect.objectContaining({
        actorId: manny.id,
        count: 30,
        title: "Row 30",
        to: 30,
        taskId: plate.items[29]?.id,
      }),
    ]);
    // A single add afterwards is an entry of its own, and so is the next import.
    h.clock.advance(60_000);
    await addTask(manny, sam.id, { title: "One more" });
    h.clock.advance(60_000);
    await importFile(manny, sam.id, manyRows(2));
    const again = await sam.client.get<{ items: InboxItem[] }>("/api/v1/inbox?limit=200");
    expect(again.body.items.filter((item) => item.kind === "task.added").map((item) => item.count)).toEqual([
      2, 1, 30,
    ]);
  });

  it("adds nothing when any row is bad, and lists every bad row by its number", async () => {
    const sam = await newcomer("Sam Self");
    await addTask(sam, sam.id, { title: "Already here" });
    const before = await stateOf(h, sam.id);
    const file = csvFile("Name,Due Date,Notes", [
      "Fine,2030-01-31,",
      ",2030-01-31,an empty title",
      `${"x".repeat(201)},,`,
      "Impossible day,2025-02-30,",
      '"Bell\u0007 in the title",,',
      "Unreadable due,every monday,",
      '"Nul in notes",,"a\u0000b"',
      "Out of range,9999-12-31,",
      "Also fine,,",
    ]);
    for (const dryRun of [true, false]) {
      const answer = await postImport(sam, sam.id, file, { dryRun });
      const problem = expectProblem(answer, 422);
      expect(problem.detail).toBe("7 rows cannot be imported, so nothing was added.");
      expect(answer.body.errors).toEqual([
        { row: 2, message: "Name: a task needs a title" },
        { row: 3, message: "Name: title must be at most 200 characters" },
        { row: 4, message: "Due Date “2025-02-30” is not a day of the calendar" },
        { row: 5, message: "Name: title must be one line, without line breaks or control characters" },
        { row: 6, message: "Due Date “every monday” is not a date Docket reads: write it as YYYY-MM-DD" },
        { row: 7, message: "Notes: notes may hold line breaks and tabs, but no other control characters" },
        { row: 8, message: "Due Date: must be from 0001-01-01 to 9999-12-30" },
      ]);
    }
    expect(await stateOf(h, sam.id)).toEqual(before);
  });

  it("lists the first 100 bad rows of many", async () => {
    const sam = await newcomer("Sam Self");
    const file = csvFile(
      "Title,Due",
      Array.from({ length: 150 }, (_, index) => `Row ${index + 1},2025-02-30`),
    );
    const answer = await postImport(sam, sam.id, file, { dryRun: true });
    expect(expectProblem(answer, 422).detail).toBe(
      "150 rows cannot be imported (the first 100 are listed), so nothing was added.",
    );
    expect(answer.body.errors?.map((error) => error.row)).toEqual(
      Array.from({ length: 100 }, (_, index) => index + 1),
    );
  });

  it("refuses a file that is not UTF-8, has no title column, is not CSV or is empty, adding nothing", async () => {
    const sam = await newcomer("Sam Self");
    const before = await stateOf(h, sam.id);
    const latin1 = Buffer.from("Title,Notes\r\nCaf\xe9 order,pay in \xa3\r\n", "latin1");
    for (const dryRun of [true, false]) {
      const notUtf8 = expectProblem(await postImport(sam, sam.id, latin1, { dryRun }), 422);
      expect(notUtf8.detail).toMatch(/^The file is not UTF-8 text/);
      expect(notUtf8.errors).toBeUndefined();
    }
    const noTitle = expectProblem(
      await postImport(sam, sam.id, csvFile("Owner,Due Date,Notes", ["Sam,2030-01-01,x"])),
      422,
    );
    expect(noTitle.detail).toMatch(/^No column of the file holds a title/);

    const notCsv = await postImport(sam, sam.id, csvFile("Title,Notes", ["Fine,", 'Broken,"never closed']));
    expect(expectProblem(notCsv, 422).detail).toMatch(/^The file is not CSV Docket can read/);
    expect(notCsv.body.errors).toEqual([
      { row: 2, message: expect.stringMatching(/^not CSV: Quote Not Closed/) },
    ]);

    expect(expectProblem(await postImport(sam, sam.id, ""), 422).detail).toMatch(/^The file is empty/);
    expect(await stateOf(h, sam.id)).toEqual(before);
  });

  it("takes 5,000 rows and refuses 5,001, whole", async () => {
    const sam = await newcomer("Sam Self");
    const fits = await postImport(sam, sam.id, manyRows(5000), { dryRun: true });
    expect(fits.status).toBe(200);
    expect(fits.body.added).toHaveLength(5000);
    expect(fits.body.added.at(-1)).toEqual({ row: 5000, title: "Row 5000", due: { date: "2030-01-31" } });

    const before = await stateOf(h, sam.id);
    for (const dryRun of [true, false]) {
      const tooMany = expectProblem(await postImport(sam, sam.id, manyRows(5001), { dryRun }), 422);
      expect(tooMany.detail).toBe(
        "The file has 5,001 rows: one import takes at most 5,000. Split it and import each part.",
      );
    }
    expect(await stateOf(h, sam.id)).toEqual(before);
  });

  it("passes over blank rows but counts them, as a spreadsheet numbers its rows", async () => {
    const sam = await newcomer("Sam Self");
    const answer = await importFile(sam, sam.id, "\uFEFFTitle\r\nFirst\r\n\r\n,\r\nFourth\r\n");
    expect(answer.added.map((task) => [task.row, task.title])).toEqual([
      [1, "First"],
      [4, "Fourth"],
    ]);
    expect(answer.skipped).toEqual([]);
  });

  it("answers 415 for a body that is not text/csv and 413 past 2 MB", async () => {
    const sam = await newcomer("Sam Self");
    const json = await sam.client.post(`/api/v1/people/${sam.id}/tasks/import`, { title: "Not a file" });
    expect(expectProblem(json, 415).detail).toMatch(/text\/csv/);
    const plain = await postImport(sam, sam.id, "Title\r\nA\r\n", { contentType: "text/plain" });
    expectProblem(plain, 415);
    const none = await sam.client.request("POST", `/api/v1/people/${sam.id}/tasks/import`);
    expectProblem(none, 415);
    const charset = await postImport(sam, sam.id, "Title\r\nWith a charset\r\n", {
      contentType: "text/csv; charset=utf-8",
      dryRun: true,
    });
    expect(charset.status).toBe(200);

    const big = `Title,Notes\r\n${Array.from({ length: 110 }, (_, index) => `Row ${index},${"n".repeat(20_000)}`).join("\r\n")}`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(2 * 1024 * 1024);
    expectProblem(await postImport(sam, sam.id, big, { dryRun: true }), 413);
    expect((await plateOf(sam, sam.id)).items).toEqual([]);
  });

  it("adds every row or none: a failure on row 4,000 leaves rows 1 to 3,999 unwritten", async () => {
    const sam = await newcomer("Sam Self");
    await addTask(sam, sam.id, { title: "Already here" });
    const before = await stateOf(h, sam.id);
    // The database itself refuses the 4,000th task: the write fails halfway through the import.
    if (dialect === "sqlite") {
      await sql`create trigger refuse_row_4000 before insert on task when new.title = 'Row 4000'
        begin select raise(abort, 'row 4000 refused'); end`.execute(h.ctx.db);
    } else {
      await sql`create function refuse_row_4000() returns trigger language plpgsql as $$
        begin if new.title = 'Row 4000' then raise exception 'row 4000 refused'; end if; return new; end $$`.execute(
        h.ctx.db,
      );
      await sql`create trigger refuse_row_4000 before insert on task for each row execute function refuse_row_4000()`.execute(
        h.ctx.db,
      );
    }
    try {
      const answer = await postImport(sam, sam.id, manyRows(4500), { dryRun: false });
      expectProblem(answer, 500);
    } finally {
      await sql`drop trigger refuse_row_4000${dialect === "postgres" ? sql` on task` : sql``}`.execute(
        h.ctx.db,
      );
      if (dialect === "postgres") await sql`drop function refuse_row_4000()`.execute(h.ctx.db);
    }
    expect(await stateOf(h, sam.id)).toEqual(before);

    // Once the database takes it, the same file is added whole.
    const added = await importFile(sam, sam.id, manyRows(4500));
    expect(added.added).toHaveLength(4500);
    const plate = await plateOf(sam, sam.id);
    expect(plate.items).toHaveLength(4501);
    expect(titlesOf(plate).slice(0, 3)).toEqual(["Already here", "Row 1", "Row 2"]);
    expect(titlesOf(plate).at(-1)).toBe("Row 4500");
    expect(positionsOf(plate).at(-1)).toBe(4501);
  });

  it("keeps out of other organizations' plates", async () => {
    const stranger = await founder(h.app, "Xena Outsider");
    const sam = await newcomer("Sam Self");
    expectProblem(await postImport(stranger, sam.id, manyRows(1), { dryRun: true }), 404);
    expectProblem(await postImport(sam, "no-such-person", manyRows(1), { dryRun: true }), 404);
  });
});
