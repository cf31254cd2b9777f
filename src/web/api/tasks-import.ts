import type { PlateState, RowIssue, TasksImport } from "../../contract";
import { toApiError } from "./errors";

const personPath = (id: string) => `/api/v1/people/${encodeURIComponent(id)}`;

/** Where a plate's list downloads from as CSV (only one goal's tasks, when given). */
export function plateCsvUrl(ownerId: string, state: PlateState, goalId?: string | null): string {
  const query = new URLSearchParams({ state, ...(goalId ? { goalId } : {}) });
  return `${personPath(ownerId)}/tasks.csv?${query}`;
}

/** What an import answered: what it added (or would add) and skipped, or the file refused with its bad rows. */
export type ImportOutcome =
  | { kind: "read"; result: TasksImport }
  | { kind: "refused"; detail: string; errors: RowIssue[] };

/**
 * Sends a CSV file to be imported onto `ownerId`'s plate, or only previewed (`dryRun`). A file the
 * server refuses (422) resolves as `refused` with its bad rows; any other failure rejects with an
 * `ApiError`.
 */
export async function importTasksFile(ownerId: string, file: Blob, dryRun: boolean): Promise<ImportOutcome> {
  const response = await fetch(`${personPath(ownerId)}/tasks/import?dryRun=${dryRun}`, {
    method: "POST",
    credentials: "same-origin",
    cache: "no-store",
    headers: { Accept: "application/json", "Content-Type": "text/csv" },
    body: file,
  });
  if (response.ok) return { kind: "read", result: (await response.json()) as TasksImport };
  if (response.status !== 422) throw await toApiError(response);
  const problem = (await response.json()) as { detail?: string; errors?: RowIssue[] };
  return {
    kind: "refused",
    detail: problem.detail ?? "The file cannot be imported.",
    errors: Array.isArray(problem.errors) ? problem.errors : [],
  };
}
