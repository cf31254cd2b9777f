/**
 * Reading a spreadsheet of tasks that another tool exported (Asana, Todoist, Trello, Jira, Linear,
 * Docket itself, or any CSV with a title column): which column holds what, which rows are work the
 * tool already finished, and what its dates mean. The file is already split into cells; nothing
 * here reads or writes anything.
 */

export type ImportSource = "asana" | "todoist" | "trello" | "jira" | "linear" | "docket" | "csv";

/** A due as a task takes it: a day (floating, the end of that day in the owner's zone) or an instant. */
export type ImportedDue = { date: string } | { at: string };

/** A column of the file: where it is and what its header says (as written, for messages). */
export interface Column {
  index: number;
  name: string;
}

export interface ImportColumns {
  source: ImportSource;
  title: Column;
  due: Column | null;
  notes: Column | null;
  /** Columns that say a row was finished in the tool it came from. */
  finished: (Column & { says: "when set" | "by state" })[];
  /** Todoist's TYPE: only its `task` rows are tasks. */
  type: Column | null;
}

const sourceNames: Record<ImportSource, string> = {
  asana: "Asana",
  todoist: "Todoist",
  trello: "Trello",
  jira: "Jira",
  linear: "Linear",
  docket: "Docket",
  csv: "the file",
};

/** How each tool's export is told apart (headers it always has) and where its title, due and notes are. */
interface Layout {
  source: ImportSource;
  requires: readonly string[];
  title: readonly string[];
  due: readonly string[];
  notes: readonly string[];
}

const layouts: readonly Layout[] = [
  {
    source: "docket",
    requires: ["position", "title", "state", "id"],
    title: ["title"],
    due: ["due"],
    notes: ["notes"],
  },
  {
    source: "todoist",
    requires: ["type", "content"],
    title: ["content"],
    due: ["date"],
    notes: ["description"],
  },
  {
    source: "asana",
    requires: ["task id", "name"],
    title: ["name"],
    due: ["due date"],
    notes: ["notes"],
  },
  {
    source: "trello",
    requires: ["card id", "card name"],
    title: ["card name"],
    due: ["due date"],
    notes: ["card description"],
  },
  {
    source: "jira",
    requires: ["summary", "issue key"],
    title: ["summary"],
    due: ["due date"],
    notes: ["description"],
  },
  {
    source: "linear",
    requires: ["id", "team", "title"],
    title: ["title"],
    due: ["due date"],
    notes: ["description"],
  },
];

/** Any other CSV: the first of these names that the header has. */
const anyCsv: Layout = {
  source: "csv",
  requires: [],
  title: ["title", "name", "task name", "task", "summary", "content", "card name", "subject"],
  due: ["due date", "due", "due on", "deadline"],
  notes: ["notes", "description", "card description", "details", "note"],
};

/**
 * Columns that say a row was finished as soon as they hold anything but a "no": a date (Asana's
 * Completed At, Linear's Completed, Canceled and Archived, Jira's Resolved), or Trello's true/false
 * (Archived, Due Complete), or Jira's Resolution (anything but Unresolved).
 */
const finishedWhenSet = [
  "completed at",
  "completed on",
  "completed",
  "canceled",
  "cancelled",
  "archived",
  "closed",
  "resolved",
  "resolution",
  "due complete",
  "done",
  "finished",
  "finished at",
];
const notSet = new Set(["", "false", "no", "n", "0", "unresolved"]);

/** Columns that say a row was finished by the state they name (Jira's and Linear's Status, Docket's State). */
const finishedByState = ["status", "status category", "state"];
const finishedStates = new Set([
  "done",
  "closed",
  "resolved",
  "complete",
  "completed",
  "canceled",
  "cancelled",
  "won't do",
  "won’t do",
  "wont do",
  "won't fix",
  "duplicate",
  "dropped",
  "archived",
]);

/** A header as it is compared: trimmed, spaces collapsed, lower case. */
const headerKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Which tool's export `header` is and where its columns are; null when no column holds a title
 * (then nothing in the file can become a task).
 */
export function recognizeColumns(header: readonly string[]): ImportColumns | null {
  const keys = header.map(headerKey);
  const find = (names: readonly string[]): Column | null => {
    for (const name of names) {
      const index = keys.indexOf(name);
      if (index !== -1) return { index, name: (header[index] ?? name).trim() };
    }
    return null;
  };
  const layout =
    layouts.find((candidate) => candidate.requires.every((name) => keys.includes(name))) ?? anyCsv;
  const title = find(layout.title);
  if (title === null) return null;
  const finished: ImportColumns["finished"] = [];
  keys.forEach((key, index) => {
    const says = finishedWhenSet.includes(key)
      ? "when set"
      : finishedByState.includes(key)
        ? "by state"
        : null;
    if (says !== null) finished.push({ index, name: (header[index] ?? key).trim(), says });
  });
  return {
    source: layout.source,
    title,
    due: find(layout.due),
    notes: find(layout.notes),
    finished,
    type: layout.source === "todoist" ? find(["type"]) : null,
  };
}

/** What one data row of the file is. */
export type RowReading =
  | { kind: "blank" }
  | { kind: "skipped"; reason: string }
  | { kind: "error"; message: string }
  | { kind: "task"; title: string; notes: string; due: ImportedDue | null };

