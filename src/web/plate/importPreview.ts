import type { ImportSource, TasksImport } from "../../contract";

/** The most rows of each list a preview shows; it says how many more there are. */
export const PREVIEW_SHOWN = 200;

const SOURCES: Record<ImportSource, string> = {
  asana: "Read as an export of Asana.",
  todoist: "Read as an export of Todoist: only its tasks, not its sections or notes.",
  trello: "Read as an export of Trello.",
  jira: "Read as an export of Jira.",
  linear: "Read as an export of Linear.",
  docket: "Read as a plate exported from Docket.",
  csv: "Read by its column names: a title, and a due date and notes where the file has them.",
};

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

/** Which tool the file came from, as its header told. */
export function sourceLine(source: ImportSource): string {
  return SOURCES[source];
}

/** What confirming the preview does. */
export function previewHeadline(result: Pick<TasksImport, "added">, whose: string): string {
  if (result.added.length === 0) return "Nothing to add: no row of the file is open work.";
  return `${plural(result.added.length, "task")} will be added at the bottom of ${whose}, in the file's order.`;
}

export function skippedHeadline(count: number): string {
  return `${plural(count, "row")} will be skipped:`;
}

/** The confirm button's label. */
export function addLabel(count: number): string {
  return `Add ${plural(count, "task")}`;
}

/** What a finished import says. */
export function addedLine(count: number, whose: string): string {
  return `${plural(count, "task")} added at the bottom of ${whose}.`;
}

/** The first `PREVIEW_SHOWN` of a list, and how many more it holds. */
export function shownOf<T>(items: readonly T[]): { shown: readonly T[]; more: number } {
  return { shown: items.slice(0, PREVIEW_SHOWN), more: Math.max(0, items.length - PREVIEW_SHOWN) };
}

export function moreLine(more: number, what: string): string {
  return `and ${plural(more, `more ${what}`, `more ${what}s`)}`;
}
