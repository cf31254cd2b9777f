import type { Plate, Task } from "../../contract/tasks";
import { type Cell, fitTable } from "./columns";
import { describeDue } from "./dates";
import type { Paint } from "./style";

export const quoted = (title: string) => `“${title}”`;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What to know about a task at a glance besides its due: urgent, started. */
function marks(task: Task): string {
  return [task.urgent ? "urgent" : "", task.state === "in_progress" ? "started" : ""]
    .filter(Boolean)
    .join(" ");
}

/** One task as a row: position, title, due (relative, in the owner's zone), marks, id. */
export function taskRow(task: Task, now: Date, zone: string): Cell[] {
  const due = describeDue(task, now, zone);
  return [
    { text: task.position === null ? "" : String(task.position), style: ["bold"] },
    { text: task.title },
    { text: due, style: task.overdue ? ["red", "bold"] : [] },
    { text: marks(task), style: ["yellow", "bold"] },
    { text: task.id, style: ["dim"] },
  ];
}

const taskColumns = [{ align: "right" as const }, { flex: true }, {}, {}, { spill: true }];

/** A plate as a person reads it: a line of its load, then its tasks in order, fitted to `width`. */
export function plateLines(
  plate: Plate,
  owner: { name: string; timeZone: string },
  now: Date,
  width: number,
  paint: Paint,
): string[] {
  const { load } = plate;
  const summary = [
    count(load.open, "open task"),
    `${load.dueThisWeek} due this week`,
    load.overdue > 0 ? paint(["red", "bold"], `${load.overdue} overdue`) : "0 overdue",
    ...(load.triage > 0 ? [`${load.triage} waiting in triage`] : []),
  ];
  const header = `${paint(["bold"], `${owner.name}'s plate`)}: ${summary.join(", ")}`;
  if (plate.items.length === 0) return [header, "Nothing on the plate."];
  const rows = plate.items.map((task) => taskRow(task, now, owner.timeZone));
  return [header, ...fitTable(rows, taskColumns, width, paint)];
}
