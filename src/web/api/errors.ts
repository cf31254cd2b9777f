/** Field messages keyed by the path the server names, e.g. "email" or "workingHours.end". */
export type FieldErrors = Record<string, string>;

/** Any failed answer of the API, whatever shape its body had. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly fieldErrors: FieldErrors;
  readonly code: string | null;
  readonly retryAfterSeconds: number | null;
  /** On a version conflict (409), the entity as it is now. */
  readonly current: unknown;

  constructor(init: {
    status: number;
    detail: string;
    fieldErrors?: FieldErrors;
    code?: string | null;
    retryAfterSeconds?: number | null;
    current?: unknown;
  }) {
    super(init.detail);
    this.name = "ApiError";
    this.status = init.status;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? {};
    this.code = init.code ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.current = init.current ?? null;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** The message to show when no field claims the error. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof TypeError) return "Docket could not be reached. Check your connection and try again.";
  return "Something went wrong. Please try again.";
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Field messages read as sentences beside their field: "name is required" → "Name is required". */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function readFieldErrors(body: JsonObject): FieldErrors {
  const errors: FieldErrors = {};
  if (!Array.isArray(body.errors)) return errors;
  for (const issue of body.errors) {
    if (isObject(issue) && typeof issue.path === "string" && typeof issue.message === "string") {
      errors[issue.path] ??= sentence(issue.message);
    }
  }
  return errors;
}

function fallbackDetail(status: number): string {
  if (status === 401) return "Your session has ended. Please sign in again.";
  if (status === 403) return "You are not allowed to do that.";
  if (status === 404) return "This no longer exists.";
  if (status === 429) return "Too many attempts. Please wait a moment and try again.";
  if (status >= 500) return "Docket had a problem on its side. Please try again.";
  return "The request could not be completed.";
}

/**
 * Reads a failed response: problem+json (`detail`, `errors[]`, `current`) from the API, or better-auth's own
 * `{message, code}` from `/api/auth`.
 */
export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const retryAfter = Number.parseInt(response.headers.get("Retry-After") ?? "", 10);
  const common = {
    status: response.status,
    retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null,
  };
  if (!isObject(body)) return new ApiError({ ...common, detail: fallbackDetail(response.status) });
  const detail =
    (typeof body.detail === "string" && body.detail) ||
    (typeof body.message === "string" && body.message) ||
    (typeof body.title === "string" && body.title) ||
    fallbackDetail(response.status);
  return new ApiError({
    ...common,
    detail,
    fieldErrors: readFieldErrors(body),
    code: typeof body.code === "string" ? body.code : null,
    current: body.current ?? null,
  });
}
