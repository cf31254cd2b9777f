import { isApiError } from "../api/errors";
import { type SplitErrors, splitErrors } from "../components/form-errors";

/** Where a task form shows the server's field errors: `due.date` and `due` go to the date field. */
export function taskFieldFor(path: string): string | null {
  if (path === "due" || path.startsWith("due.")) return "due";
  if (path === "dropReason" || path === "reason") return "reason";
  return ["title", "notes", "placement", "urgent", "goalId"].includes(path) ? path : null;
}

/**
 * A task form's errors. Past the weekly limit of urgent items the server refuses the whole change
 * (422) and explains it in its detail, which is shown in full beside the Urgent box (rather than the
 * short field message), while the form says nothing was saved and how to go on (`withoutUrgent`).
 */
export function splitTaskErrors(error: unknown, askedUrgent: boolean, withoutUrgent: string): SplitErrors {
  if (!isApiError(error, 422)) return splitErrors(error, taskFieldFor);
  const fields = Object.keys(error.fieldErrors);
  const aboutUrgent = fields.includes("urgent") || (askedUrgent && fields.length === 0);
  if (aboutUrgent) {
    return { fields: { urgent: error.detail }, form: `Nothing was saved. ${withoutUrgent}` };
  }
  return splitErrors(error, taskFieldFor);
}
