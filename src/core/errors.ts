/**
 * The one error type of Docket. Every failure the API can answer is one of these codes; the HTTP
 * layer maps them once to problem+json (`server/http/problem.ts`).
 */
export const errorCodes = {
  bad_request: { status: 400, title: "Bad request" },
  validation_failed: { status: 400, title: "The request is not valid" },
  unauthenticated: { status: 401, title: "Not signed in" },
  forbidden: { status: 403, title: "Not allowed" },
  not_found: { status: 404, title: "Not found" },
  version_conflict: { status: 409, title: "Changed by someone else" },
  already_exists: { status: 409, title: "Already exists" },
  gone: { status: 410, title: "No longer available" },
  payload_too_large: { status: 413, title: "Request body too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  rule_violated: { status: 422, title: "Breaks a rule" },
  too_many_requests: { status: 429, title: "Too many requests" },
  unavailable: { status: 503, title: "Temporarily unavailable" },
  internal: { status: 500, title: "Internal error" },
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** The first code answered with `status`: for errors that arrive as a bare HTTP status. */
export function codeForStatus(status: number): ErrorCode {
  return (
    (Object.keys(errorCodes) as ErrorCode[]).find((code) => errorCodes[code].status === status) ??
    "bad_request"
  );
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** A bad row of an imported file (data rows count from 1, after the header). */
export interface RowIssue {
  row: number;
  message: string;
}

export interface AppErrorDetails {
  errors?: FieldIssue[];
  /** The bad rows of an imported file: answered as the problem's `errors`, in place of fields. */
  rows?: RowIssue[];
  current?: unknown;
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorDetails;

  constructor(code: ErrorCode, message: string, details: AppErrorDetails = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

export const notFound = (what: string) =>
  new AppError("not_found", `${what} does not exist or is not visible to you`);
export const forbidden = (why: string) => new AppError("forbidden", why);
export const ruleViolated = (why: string, errors?: FieldIssue[]) =>
  new AppError("rule_violated", why, errors ? { errors } : {});
