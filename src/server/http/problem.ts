import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import {
  AppError,
  codeForStatus,
  type ErrorCode,
  errorCodes,
  type FieldIssue,
  type RowIssue,
} from "../../core/errors";
import { isDatabaseUnavailable } from "../db/dialect";

export const problemContentType = "application/problem+json";

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldIssue[] | RowIssue[];
  current?: unknown;
}

export function problemOf(error: AppError): ProblemBody {
  const { status, title } = errorCodes[error.code];
  const body: ProblemBody = {
    type: `urn:docket:problem:${error.code}`,
    title,
    status,
    detail: error.message,
    code: error.code,
  };
  if (error.details.errors) body.errors = error.details.errors;
  if (error.details.rows) body.errors = error.details.rows;
  if (error.details.current !== undefined) body.current = error.details.current;
  return body;
}

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  if (error.details.retryAfterSeconds !== undefined)
    reply.header("retry-after", String(error.details.retryAfterSeconds));
  return reply.code(error.status).type(problemContentType).send(problemOf(error));
}

/** Turns anything thrown while serving a request into the AppError the client should see. */
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? "body";
    const errors = error.validation.map((issue) => ({
      path: issuePath(where, issue.instancePath, issue.params.keys),
      message: issue.message ?? "is not valid",
    }));
    return new AppError("validation_failed", describeIssues(errors), { errors });
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("bad_request", `The body is not valid JSON: ${fastifyError.message ?? ""}`.trim());
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large", "The request body is larger than this server accepts.");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("unsupported_media_type", "Send the request body as application/json.");
    case "FST_ERR_VALIDATION":
      return new AppError("validation_failed", fastifyError.message ?? "The request is not valid.");
  }
  if (error instanceof SyntaxError)
    return new AppError("bad_request", `The body is not valid JSON: ${error.message}`);
  if (isDatabaseUnavailable(error)) {
    return new AppError(
      "unavailable",
      "The database cannot be reached right now. Try again in a few seconds.",
      {
        retryAfterSeconds: 5,
      },
    );
  }
  const status = fastifyError.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const code = codeForStatus(status);
    return new AppError(code, fastifyError.message ?? errorCodes[code].title);
  }
  return new AppError("internal", "Something went wrong on our side. It has been logged.");
}

/** `/workingHours/end` in the body → `workingHours.end`; an unknown key names itself. */
function issuePath(where: string, instancePath: string, unknownKeys: unknown): string {
  const segments = instancePath.split("/").filter(Boolean);
  if (Array.isArray(unknownKeys) && unknownKeys.length > 0) segments.push(String(unknownKeys[0]));
  const inner = segments.join(".");
  if (where === "body") return inner;
  return inner ? `${where}.${inner}` : where;
}

function describeIssues(errors: FieldIssue[]): string {
  const first = errors[0];
  if (!first) return "The request is not valid.";
  const where = first.path ? `${first.path}: ` : "";
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  return `${where}${first.message}${more}`;
}

/** The one error handler: every error leaves as problem+json, and only real faults are logged as errors. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = asAppError(error);
  if (appError.code === "internal") request.log.error({ err: error }, "request failed");
  if (appError.code === "unavailable") request.log.warn({ err: error }, "database unavailable: answered 503");
  return sendProblem(reply, appError);
}
