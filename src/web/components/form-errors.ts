import { ApiError, errorMessage, type FieldErrors } from "../api/errors";

export interface SplitErrors {
  /** Messages that belong next to a field of the form, keyed by the form's field path. */
  fields: FieldErrors;
  /** What no field claims: shown above the submit button, or `null`. */
  form: string | null;
}

/**
 * Sorts the server's field errors into those the form shows next to a field and the rest.
 * `fieldFor` maps a server path to the form's path, or returns `null` when no field shows it.
 */
export function splitErrors(error: unknown, fieldFor: (path: string) => string | null): SplitErrors {
  if (!(error instanceof ApiError)) return { fields: {}, form: errorMessage(error) };
  const fields: FieldErrors = {};
  const unclaimed: string[] = [];
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const field = fieldFor(path);
    if (field) fields[field] ??= message;
    else unclaimed.push(message);
  }
  if (Object.keys(fields).length === 0) return { fields, form: error.detail };
  return { fields, form: unclaimed.length > 0 ? unclaimed.join(" ") : null };
}

/** A `fieldFor` for forms whose fields are named exactly like the body they send. */
export function sameNames(...names: string[]): (path: string) => string | null {
  return (path) => (names.includes(path) ? path : null);
}
