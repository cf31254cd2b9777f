import { describe, expect, it } from "vitest";
import {
  type ImportColumns,
  isCalendarDay,
  readDue,
  readRow,
  recognizeColumns,
  withoutFormulaGuard,
} from "./import-columns";

/** The header rows of each tool's CSV export, as they write them. */
const headers = {
  asana:
    "Task ID,Created At,Completed At,Last Modified,Name,Section/Column,Assignee,Assignee Email,Start Date,Due Date,Tags,Notes,Projects,Parent task",
  todoist:
    "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT,DEADLINE,DEADLINE_LANG",
  trello:
    "Card ID,Card Name,Card URL,Card Description,Labels,Members,Due Date,Due Complete,Attachment Count,Attachment Links,Checklist Item Total Count,Checklist Item Completed Count,Vote Count,Comment Count,Last Activity Date,List ID,List Name,Board ID,Board Name,Archived,Start Date,Due Reminder",
  jira: "Summary,Issue key,Issue id,Issue Type,Status,Project key,Priority,Resolution,Assignee,Created,Resolved,Due Date,Labels,Labels,Description,Status Category",
  linear:
    "ID,Team,Title,Description,Status,Estimate,Priority,Project,Creator,Assignee,Created,Updated,Started,Triaged,Completed,Canceled,Archived,Due Date",
  docket: "Position,Title,State,Due,Notes,Requester,Requester email,Created,Finished,Drop reason,Id",
} as const;

const split = (line: string) => line.split(",");

function columnsOf(tool: keyof typeof headers): ImportColumns {
  const columns = recognizeColumns(split(headers[tool]));
  if (columns === null) throw new Error(`${tool}: no title column`);
  return columns;
}

/** A data row of `tool`'s export with the named cells set (by header name) and the rest blank. */
function rowOf(tool: keyof typeof headers, cells: Record<string, string>): string[] {
  const header = split(headers[tool]);
  const row = header.map(() => "");
  for (const [name, value] of Object.entries(cells)) row[header.indexOf(name)] = value;
  return row;
}

describe("recognizeColumns", () => {
  it("recognises each tool's export by its header and finds its title, due and notes", () => {
    const found = (tool: keyof typeof headers) => {
      const { source, title, due, notes } = columnsOf(tool);
      return { source, title: title.name, due: due?.name, notes: notes?.name };
    };
    expect(found("asana")).toEqual({ source: "asana", title: "Name", due: "Due Date", notes: "Notes" });
    expect(found("todoist")).toEqual({
      source: "todoist",
      title: "CONTENT",
      due: "DATE",
      notes: "DESCRIPTION",
    });
    expect(found("trello")).toEqual({
      source: "trello",
      title: "Card Name",
      due: "Due Date",
      notes: "Card Description",
    });
    expect(found("jira")).toEqual({
      source: "jira",
      title: "Summary",
      due: "Due Date",
      notes: "Description",
    });
    expect(found("linear")).toEqual({
      source: "linear",
      title: "Title",
      due: "Due Date",
      notes: "Description",
    });
    expect(found("docket")).toEqual({ source: "docket", title: "Title", due: "Due", notes: "Notes" });
  });

  it("reads names whatever their case and the spaces around them", () => {
    const columns = recognizeColumns(["  task ID", "NAME ", "due   date", " notes"]);
    expect(columns).toMatchObject({
      source: "asana",
      title: { index: 1, name: "NAME" },
      due: { index: 2, name: "due   date" },
      notes: { index: 3, name: "notes" },
    });
  });

  it("takes any CSV with a title column, and its due and notes when it has them", () => {
    expect(recognizeColumns(["Owner", "Task", "Deadline", "Details"])).toMatchObject({
      source: "csv",
      title: { index: 1, name: "Task" },
      due: { index: 2, name: "Deadline" },
      notes: { index: 3, name: "Details" },
    });
    expect(recognizeColumns(["Title"])).toMatchObject({ source: "csv", due: null, notes: null });
  });

  it("answers null when no column holds a title", () => {
    expect(recognizeColumns(["Owner", "Due Date", "Notes"])).toBeNull();
    expect(recognizeColumns([])).toBeNull();
  });
});

