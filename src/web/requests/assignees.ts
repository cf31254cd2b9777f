import type { AssigneeGroup } from "../../contract";

/** Who a request names: people one by one, and groups of the requester's. */
export interface AssigneeChoice {
  ids: string[];
  groups: AssigneeGroup[];
}

export const NO_ONE: AssigneeChoice = { ids: [], groups: [] };

export const GROUP_LABELS: Record<AssigneeGroup, string> = {
  direct_reports: "My direct reports",
  everyone_below: "Everyone below me",
};

export function isEmptyChoice(choice: AssigneeChoice): boolean {
  return choice.ids.length === 0 && choice.groups.length === 0;
}

/** The body's `assigneeIds` and `groups` for a choice; groups are left out when there are none. */
export function choiceBody(choice: AssigneeChoice): { assigneeIds: string[]; groups?: AssigneeGroup[] } {
  return choice.groups.length > 0
    ? { assigneeIds: choice.ids, groups: choice.groups }
    : { assigneeIds: choice.ids };
}

/** Where a request form shows the server's field errors. */
export function requestFieldFor(path: string): string | null {
  if (path === "due" || path.startsWith("due.")) return "due";
  if (
    path === "assigneeIds" ||
    path.startsWith("assigneeIds.") ||
    path === "groups" ||
    path.startsWith("groups.")
  )
    return "assignees";
  if (path === "reason") return "reason";
  return ["title", "notes"].includes(path) ? path : null;
}
