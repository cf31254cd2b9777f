import { z } from "zod";
import { Id, Problem } from "./common";
import { Due } from "./tasks";

/** The most data rows one import reads; a longer file is refused whole. */
export const importMaxRows = 5000;
/** The largest CSV file one import takes, in bytes. */
export const importMaxBytes = 2 * 1024 * 1024;
/** The most bad rows a refused import lists (it says how many there were). */
export const importListedErrors = 100;

export const TasksImportQuery = z.strictObject({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .describe("`true`: only answer what would be added and skipped (200); nothing is written."),
});
export type TasksImportQuery = z.infer<typeof TasksImportQuery>;

/** Where the file came from, as its header row tells. */
export const ImportSource = z.enum(["asana", "todoist", "trello", "jira", "linear", "docket", "csv"]);
export type ImportSource = z.infer<typeof ImportSource>;

/** A data row number: the first row after the header is 1. */
const Row = z.number().int().min(1);

export const ImportedTask = z.object({
  row: Row,
  title: z.string(),
  due: Due.nullable(),
  notes: z.string().optional().describe("Present when the row had notes."),
  taskId: Id.optional().describe("The task added (not on a dry run)."),
});
export type ImportedTask = z.infer<typeof ImportedTask>;

export const SkippedRow = z.object({ row: Row, reason: z.string() });
export type SkippedRow = z.infer<typeof SkippedRow>;

export const TasksImport = z
  .object({
    dryRun: z.boolean(),
    source: ImportSource,
    added: z.array(ImportedTask).describe("In file order: the bottom of the plate, in this order."),
    skipped: z
      .array(SkippedRow)
      .describe("Rows that are not open work: finished in the tool they came from, or not a task there."),
  })
  .meta({ id: "TasksImport" });
export type TasksImport = z.infer<typeof TasksImport>;

export const RowIssue = z.object({ row: Row, message: z.string() });
export type RowIssue = z.infer<typeof RowIssue>;

/** An import refused whole: a problem whose `errors` name data rows. */
export const ImportProblem = Problem.extend({
  errors: z
    .array(RowIssue)
    .optional()
    .describe(
      `The bad rows, the first ${importListedErrors} of them; none when the file as a whole is refused.`,
    ),
}).meta({ id: "ImportProblem" });
export type ImportProblem = z.infer<typeof ImportProblem>;
