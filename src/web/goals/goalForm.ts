import type { CreateGoal, Goal, UpdateGoal } from "../../contract";

/** What the goal forms hold. */
export interface GoalFormValues {
  title: string;
  description: string;
  /** `YYYY-MM-DD`, or "" for no due date. */
  due: string;
  /** Whether the date field holds something that is not a date. */
  dueUnreadable: boolean;
  parentId: string | null;
}

export const EMPTY_GOAL: GoalFormValues = {
  title: "",
  description: "",
  due: "",
  dueUnreadable: false,
  parentId: null,
};

export function goalValues(goal: Goal): GoalFormValues {
  return {
    title: goal.title,
    description: goal.description,
    due: goal.due?.date ?? "",
    dueUnreadable: false,
    parentId: goal.parentId,
  };
}

/** A new goal for `ownerId`, empty parts left out. */
export function newGoal(ownerId: string, values: GoalFormValues): CreateGoal {
  return {
    ownerId,
    title: values.title.trim(),
    ...(values.description.trim() ? { description: values.description } : {}),
    ...(values.due ? { due: { date: values.due } } : {}),
    ...(values.parentId ? { parentId: values.parentId } : {}),
  };
}

/** Only what was changed goes to the server, so that an edit never undoes someone else's. */
export function goalChanges(values: GoalFormValues, base: GoalFormValues): Omit<UpdateGoal, "version"> {
  const changes: Omit<UpdateGoal, "version"> = {};
  if (values.title.trim() !== base.title) changes.title = values.title.trim();
  if (values.description !== base.description) changes.description = values.description;
  if (values.due !== base.due) changes.due = values.due ? { date: values.due } : null;
  if (values.parentId !== base.parentId) changes.parentId = values.parentId;
  return changes;
}

/** Where a goal form shows the server's field errors: `due.date` goes to the date field. */
export function goalFieldFor(path: string): string | null {
  if (path === "due" || path.startsWith("due.")) return "due";
  return ["title", "description", "parentId", "ownerId"].includes(path) ? path : null;
}
