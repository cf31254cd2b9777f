/**
 * A CSV file of tasks read whole before anything is added: decoded as UTF-8, parsed (csv-parse: a
 * byte order mark, quotes, CRLF), its columns recognised (`core/import-columns.ts`), and every row
 * checked by the rules of a task's text and dues. A file with any bad row is refused whole, naming
 * its rows.
 */
import { CsvError, parse } from "csv-parse/sync";
import type { Due } from "../../contract/tasks";
import {
  type ImportSource,
  importListedErrors,
  importMaxRows,
  type SkippedRow,
} from "../../contract/tasks-import";
import { Notes, TaskTitle } from "../../contract/text";
import { AppError, type RowIssue } from "../../core/errors";
import { type ImportColumns, readRow, recognizeColumns } from "../../core/import-columns";
import { requestedDue } from "./due";

/** A row that becomes a task: its title and notes as a task keeps them, its due normalized. */
export interface ReadTask {
  row: number;
  title: string;
  notes: string;
  due: Due | null;
}

export interface ReadFile {
  source: ImportSource;
  tasks: ReadTask[];
  skipped: SkippedRow[];
}

const refused = (detail: string, errors?: RowIssue[]) =>
  new AppError("rule_violated", detail, errors === undefined ? {} : { rows: errors });

const titleNames = "Title, Name, Summary, Content or Card Name";

/** The tasks a CSV file holds and the rows it skips; 422 naming the bad rows when any row is bad. */
export function readTasksFile(file: Buffer): ReadFile {
  const [header, ...rows] = recordsOf(textOf(file));
  if (header === undefined) {
    throw refused(`The file is empty: it needs a header row naming its columns, one of them ${titleNames}.`);
  }
  const columns = recognizeColumns(header);
  if (columns === null) {
    throw refused(
      `No column of the file holds a title: name one ${titleNames}, and put each task's title in it.`,
    );
  }
  const readings = rows.map((cells) => readRow(columns, cells));
  const count = readings.filter((reading) => reading.kind !== "blank").length;
  if (count > importMaxRows) {
    throw refused(
      `The file has ${count.toLocaleString("en")} rows: one import takes at most ${importMaxRows.toLocaleString("en")}. Split it and import each part.`,
    );
  }
  const read: ReadFile = { source: columns.source, tasks: [], skipped: [] };
  const errors: RowIssue[] = [];
  readings.forEach((reading, index) => {
    const row = index + 1;
    if (reading.kind === "skipped") read.skipped.push({ row, reason: reading.reason });
    else if (reading.kind === "error") errors.push({ row, message: reading.message });
    else if (reading.kind === "task") {
      const task = checkedTask(columns, reading);
      if ("message" in task) errors.push({ row, message: task.message });
      else read.tasks.push({ row, ...task });
    }
  });
  if (errors.length > 0) {
    const listed = errors.length > importListedErrors ? ` (the first ${importListedErrors} are listed)` : "";
    const rowsWord = errors.length === 1 ? "1 row cannot" : `${errors.length} rows cannot`;
    throw refused(
      `${rowsWord} be imported${listed}, so nothing was added.`,
      errors.slice(0, importListedErrors),
    );
  }
  return read;
}

/** The file's text; 422 when it is not UTF-8. */
function textOf(file: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(file);
  } catch {
    throw refused(
      "The file is not UTF-8 text. Save it as “CSV UTF-8” (a spreadsheet's export offers it) and import it again.",
    );
  }
}

/** The file's records, the header first; 422 at the first row that is not CSV. */
function recordsOf(text: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // `records` counts those read before the bad one, the header among them: it is the bad row's number.
    const row = Number(error.records);
    const message = `not CSV: ${error.message}`;
    throw refused(
      `The file is not CSV Docket can read: ${error.message}`,
      row >= 1 ? [{ row, message }] : undefined,
    );
  }
}

/** A row's title, notes and due checked by the rules of every task's; what is wrong when they break one. */
function checkedTask(
  columns: ImportColumns,
  reading: { title: string; notes: string; due: Due | null },
): Omit<ReadTask, "row"> | { message: string } {
  const title = TaskTitle.safeParse(reading.title);
  if (!title.success) return { message: `${columns.title.name}: ${firstIssue(title.error)}` };
  const notes = Notes.safeParse(reading.notes);
  if (!notes.success) return { message: `${columns.notes?.name ?? "notes"}: ${firstIssue(notes.error)}` };
  try {
    return { title: title.data, notes: notes.data, due: requestedDue(reading.due) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      message: `${columns.due?.name ?? "due"}: ${error.details.errors?.[0]?.message ?? error.message}`,
    };
  }
}

const firstIssue = (error: { issues: readonly { message: string }[] }) =>
  error.issues[0]?.message ?? "is not valid";
