import type { Placement, Task } from "../../contract";

/**
 * The placement that moves a task to a 0-based index of its plate, named by the task it will follow
 * (or precede, at the top); null when it would not move.
 */
export function placementForMove(ids: readonly string[], taskId: string, toIndex: number): Placement | null {
  const from = ids.indexOf(taskId);
  if (from === -1 || toIndex === from || toIndex < 0 || toIndex >= ids.length) return null;
  const others = ids.filter((id) => id !== taskId);
  const next = others[0];
  if (toIndex === 0) return next ? { before: next } : null;
  const previous = others[toIndex - 1];
  return previous ? { after: previous } : null;
}

/** The plate as it reads once a task moved to a 0-based index, positions renumbered from 1. */
export function reorderPlate(items: readonly Task[], taskId: string, toIndex: number): Task[] {
  const moving = items.find((task) => task.id === taskId);
  if (!moving) return [...items];
  const others = items.filter((task) => task.id !== taskId);
  others.splice(Math.max(0, Math.min(toIndex, others.length)), 0, moving);
  return renumber(others);
}

/** The plate once a task has left it (completed, dropped), positions renumbered from 1. */
export function withoutTask(items: readonly Task[], taskId: string): Task[] {
  return renumber(items.filter((task) => task.id !== taskId));
}

function renumber(items: readonly Task[]): Task[] {
  return items.map((task, index) => (task.position === index + 1 ? task : { ...task, position: index + 1 }));
}
