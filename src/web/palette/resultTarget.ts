import type { SearchResult, Task } from "../../contract";

/** A page of the app a palette entry opens, as the router takes it. */
export type PageTarget =
  | { to: "/plate"; search: { task?: string } }
  | { to: "/people/$id/plate"; params: { id: string }; search: { task?: string } }
  | { to: "/people" }
  | { to: "/requests/$id"; params: { id: string } }
  | { to: "/goals/$id"; params: { id: string } }
  | { to: "/meetings/$id"; params: { id: string } };

/** Where a search result leads, or that the task must be read first to know (it is on a plate I may not see). */
export type ResultTarget = PageTarget | { readTask: string };

/** Who reads: their id, and whether they may see a plate (it is theirs, or they manage its owner). */
export interface Reader {
  id: string;
  canSeePlateOf: (ownerId: string) => boolean;
}

function plateOf(reader: Reader, ownerId: string, task?: string): PageTarget | null {
  const search = task ? { task } : {};
  if (ownerId === reader.id) return { to: "/plate", search };
  if (reader.canSeePlateOf(ownerId)) return { to: "/people/$id/plate", params: { id: ownerId }, search };
  return null;
}

/**
 * Where opening a search result goes: a task to the plate it is on with its drawer open; a person to
 * their plate, or the People page when it is not mine to see; a request or a goal to its page.
 */
export function resultTarget(
  result: Pick<SearchResult, "kind" | "id" | "ownerId">,
  reader: Reader,
): ResultTarget {
  switch (result.kind) {
    case "person":
      return plateOf(reader, result.id) ?? { to: "/people" };
    case "request":
      return { to: "/requests/$id", params: { id: result.id } };
    case "goal":
      return { to: "/goals/$id", params: { id: result.id } };
    case "task":
      return (result.ownerId && plateOf(reader, result.ownerId, result.id)) || { readTask: result.id };
  }
}

/**
 * Where a task on a plate I may not see is shown to me: the request it belongs to, else the
 * one-on-one it was added in, else its owner's page, where I may ask them for more.
 */
export function taskTarget(
  task: Pick<Task, "id" | "ownerId" | "requestId" | "meetingId">,
  reader: Reader,
): PageTarget {
  const onPlate = plateOf(reader, task.ownerId, task.id);
  if (onPlate) return onPlate;
  if (task.requestId) return { to: "/requests/$id", params: { id: task.requestId } };
  if (task.meetingId) return { to: "/meetings/$id", params: { id: task.meetingId } };
  return { to: "/people/$id/plate", params: { id: task.ownerId }, search: {} };
}