describe("readRow", () => {
  it("reads a task's title, notes and due as written", () => {
    const row = rowOf("asana", {
      Name: "Draft the plan",
      Notes: "Line one\nLine two",
      "Due Date": "2024-03-15",
    });
    expect(readRow(columnsOf("asana"), row)).toEqual({
      kind: "task",
      title: "Draft the plan",
      notes: "Line one\nLine two",
      due: { date: "2024-03-15" },
    });
  });

  it("skips what Asana completed, Jira and Linear finished and Trello archived or completed, saying why", () => {
    const skipped = (tool: keyof typeof headers, cells: Record<string, string>) =>
      readRow(columnsOf(tool), rowOf(tool, cells));
    expect(skipped("asana", { Name: "Sent", "Completed At": "2024-02-10" })).toEqual({
      kind: "skipped",
      reason: "finished in Asana: Completed At “2024-02-10”",
    });
    expect(skipped("jira", { Summary: "Upgraded", Status: "Done" })).toMatchObject({ kind: "skipped" });
    expect(skipped("jira", { Summary: "Not done", Status: "Won't Do" })).toMatchObject({ kind: "skipped" });
    expect(skipped("jira", { Summary: "Fixed", Status: "QA", Resolution: "Fixed" })).toEqual({
      kind: "skipped",
      reason: "finished in Jira: Resolution “Fixed”",
    });
    expect(skipped("jira", { Summary: "Moved on", "Status Category": "Done" })).toMatchObject({
      kind: "skipped",
    });
    expect(skipped("linear", { Title: "Removed", Completed: "2024-02-26T16:30:00.000Z" })).toMatchObject({
      kind: "skipped",
    });
    expect(skipped("linear", { Title: "Tried", Canceled: "2024-02-16T10:00:00.000Z" })).toEqual({
      kind: "skipped",
      reason: "finished in Linear: Canceled “2024-02-16T10:00:00.000Z”",
    });
    expect(skipped("linear", { Title: "Dup", Status: "Duplicate" })).toMatchObject({ kind: "skipped" });
    expect(skipped("trello", { "Card Name": "Old", Archived: "true", "Due Complete": "false" })).toEqual({
      kind: "skipped",
      reason: "finished in Trello: Archived “true”",
    });
    expect(skipped("trello", { "Card Name": "Shipped", Archived: "false", "Due Complete": "true" })).toEqual({
      kind: "skipped",
      reason: "finished in Trello: Due Complete “true”",
    });
    expect(skipped("docket", { Title: "Gone", State: "dropped" })).toMatchObject({ kind: "skipped" });
  });

  it("keeps open work open: unresolved, in progress, not archived", () => {
    const open = (tool: keyof typeof headers, cells: Record<string, string>) =>
      readRow(columnsOf(tool), rowOf(tool, cells)).kind;
    expect(open("jira", { Summary: "Doing", Status: "In Progress", Resolution: "Unresolved" })).toBe("task");
    expect(open("jira", { Summary: "To do", Status: "To Do", "Status Category": "To Do" })).toBe("task");
    expect(open("trello", { "Card Name": "Live", Archived: "false", "Due Complete": "false" })).toBe("task");
    expect(open("linear", { Title: "Started", Status: "In Progress", Started: "2024-03-05" })).toBe("task");
    expect(open("docket", { Title: "Triage", State: "triage" })).toBe("task");
    expect(open("docket", { Title: "Going", State: "in_progress" })).toBe("task");
  });

  it("takes only Todoist's task rows: sections and notes are skipped", () => {
    const columns = columnsOf("todoist");
    expect(readRow(columns, rowOf("todoist", { TYPE: "section", CONTENT: "This week" }))).toEqual({
      kind: "skipped",
      reason: "not a task in Todoist: TYPE “section”",
    });
    expect(readRow(columns, rowOf("todoist", { TYPE: "note", CONTENT: "A comment" }))).toMatchObject({
      kind: "skipped",
    });
    expect(readRow(columns, rowOf("todoist", { TYPE: "task", CONTENT: "Call", DATE: "2024-03-15" }))).toEqual(
      {
        kind: "task",
        title: "Call",
        notes: "",
        due: { date: "2024-03-15" },
      },
    );
  });

  it("passes over blank rows, and refuses a due it cannot read", () => {
    const columns = columnsOf("asana");
    expect(readRow(columns, rowOf("asana", {}))).toEqual({ kind: "blank" });
    expect(readRow(columns, [""])).toEqual({ kind: "blank" });
    expect(readRow(columns, rowOf("asana", { Name: "Late", "Due Date": "2025-02-30" }))).toEqual({
      kind: "error",
      message: "Due Date “2025-02-30” is not a day of the calendar",
    });
  });

  it("reads a row shorter than its header as blanks, and an empty title as written (the caller refuses it)", () => {
    const columns = columnsOf("linear");
    expect(readRow(columns, ["ENG-1", "Engineering", "Short"])).toEqual({
      kind: "task",
      title: "Short",
      notes: "",
      due: null,
    });
    expect(readRow(columns, ["ENG-2", "Engineering", "  "])).toMatchObject({ kind: "task", title: "  " });
  });

  it("undoes the formula guard of an export on titles and notes", () => {
    const row = rowOf("docket", { Title: "'=SUM(A1:A3)", Notes: "'-1 for this", State: "open" });
    expect(readRow(columnsOf("docket"), row)).toMatchObject({ title: "=SUM(A1:A3)", notes: "-1 for this" });
  });
});