/**
 * What the data row `cells` is: nothing (every cell blank), a row the tool says is not open work
 * (skipped, with why), a due that cannot be read, or a task's title, notes and due as written.
 * The title and notes are checked by the caller, by the rules of every task's text.
 */
export function readRow(columns: ImportColumns, cells: readonly string[]): RowReading {
  if (cells.every((cell) => cell.trim() === "")) return { kind: "blank" };
  const cell = (column: Column | null) => (column === null ? "" : (cells[column.index] ?? ""));
  const tool = sourceNames[columns.source];
  if (columns.type !== null) {
    const type = cell(columns.type).trim();
    if (type.toLowerCase() !== "task") {
      return { kind: "skipped", reason: `not a task in ${tool}: ${columns.type.name} “${type}”` };
    }
  }
  for (const column of columns.finished) {
    const value = cell(column).trim();
    const finished =
      column.says === "when set" ? !notSet.has(value.toLowerCase()) : finishedStates.has(value.toLowerCase());
    if (finished) return { kind: "skipped", reason: `finished in ${tool}: ${column.name} “${value}”` };
  }
  const read = columns.due === null ? { due: null } : readDue(cell(columns.due), columns.due.name);
  if ("error" in read) return { kind: "error", message: read.error };
  return {
    kind: "task",
    title: withoutFormulaGuard(cell(columns.title)),
    notes: withoutFormulaGuard(cell(columns.notes)),
    due: read.due,
  };
}

/**
 * Undoes the quote a spreadsheet export puts before a cell that would read as a formula (`'=…`,
 * `'+…`, `'-…`, `'@…`, as Docket's own export writes them): the text comes back as it was.
 */
export function withoutFormulaGuard(text: string): string {
  return /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? text.slice(1) : text;
}

const monthNames = [
  ["jan", "january"],
  ["feb", "february"],
  ["mar", "march"],
  ["apr", "april"],
  ["may"],
  ["jun", "june"],
  ["jul", "july"],
  ["aug", "august"],
  ["sep", "sept", "september"],
  ["oct", "october"],
  ["nov", "november"],
  ["dec", "december"],
] as const;

function monthOf(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, "");
  const index = monthNames.findIndex((names) => (names as readonly string[]).includes(key));
  return index === -1 ? null : index + 1;
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** Whether year, month and day name a day of the (proleptic Gregorian) calendar, years 1 to 9999. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date and time: with a zone (`Z`, `+01:00`, `+0100`) it is an instant, without one only its day counts. */
const isoTime = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
/** Jira's `01/Mar/24 12:00 AM` (its Due Date is a day; the time is left out). */
const jiraDay = /^(\d{1,2})\/([A-Za-z]{3,9})\/(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?)?$/i;
/** `15 Mar 2024`, `15 March 2024`. */
const dayMonthYear = /^(\d{1,2})\s+([A-Za-z]{3,9}\.?),?\s+(\d{4})$/;
/** `Mar 15, 2024`, `March 15 2024`. */
const monthDayYear = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})$/;

/**
 * A due as a spreadsheet writes it, read: `YYYY-MM-DD` is a day; an ISO date and time with a zone
 * is an instant (answered in UTC with `Z`); without a zone, only its day counts; Jira's
 * `01/Mar/24 12:00 AM` and English `15 Mar 2024` or `Mar 15, 2024` are days. A blank cell is no due.
 * Anything else, or a day the calendar does not have (`2025-02-30`), is an error naming `column`.
 */
export function readDue(text: string, column: string): { due: ImportedDue | null } | { error: string } {
  const value = text.trim();
  if (value === "") return { due: null };
  const impossible = { error: `${column} “${value}” is not a day of the calendar` };
  const unreadable = { error: `${column} “${value}” is not a date Docket reads: write it as YYYY-MM-DD` };
  const day = (year: number, month: number | null, date: number) => {
    if (month === null) return unreadable;
    if (!isCalendarDay(year, month, date)) return impossible;
    return { due: { date: `${pad(year, 4)}-${pad(month, 2)}-${pad(date, 2)}` } };
  };
  let match = isoDay.exec(value);
  if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]));
  match = isoTime.exec(value);
  if (match) {
    const [, year, month, date, hours, minutes, seconds = "00", fraction = "", zone] = match;
    const asDay = day(Number(year), Number(month), Number(date));
    if ("error" in asDay || zone === undefined) return asDay;
    if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return impossible;
    const offset = zone.toUpperCase() === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    const millis = fraction === "" ? "" : fraction.slice(0, 4).padEnd(4, "0");
    const instant = new Date(`${year}-${month}-${date}T${hours}:${minutes}:${seconds}${millis}${offset}`);
    if (Number.isNaN(instant.getTime())) return impossible;
    return { due: { at: instant.toISOString() } };
  }
  match = jiraDay.exec(value);
  if (match) {
    const year = match[3]?.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    return day(year, monthOf(match[2] as string), Number(match[1]));
  }
  match = dayMonthYear.exec(value);
  if (match) return day(Number(match[3]), monthOf(match[2] as string), Number(match[1]));
  match = monthDayYear.exec(value);
  if (match) return day(Number(match[3]), monthOf(match[1] as string), Number(match[2]));
  return unreadable;
}
