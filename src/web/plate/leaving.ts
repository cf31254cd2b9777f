import type { Placement, Task } from "../../contract";

/**
 * Where a task that stood in `order` goes among `current`: after the nearest task above it that is
 * still there, else before the nearest one below it, else at the top. Tasks that left meanwhile
 * are stepped over, so the task lands as close to where it was as the plate now allows.
 */
export function placeAmong(order: readonly string[], taskId: string, current: readonly string[]): Placement {
  const at = order.indexOf(taskId);
  const present = new Set(current.filter((id) => id !== taskId));
  if (at !== -1) {
    for (let index = at - 1; index >= 0; index--) {
      const id = order[index];
      if (id !== undefined && present.has(id)) return { after: id };
    }
    for (let index = at + 1; index < order.length; index++) {
      const id = order[index];
      if (id !== undefined && present.has(id)) return { before: id };
    }
  }
  return "top";
}

/** The 0-based index a placement gives a task among `others` (the plate without it). */
export function indexOfPlacement(placement: Placement, others: readonly string[]): number {
  if (placement === "top") return 0;
  if (placement === "bottom") return others.length;
  if ("after" in placement) return others.indexOf(placement.after) + 1;
  const before = others.indexOf(placement.before);
  return before === -1 ? others.length : before;
}

/** A task that has just been completed or dropped, held in its place on the plate for a moment. */
export interface LeavingTask {
  /** The task as it was on the plate. */
  task: Task;
  outcome: "done" | "dropped";
  /** The plate as shown when it left, top first (other leaving tasks included). */
  order: readonly string[];
}

export type PlateListRow =
  | { kind: "open"; task: Task; index: number }
  | { kind: "leaving"; leaving: LeavingTask };

/**
 * The open plate as shown: the open tasks in order, with each leaving task back where it stood,
 * so that nothing slides under the pointer while it leaves. `index` counts open tasks only.
 */
export function withLeaving(items: readonly Task[], leaving: readonly LeavingTask[]): PlateListRow[] {
  const rows: PlateListRow[] = items.map((task, index) => ({ kind: "open", task, index }));
  const open = new Set(items.map((task) => task.id));
  for (const entry of leaving) {
    if (open.has(entry.task.id)) continue;
    const ids = rows.map(rowId);
    const at = indexOfPlacement(placeAmong(entry.order, entry.task.id, ids), ids);
    rows.splice(at, 0, { kind: "leaving", leaving: entry });
  }
  return rows;
}

function rowId(row: PlateListRow): string {
  return row.kind === "open" ? row.task.id : row.leaving.task.id;
}