describe("readDue", () => {
  const due = (text: string) => readDue(text, "Due Date");

  it("reads a day, and knows the calendar's leap days", () => {
    expect(due("2024-03-15")).toEqual({ due: { date: "2024-03-15" } });
    expect(due(" 2024-02-29 ")).toEqual({ due: { date: "2024-02-29" } });
    expect(due("2000-02-29")).toEqual({ due: { date: "2000-02-29" } });
    expect(due("")).toEqual({ due: null });
    expect(due("   ")).toEqual({ due: null });
  });

  it("refuses days the calendar does not have", () => {
    for (const text of [
      "2025-02-30",
      "2023-02-29",
      "1900-02-29",
      "2024-13-01",
      "2024-04-31",
      "2024-00-10",
      "0000-01-01",
    ]) {
      expect(due(text), text).toEqual({ error: `Due Date “${text}” is not a day of the calendar` });
    }
    expect(due("31/Feb/24 12:00 AM")).toMatchObject({
      error: expect.stringContaining("not a day of the calendar"),
    });
    expect(due("2024-03-15T25:00:00Z")).toMatchObject({
      error: expect.stringContaining("not a day of the calendar"),
    });
  });

  it("reads an instant with a zone as the instant, in UTC", () => {
    expect(due("2024-03-20T17:00:00.000Z")).toEqual({ due: { at: "2024-03-20T17:00:00.000Z" } });
    expect(due("2024-03-20T17:00:00+01:00")).toEqual({ due: { at: "2024-03-20T16:00:00.000Z" } });
    expect(due("2024-03-20 17:00-0530")).toEqual({ due: { at: "2024-03-20T22:30:00.000Z" } });
    expect(due("2024-03-20T17:00:00.123456Z")).toEqual({ due: { at: "2024-03-20T17:00:00.123Z" } });
  });

  it("keeps only the day of a time without a zone", () => {
    expect(due("2024-03-20T17:00:00")).toEqual({ due: { date: "2024-03-20" } });
    expect(due("2024-03-20 09:30")).toEqual({ due: { date: "2024-03-20" } });
  });

  it("reads Jira's dates and English ones with a year", () => {
    expect(due("01/Mar/24 12:00 AM")).toEqual({ due: { date: "2024-03-01" } });
    expect(due("9/Dec/2025 4:30 PM")).toEqual({ due: { date: "2025-12-09" } });
    expect(due("15 Apr 2024")).toEqual({ due: { date: "2024-04-15" } });
    expect(due("15 April 2024")).toEqual({ due: { date: "2024-04-15" } });
    expect(due("Sept. 3, 2024")).toEqual({ due: { date: "2024-09-03" } });
    expect(due("March 15 2024")).toEqual({ due: { date: "2024-03-15" } });
  });

  it("refuses what it cannot read rather than guessing", () => {
    for (const text of ["every monday", "tomorrow", "Mar 15", "03/04/2024", "15/Foo/24", "2024-3-5"]) {
      expect(due(text), text).toEqual({
        error: `Due Date “${text}” is not a date Docket reads: write it as YYYY-MM-DD`,
      });
    }
  });
});

describe("isCalendarDay", () => {
  it("knows month lengths and leap years from year 1 to 9999", () => {
    expect(isCalendarDay(2024, 2, 29)).toBe(true);
    expect(isCalendarDay(2100, 2, 29)).toBe(false);
    expect(isCalendarDay(1, 1, 1)).toBe(true);
    expect(isCalendarDay(9999, 12, 31)).toBe(true);
    expect(isCalendarDay(10000, 1, 1)).toBe(false);
    expect(isCalendarDay(2024, 6, 31)).toBe(false);
  });
});

describe("withoutFormulaGuard", () => {
  it("takes the quote off a guarded formula and leaves any other text alone", () => {
    expect(withoutFormulaGuard("'=1+1")).toBe("=1+1");
    expect(withoutFormulaGuard("'+49 30 1234")).toBe("+49 30 1234");
    expect(withoutFormulaGuard("'@here")).toBe("@here");
    expect(withoutFormulaGuard("'tis the season")).toBe("'tis the season");
    expect(withoutFormulaGuard("=1+1")).toBe("=1+1");
    expect(withoutFormulaGuard("")).toBe("");
  });
});
